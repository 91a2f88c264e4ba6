package io.github.packer2aib.core.legacy.template;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Go's literal syntax as {@code text/template} reads it: interpreted strings and character
 * constants ({@code strconv.Unquote}) and numbers ({@code parse.newNumber}).
 */
final class Literals {
  private Literals() {}

  /** A literal that is not valid; {@code offset} is relative to the literal's first character. */
  static final class LiteralError extends Exception {
    private static final long serialVersionUID = 1L;
    final int offset;
    final int length;

    LiteralError(String message, int offset, int length) {
      super(message, null, false, false);
      this.offset = offset;
      this.length = length;
    }
  }

  /**
   * The value of a double-quoted string or character constant, quotes included in {@code quoted}.
   * {@code \x} and octal escapes give bytes, as in Go; bytes that are not UTF-8 become U+FFFD.
   */
  /**
   * What a text written in single quotes ({@code 'region'}, meant as a string) is as a string: in
   * backquotes, or in double quotes when it holds a backquote or an escape (a backslash, which
   * backquotes would keep as it is).
   */
  static String asString(String singleQuoted) {
    String inner = singleQuoted.substring(1, singleQuoted.length() - 1);
    return inner.indexOf('\\') >= 0 || inner.indexOf('`') >= 0
        ? "\"" + inner + "\""
        : "`" + inner + "`";
  }

  static String unquote(String quoted) throws LiteralError {
    char quote = quoted.charAt(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 1;
    int end = quoted.length() - 1;
    while (i < end) {
      int cp = quoted.codePointAt(i);
      if (cp != '\\') {
        writeUtf8(bytes, cp);
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      if (i + 1 >= end) {
        throw new LiteralError("a backslash must be followed by an escape character", start, 1);
      }
      char e = quoted.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a':
          bytes.write(7);
          break;
        case 'b':
          bytes.write(8);
          break;
        case 'f':
          bytes.write(12);
          break;
        case 'n':
          bytes.write(10);
          break;
        case 'r':
          bytes.write(13);
          break;
        case 't':
          bytes.write(9);
          break;
        case 'v':
          bytes.write(11);
          break;
        case '\\':
          bytes.write('\\');
          break;
        case '"':
        case '\'':
          if (e != quote) {
            throw new LiteralError(
                "\\"
                    + e
                    + " is not an escape inside "
                    + (quote == '"' ? "a string" : "a character"),
                start,
                2);
          }
          bytes.write(e);
          break;
        case 'x':
          bytes.write(hex(quoted, i, 2, end, start));
          i += 2;
          break;
        case 'u':
        case 'U':
          {
            int digits = e == 'u' ? 4 : 8;
            int v = hex(quoted, i, digits, end, start);
            // Eight hex digits can exceed an int: 0x99999999 is negative here.
            if (!Character.isValidCodePoint(v) || (v >= 0xD800 && v <= 0xDFFF)) {
              throw new LiteralError(
                  "\\" + e + quoted.substring(i, i + digits) + " is not a valid code point",
                  start,
                  2 + digits);
            }
            writeUtf8(bytes, v);
            i += digits;
            break;
          }
        default:
          if (e >= '0' && e <= '7') {
            if (i + 2 > end) {
              throw new LiteralError("an octal escape takes three digits", start, end - start);
            }
            String oct = quoted.substring(i - 1, i + 2);
            if (!oct.chars().allMatch(c -> c >= '0' && c <= '7')) {
              throw new LiteralError("an octal escape takes three digits", start, 4);
            }
            int v = Integer.parseInt(oct, 8);
            if (v > 255) {
              throw new LiteralError("the octal escape \\" + oct + " is above \\377", start, 4);
            }
            bytes.write(v);
            i += 2;
          } else {
            throw new LiteralError(
                "\\"
                    + new String(Character.toChars(quoted.codePointAt(start + 1)))
                    + " is not a Go escape sequence; write \\\\ for a backslash",
                start,
                1 + Character.charCount(quoted.codePointAt(start + 1)));
          }
      }
    }
    return decodeUtf8(bytes.toByteArray());
  }

  private static int hex(String s, int from, int digits, int end, int escapeStart)
      throws LiteralError {
    if (from + digits > end) {
      throw new LiteralError(
          "the escape takes " + digits + " hexadecimal digits", escapeStart, end - escapeStart);
    }
    String h = s.substring(from, from + digits);
    if (!h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new LiteralError(
          "the escape takes " + digits + " hexadecimal digits",
          escapeStart,
          from + digits - escapeStart);
    }
    return (int) Long.parseLong(h, 16);
  }

  private static void writeUtf8(ByteArrayOutputStream out, int cp) {
    byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
  }

  private static String decodeUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("replacing decoder failed", e);
    }
  }

  /** A character constant's code point ({@code 'a'}, {@code '\n'}, {@code '\u00e9'}). */
  static int character(String quoted) throws LiteralError {
    // In a character constant \xff and \377 are the code point 255 (Go's UnquoteChar), not a
    // byte of UTF-8 text as in a string, where alone it is not UTF-8.
    if (quoted.length() == 6 && quoted.charAt(1) == '\\') {
      char e = quoted.charAt(2);
      if (e == 'x' || (e >= '0' && e <= '3')) {
        unquote(quoted); // its checks and messages
        String digits = quoted.substring(e == 'x' ? 3 : 2, 5);
        return Integer.parseInt(digits, e == 'x' ? 16 : 8);
      }
    }
    String value = unquote(quoted);
    if (value.isEmpty() || value.codePointCount(0, value.length()) != 1) {
      // {{ user 'name' }}: single quotes, which spare a JSON template escaped double quotes, but
      // make no string in Go's templates.
      throw new LiteralError(
          quoted
              + " is no string: single quotes make a character constant, which holds exactly"
              + " one character. Write a string in backquotes or double quotes, as "
              + asString(quoted),
          0,
          quoted.length());
    }
    return value.codePointAt(0);
  }

  /** A number literal's values, as Go's {@code parse.newNumber} computes them. */
  record Number(OptionalLong integer, OptionalDouble floating, boolean isFloatLiteral) {}

  static Number number(String text) throws LiteralError {
    if (text.endsWith("i")) {
      throw new LiteralError(
          "complex numbers such as " + text + " are not supported", 0, text.length());
    }
    String body = text;
    boolean negative = false;
    if (body.startsWith("+") || body.startsWith("-")) {
      negative = body.startsWith("-");
      body = body.substring(1);
    }
    checkUnderscores(text, body);
    String digits = body.replace("_", "");
    String lower = digits.toLowerCase(java.util.Locale.ROOT);
    boolean hex = lower.startsWith("0x");
    if (hex && (lower.contains("p") || lower.contains("."))) {
      return hexFloat(text, lower, negative);
    }
    BigInteger integer = null;
    if (hex) {
      integer = radix(text, lower.substring(2), 16);
    } else if (lower.startsWith("0o")) {
      integer = radix(text, lower.substring(2), 8);
    } else if (lower.startsWith("0b")) {
      integer = radix(text, lower.substring(2), 2);
    } else if (lower.matches("0[0-9]+")) {
      // Go reads a leading zero as octal: 017 is 15.
      if (!lower.matches("0[0-7]+")) {
        throw new LiteralError(
            text + " is not a valid number: a leading 0 means octal, which has no digit 8 or 9",
            0,
            text.length());
      }
      integer = new BigInteger(lower, 8);
    } else if (lower.matches("[0-9]+")) {
      integer = new BigInteger(lower);
    }
    if (integer != null) {
      if (negative) {
        integer = integer.negate();
      }
      if (integer.bitLength() > 63) {
        throw new LiteralError(text + " is too large for an integer", 0, text.length());
      }
      long v = integer.longValue();
      return new Number(OptionalLong.of(v), OptionalDouble.of((double) v), false);
    }
    BigDecimal d;
    try {
      d = new BigDecimal(lower.startsWith(".") ? "0" + lower : lower);
    } catch (NumberFormatException e) {
      throw new LiteralError(text + " is not a valid number", 0, text.length());
    }
    if (negative) {
      d = d.negate();
    }
    double f = d.doubleValue();
    if (negative && f == 0) {
      f = -0.0; // BigDecimal has no negative zero; Go's ParseFloat("-0.0") has (printed "-0")
    }
    if (Double.isInfinite(f)) {
      throw new LiteralError(text + " is too large for a number", 0, text.length());
    }
    return floating(f);
  }

  private static Number floating(double f) {
    OptionalLong asInt =
        f == Math.rint(f) && Math.abs(f) < 9.223372036854775807E18
            ? OptionalLong.of((long) f)
            : OptionalLong.empty();
    return new Number(asInt, OptionalDouble.of(f), true);
  }

  private static Number hexFloat(String text, String lower, boolean negative) throws LiteralError {
    if (!lower.contains("p")) {
      throw new LiteralError(
          text + " is not a valid number: a hexadecimal fraction needs a p exponent",
          0,
          text.length());
    }
    try {
      double f = Double.parseDouble(lower);
      return floating(negative ? -f : f);
    } catch (NumberFormatException e) {
      throw new LiteralError(text + " is not a valid number", 0, text.length());
    }
  }

  private static BigInteger radix(String text, String digits, int radix) throws LiteralError {
    if (digits.isEmpty()) {
      throw new LiteralError(text + " has no digits", 0, text.length());
    }
    try {
      return new BigInteger(digits, radix);
    } catch (NumberFormatException e) {
      throw new LiteralError(text + " is not a valid number", 0, text.length());
    }
  }

  /** Go allows an underscore only between digits, or after a base prefix. */
  private static void checkUnderscores(String text, String body) throws LiteralError {
    if (!body.contains("_")) {
      return;
    }
    String lower = body.toLowerCase(java.util.Locale.ROOT);
    String rest = lower.matches("0[xob].*") ? "0" + lower.substring(2) : lower;
    for (int i = 0; i < rest.length(); i++) {
      if (rest.charAt(i) != '_') {
        continue;
      }
      boolean before = i > 0 && Character.digit(rest.charAt(i - 1), 16) >= 0;
      boolean after = i + 1 < rest.length() && Character.digit(rest.charAt(i + 1), 16) >= 0;
      if (!before || !after) {
        throw new LiteralError(
            text + " is not a valid number: '_' must separate digits", 0, text.length());
      }
    }
  }
}
