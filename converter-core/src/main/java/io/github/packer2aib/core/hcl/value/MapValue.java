package io.github.packer2aib.core.hcl.value;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** A known map from strings to elements of {@code elementType}; keys iterate in lexical order. */
public record MapValue(Type elementType, SortedMap<String, Value> entries) implements Value {
  public MapValue(Type elementType, Map<String, Value> entries) {
    this(elementType, sorted(entries));
  }

  public MapValue {
    Objects.requireNonNull(elementType, "elementType");
    entries = frozen(entries);
    Values.checkElementTypes("map", elementType, entries.values());
  }

  /** A copy in code-point order of the keys, which no one else holds. */
  static SortedMap<String, Value> sorted(Map<String, ? extends Value> m) {
    PrivateCopy copy = new PrivateCopy();
    copy.putAll(m);
    return copy;
  }

  /**
   * The entries as a record keeps them: unmodifiable, and a copy unless they are one already. The
   * non-canonical constructors copy the caller's map (to sort it) before the canonical one runs:
   * without this check every object and map value was copied twice, and the evaluator makes many.
   */
  static SortedMap<String, Value> frozen(SortedMap<String, Value> m) {
    return Collections.unmodifiableSortedMap(m instanceof PrivateCopy ? m : sorted(m));
  }

  /** The type of {@link #sorted}'s copies, so {@link #frozen} can tell them from a caller's map. */
  private static final class PrivateCopy extends TreeMap<String, Value> {
    private static final long serialVersionUID = 1L;

    PrivateCopy() {
      super(Strings.CODE_POINT_ORDER);
    }
  }

  @Override
  public MapType type() {
    return new MapType(elementType);
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
