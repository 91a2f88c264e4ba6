package io.github.packer2aib.core.hcl.value;

/**
 * The dynamic pseudo-type: {@code any} in a type constraint, and the type of a null or unknown
 * value whose type is not known yet.
 */
public enum DynamicType implements Type {
  DYNAMIC;

  @Override
  public String friendlyName() {
    return "dynamic";
  }

  @Override
  public String friendlyNameForConstraint() {
    return "any type";
  }

  @Override
  public boolean hasDynamicTypes() {
    return true;
  }

  @Override
  public Type withoutOptionalAttributesDeep() {
    return this;
  }

  @Override
  public String toString() {
    return "any";
  }
}
