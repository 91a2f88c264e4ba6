package io.github.packer2aib.core.hcl.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A known set. Duplicates are removed and the elements kept in a fixed order, so that output is
 * deterministic: numbers ascending, strings in code point order, {@code false} before {@code
 * true} (cty's order for primitives); other elements by their rendering (cty leaves that order
 * unspecified); unknown elements last. See {@link Values#SET_ORDER}.
 */
public record SetValue(Type elementType, List<Value> elements) implements Value {
  public SetValue {
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
    elements = List.copyOf(unique);
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
  public String toString() {
    return Values.render(this);
  }
}
