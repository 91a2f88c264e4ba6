package io.github.packer2aib.core.hcl.value;

/** {@code true} or {@code false}. */
public record BoolValue(boolean value) implements Value {
  public static final BoolValue TRUE = new BoolValue(true);
  public static final BoolValue FALSE = new BoolValue(false);

  @Override
  public Type type() {
    return Type.BOOL;
  }

  @Override
  public boolean asBoolean() {
    return value;
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
