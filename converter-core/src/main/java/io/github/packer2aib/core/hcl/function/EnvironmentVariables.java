package io.github.packer2aib.core.hcl.function;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The environment variables a run's templates read ({@code env()} in variable defaults, {@code
 * PKR_VAR_*}, legacy {@code {{env}}}), frozen like the run's {@link Clock}: an unmodifiable map in
 * name order, so every pass over it (PKR_VAR_* variables, say) is in the same order.
 *
 * <p>A bulk run makes the options of every template from the command line's, whose environment is
 * already frozen: {@link #frozen} knows its own maps by their class and returns them as they are,
 * rather than copying the environment into a new tree for each of thousands of templates.
 */
public final class EnvironmentVariables {
  private EnvironmentVariables() {}

  /** {@code variables} as an unmodifiable sorted map; a map this method made is returned as is. */
  public static Map<String, String> frozen(Map<String, String> variables) {
    if (variables instanceof Frozen f) {
      return f;
    }
    return new Frozen(Collections.unmodifiableSortedMap(new TreeMap<>(variables)));
  }

  /** A frozen environment: reads go to an unmodifiable sorted view nobody else holds. */
  private static final class Frozen extends AbstractMap<String, String> {
    private final SortedMap<String, String> sorted;

    Frozen(SortedMap<String, String> sorted) {
      this.sorted = sorted;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return sorted.entrySet();
    }

    @Override
    public String get(Object key) {
      return sorted.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return sorted.containsKey(key);
    }

    @Override
    public int size() {
      return sorted.size();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
      sorted.forEach(action);
    }
  }
}
