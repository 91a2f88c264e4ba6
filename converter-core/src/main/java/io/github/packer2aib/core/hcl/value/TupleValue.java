package io.github.packer2aib.core.hcl.value;

import java.util.List;
import java.util.stream.Collectors;

/** A known tuple: a sequence whose elements may have different types. */
public record TupleValue(List<Value> elements) implements Value {
  public static final TupleValue EMPTY = new TupleValue(List.of());

  public TupleValue {
    elements = List.copyOf(elements);
  }

  @Override
  public TupleType type() {
    return new TupleType(elements.stream().map(Value::type).collect(Collectors.toList()));
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
