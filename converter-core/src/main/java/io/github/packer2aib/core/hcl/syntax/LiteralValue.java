package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A literal: a number, {@code true}/{@code false} or {@code null}; and, as the key of an index step
 * ({@code a["k"]}), a string.
 *
 * @param text for a number, its value as {@link BigDecimal#toString()} of the source digits (so
 *     {@code 1e3} is {@code "1E+3"}); for a string, the decoded string; {@code "true"}/{@code
 *     "false"} for a bool; {@code "null"} for null
 */
public record LiteralValue(Kind kind, String text, Range range) implements Expression {

  /** The kind of a literal. */
  public enum Kind {
    NUMBER,
    STRING,
    BOOL,
    NULL
  }

  public LiteralValue {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(range, "range");
  }

  public static LiteralValue number(BigDecimal value, Range range) {
    return new LiteralValue(Kind.NUMBER, value.toString(), range);
  }

  public static LiteralValue string(String value, Range range) {
    return new LiteralValue(Kind.STRING, value, range);
  }

  public static LiteralValue bool(boolean value, Range range) {
    return new LiteralValue(Kind.BOOL, Boolean.toString(value), range);
  }

  public static LiteralValue nullValue(Range range) {
    return new LiteralValue(Kind.NULL, "null", range);
  }

  /** The number of a {@link Kind#NUMBER} literal. */
  public BigDecimal number() {
    if (kind != Kind.NUMBER) {
      throw new IllegalStateException("not a number literal: " + kind);
    }
    return new BigDecimal(text);
  }

  /** The value of a {@link Kind#BOOL} literal. */
  public boolean bool() {
    if (kind != Kind.BOOL) {
      throw new IllegalStateException("not a bool literal: " + kind);
    }
    return Boolean.parseBoolean(text);
  }
}
