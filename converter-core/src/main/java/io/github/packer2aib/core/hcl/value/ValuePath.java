package io.github.packer2aib.core.hcl.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Where inside a value something is: {@code .tags["env"]}, {@code [0].name}. Used to locate
 * conversion errors, printed the way Packer and Terraform print them.
 */
public record ValuePath(List<Step> steps) {
  public static final ValuePath ROOT = new ValuePath(List.of());

  public ValuePath {
    steps = List.copyOf(steps);
  }

  /** One step: an attribute of an object, or an index/key of a collection or tuple. */
  public sealed interface Step permits Attribute, Index, Key {}

  public record Attribute(String name) implements Step {}

  public record Index(long index) implements Step {}

  public record Key(String key) implements Step {}

  public ValuePath attribute(String name) {
    return append(new Attribute(name));
  }

  public ValuePath index(long i) {
    return append(new Index(i));
  }

  public ValuePath key(String k) {
    return append(new Key(k));
  }

  private ValuePath append(Step s) {
    List<Step> more = new ArrayList<>(steps);
    more.add(s);
    return new ValuePath(more);
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Step s : steps) {
      if (s instanceof Attribute) {
        sb.append('.').append(((Attribute) s).name());
      } else if (s instanceof Index) {
        sb.append('[').append(((Index) s).index()).append(']');
      } else {
        sb.append('[').append(Strings.quote(((Key) s).key())).append(']');
      }
    }
    return sb.toString();
  }
}
