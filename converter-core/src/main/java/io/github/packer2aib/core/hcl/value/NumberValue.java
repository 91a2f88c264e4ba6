package io.github.packer2aib.core.hcl.value;

import java.util.Objects;

/** A known number: arbitrary precision, see {@link BigFloat}. Equal when numerically equal. */
public record NumberValue(BigFloat value) implements Value {
  public NumberValue {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public Type type() {
    return Type.NUMBER;
  }

  @Override
  public BigFloat asNumber() {
    return value;
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
