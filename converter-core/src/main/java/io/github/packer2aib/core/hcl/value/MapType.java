package io.github.packer2aib.core.hcl.value;

import java.util.Objects;

/** {@code map(T)}: a collection whose elements all have type {@code element}. */
public record MapType(Type element) implements Type {
  public MapType {
    Objects.requireNonNull(element, "element");
  }

  @Override
  public String friendlyName() {
    return "map of " + element.friendlyName();
  }

  @Override
  public String friendlyNameForConstraint() {
    // As cty: an element type to be found is "any single type" (all elements share it).
    return element == Type.DYNAMIC
        ? "map of any single type"
        : "map of " + element.friendlyNameForConstraint();
  }

  @Override
  public boolean hasDynamicTypes() {
    return element.hasDynamicTypes();
  }

  @Override
  public Type withoutOptionalAttributesDeep() {
    return new MapType(element.withoutOptionalAttributesDeep());
  }

  @Override
  public String toString() {
    return "map(" + element + ")";
  }

  // Written out rather than generated: a record's equals and hashCode link method handles on
  // first use, several milliseconds each in a cold run, and every conversion uses these.
  @Override
  public boolean equals(Object o) {
    return o instanceof MapType t && element.equals(t.element);
  }

  @Override
  public int hashCode() {
    return element.hashCode();
  }
}
