package io.github.packer2aib.core.hcl.value;

import java.util.Arrays;
import java.util.List;

/** A known tuple: a sequence whose elements may have different types. */
public record TupleValue(List<Value> elements) implements Value {
  public static final TupleValue EMPTY = new TupleValue(List.of());

  public TupleValue {
    elements = List.copyOf(elements);
  }

  @Override
  public TupleType type() {
    // A loop, not a stream: conversions ask every tuple for its type, often.
    Type[] types = new Type[elements.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = elements.get(i).type();
    }
    return new TupleType(Arrays.asList(types));
  }

  @Override
  public List<Value> elements() {
    return elements;
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
