package io.github.packer2aib.core.aib;

import java.util.Objects;

/**
 * An integer field's value: a literal number or an ARM template expression such as {@code
 * "[parameters('buildTimeout')]"}, which ARM evaluates at deployment and we keep as written.
 */
public sealed interface IntValue permits IntValue.Literal, IntValue.Expression {

  static IntValue of(long value) {
    return new Literal(value);
  }

  static IntValue expression(String text) {
    return new Expression(text);
  }

  record Literal(long value) implements IntValue {}

  record Expression(String text) implements IntValue {
    public Expression {
      Objects.requireNonNull(text, "text");
    }
  }
}
