package io.github.packer2aib.core.hcl.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A known set. Duplicates are removed and the elements kept in a fixed order, so that output is
 * deterministic: numbers ascending, strings in code point order, {@code false} before {@code true}
 * (cty's order for primitives); other elements by their rendering (cty leaves that order
 * unspecified); unknown elements last. See {@link Values#SET_ORDER}.
 *
 * <p>A final class rather than a record so that it can keep what is inside it ({@link Inside}),
 * worked out once from its elements.
 */
public final class SetValue implements Value {
  private final Type elementType;
  private final List<Value> elements;
  final int inside;
  final long size; // WrittenSize

  public SetValue(Type elementType, List<Value> elements) {
    this.elementType = Objects.requireNonNull(elementType, "elementType");
    Values.checkElementTypes("set", elementType, elements);
    List<Value> sorted = new ArrayList<>(elements);
    sorted.sort(Values.SET_ORDER);
    List<Value> unique = new ArrayList<>();
    java.util.Set<Value> seen = new java.util.HashSet<>();
    for (Value v : sorted) {
      // Unknown elements stay apart: two unknowns may turn out to be different values.
      if (!v.isKnown() || seen.add(v)) {
        unique.add(v);
      }
    }
    this.elements = List.copyOf(unique);
    this.inside = Inside.of(this.elements);
    this.size = WrittenSize.ofElements(this.elements);
  }

  public Type elementType() {
    return elementType;
  }

  @Override
  public SetType type() {
    return new SetType(elementType);
  }

  @Override
  public List<Value> elements() {
    return elements;
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof SetValue v
            && elementType.equals(v.elementType)
            && elements.equals(v.elements));
  }

  @Override
  public int hashCode() {
    return 31 * elementType.hashCode() + elements.hashCode(); // as the record's was
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
