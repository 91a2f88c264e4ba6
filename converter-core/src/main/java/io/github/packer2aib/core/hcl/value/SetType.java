package io.github.packer2aib.core.hcl.value;

import java.util.Objects;

/** {@code set(T)}: a collection whose elements all have type {@code element}. */
public record SetType(Type element) implements Type {
  public SetType {
    Objects.requireNonNull(element, "element");
  }

  @Override
  public String friendlyName() {
    return "set of " + element.friendlyName();
  }

  @Override
  public String friendlyNameForConstraint() {
    // As cty: an element type to be found is "any single type" (all elements share it).
    return element == Type.DYNAMIC
        ? "set of any single type"
        : "set of " + element.friendlyNameForConstraint();
  }

  @Override
  public boolean hasDynamicTypes() {
    return element.hasDynamicTypes();
  }

  @Override
  public Type withoutOptionalAttributesDeep() {
    return new SetType(element.withoutOptionalAttributesDeep());
  }

  @Override
  public String toString() {
    return "set(" + element + ")";
  }

  // Written out rather than generated: a record's equals and hashCode link method handles on
  // first use, several milliseconds each in a cold run, and every conversion uses these.
  @Override
  public boolean equals(Object o) {
    return o instanceof SetType t && element.equals(t.element);
  }

  @Override
  public int hashCode() {
    return element.hashCode();
  }
}
