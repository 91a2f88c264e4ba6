package io.github.packer2aib.core.hcl.value;

/** {@code string}, {@code number} and {@code bool}. */
public enum PrimitiveType implements Type {
  STRING("string"),
  NUMBER("number"),
  BOOL("bool");

  private final String keyword;

  PrimitiveType(String keyword) {
    this.keyword = keyword;
  }

  @Override
  public String friendlyName() {
    return keyword;
  }

  @Override
  public boolean hasDynamicTypes() {
    return false;
  }

  @Override
  public Type withoutOptionalAttributesDeep() {
    return this;
  }

  @Override
  public String toString() {
    return keyword;
  }
}
