package io.github.packer2aib.core.hcl.value;

import java.util.List;
import java.util.Objects;

/** A known list: a sequence whose elements all have {@code elementType}. */
public record ListValue(Type elementType, List<Value> elements) implements Value {
  public ListValue {
    Objects.requireNonNull(elementType, "elementType");
    elements = List.copyOf(elements);
    Values.checkElementTypes("list", elementType, elements);
  }

  @Override
  public ListType type() {
    return new ListType(elementType);
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
