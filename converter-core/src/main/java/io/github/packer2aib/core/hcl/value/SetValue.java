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
public final class SetValue extends CollectionValue {
  private final Type elementType;
  private final List<Value> elements;

  public SetValue(Type elementType, List<Value> elements) {
    this(canonical(elementType, elements), elementType);
  }

  private SetValue(List<Value> canonical, Type elementType) {
    super(canonical);
    this.elementType = elementType;
    this.elements = canonical;
  }

  /** The elements in set order, each known one once (checked against {@code elementType} first). */
  private static List<Value> canonical(Type elementType, List<Value> elements) {
    Objects.requireNonNull(elementType, "elementType");
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
    return List.copyOf(unique);
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
