package io.github.packer2aib.core.aib;

import java.util.Objects;

/** A boolean field's value: a literal or an ARM template expression kept as written. */
public sealed interface BoolValue permits BoolValue.Literal, BoolValue.Expression {

  BoolValue TRUE = new Literal(true);
  BoolValue FALSE = new Literal(false);

  static BoolValue of(boolean value) {
    return value ? TRUE : FALSE;
  }

  static BoolValue expression(String text) {
    return new Expression(text);
  }

  /** True only for the literal {@code true}; an expression is not known to be true. */
  default boolean isTrue() {
    return this instanceof Literal l && l.value();
  }

  record Literal(boolean value) implements BoolValue {}

  record Expression(String text) implements BoolValue {
    public Expression {
      Objects.requireNonNull(text, "text");
    }
  }
}
