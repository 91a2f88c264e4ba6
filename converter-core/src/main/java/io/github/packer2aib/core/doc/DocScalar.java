package io.github.packer2aib.core.doc;

import io.github.packer2aib.core.source.Range;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A scalar. {@code text} is the string's value for strings and the literal as written for numbers,
 * booleans and null ({@code 1.10} stays {@code "1.10"}, so nothing is lost by reading it).
 *
 * @param type what the scalar is under JSON, or under the YAML 1.2 core schema for YAML
 * @param text the value (strings) or the literal text (numbers, booleans, null)
 * @param untyped true for an untagged plain YAML scalar: its text can also be read as a string
 *     where a string is expected (YAML {@code version: 1.10} means the string "1.10" to a person)
 * @param range where it stands, or null when built by the program
 * @param tag the YAML tag written on the value ({@code !!int}, {@code !important}), or null for
 *     none: a value of the wrong type for its place may owe that type to its tag ({@code !!int
 *     "42"} is a number, not text), and then the fix is to remove the tag, not to quote the value
 */
public record DocScalar(Type type, String text, boolean untyped, Range range, String tag)
    implements DocNode {

  public enum Type {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  public DocScalar {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
  }

  /** A scalar without a tag: every JSON value, and a YAML value written without one. */
  public DocScalar(Type type, String text, boolean untyped, Range range) {
    this(type, text, untyped, range, null);
  }

  public static DocScalar string(String value, Range range) {
    return new DocScalar(Type.STRING, value, false, range);
  }

  public static DocScalar number(String literal, Range range) {
    return new DocScalar(Type.NUMBER, literal, false, range);
  }

  public static DocScalar bool(boolean value, Range range) {
    return new DocScalar(Type.BOOLEAN, Boolean.toString(value), false, range);
  }

  public static DocScalar nullValue(Range range) {
    return new DocScalar(Type.NULL, "null", false, range);
  }

  public boolean isString() {
    return type == Type.STRING;
  }

  /** The text when this scalar can stand for a string: a string, or an untyped YAML scalar. */
  public Optional<String> asString() {
    return type == Type.STRING || (untyped && type != Type.NULL)
        ? Optional.of(text)
        : Optional.empty();
  }

  public Optional<BigDecimal> asNumber() {
    if (type != Type.NUMBER) {
      return Optional.empty();
    }
    String canonical = DocNumbers.canonical(text);
    if (canonical == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(canonical));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public Optional<Boolean> asBoolean() {
    return type == Type.BOOLEAN
        ? Optional.of(Boolean.parseBoolean(text.toLowerCase()))
        : Optional.empty();
  }

  /** The string value of a node if it is a scalar that can stand for a string. */
  public static Optional<String> stringValue(DocNode node) {
    return node instanceof DocScalar s ? s.asString() : Optional.empty();
  }

  /**
   * Whether {@code node} holds no text at all: {@code null} or {@code ""}. Such a value of a
   * sensitive variable or credential setting is not a secret to mask: masking the word "null" where
   * a message quotes it would only garble the message.
   */
  public static boolean holdsNoText(DocNode node) {
    return node instanceof DocScalar s
        && (s.type() == Type.NULL
            || (s.type() == Type.STRING && s.asString().orElse("").isEmpty()));
  }

  @Override
  public String kindName() {
    return switch (type) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
    };
  }
}
