package io.github.packer2aib.core.hcl.value;

import java.util.List;
import java.util.stream.Collectors;

/** {@code tuple([T1, T2, ...])}: a fixed sequence of elements, each with its own type. */
public record TupleType(List<Type> elements) implements Type {
  public static final TupleType EMPTY = new TupleType(List.of());

  public TupleType {
    elements = List.copyOf(elements);
  }

  @Override
  public String friendlyName() {
    return "tuple";
  }

  @Override
  public boolean hasDynamicTypes() {
    return elements.stream().anyMatch(Type::hasDynamicTypes);
  }

  @Override
  public Type withoutOptionalAttributesDeep() {
    return new TupleType(
        elements.stream().map(Type::withoutOptionalAttributesDeep).collect(Collectors.toList()));
  }

  @Override
  public String toString() {
    return elements.stream().map(Type::toString).collect(Collectors.joining(", ", "tuple([", "])"));
  }

  // Written out rather than generated: a record's equals and hashCode link method handles on
  // first use, several milliseconds each in a cold run, and every conversion uses these.
  @Override
  public boolean equals(Object o) {
    return o instanceof TupleType t && elements.equals(t.elements);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }
}
