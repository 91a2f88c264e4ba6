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
    return "map of " + element.friendlyNameForConstraint();
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
}
