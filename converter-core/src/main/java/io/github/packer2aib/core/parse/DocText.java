package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Renders a {@link DocNode} as canonical compact JSON: no whitespace, members in their order,
 * ranges ignored. Two trees read from different syntaxes (JSON, YAML) that mean the same render the
 * same, which makes the text handy for tests and for comparing trees.
 *
 * <ul>
 *   <li>Strings use JSON escapes only where JSON requires them (and for lone surrogates).
 *   <li>Booleans render as {@code true}/{@code false} whatever their literal ({@code True}), nulls
 *       as {@code null} ({@code ~}, empty).
 *   <li>Numbers keep their literal when it is a JSON number ({@code 1.10} stays {@code 1.10});
 *       YAML-only forms are rewritten as JSON numbers of the same value ({@code +1} → {@code 1},
 *       {@code 0x1F} → {@code 31}, {@code 0o17} → {@code 15}, {@code .5} → {@code 0.5}, {@code 1.}
 *       → {@code 1.0}, {@code 007} → {@code 7}). JSON has no infinities or NaN, so {@code .inf},
 *       {@code -.inf} and {@code .nan} render as the strings {@code "Infinity"}, {@code
 *       "-Infinity"} and {@code "NaN"}; a number text that is no number at all renders as a string
 *       of that text.
 * </ul>
 */
public final class DocText {
  private DocText() {}

  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern YAML_FLOAT =
      Pattern.compile("([-+]?)([0-9]*)(\\.([0-9]*))?([eE][-+]?[0-9]+)?");

  public static String render(DocNode node) {
    StringBuilder out = new StringBuilder();
    render(node, out);
    return out.toString();
  }

  private static void render(DocNode node, StringBuilder out) {
    if (node instanceof DocObject o) {
      out.append('{');
      boolean first = true;
      for (DocMember m : o.members()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(m.key(), out);
        out.append(':');
        render(m.value(), out);
      }
      out.append('}');
    } else if (node instanceof DocArray a) {
      out.append('[');
      boolean first = true;
      for (DocNode item : a.items()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        render(item, out);
      }
      out.append(']');
    } else {
      scalar((DocScalar) node, out);
    }
  }

  private static void scalar(DocScalar s, StringBuilder out) {
    switch (s.type()) {
      case STRING:
        string(s.text(), out);
        break;
      case BOOLEAN:
        out.append(s.asBoolean().orElse(false) ? "true" : "false");
        break;
      case NULL:
        out.append("null");
        break;
      default:
        String number = canonicalNumber(s.text());
        if (number == null) {
          string(nonFinite(s.text()), out);
        } else {
          out.append(number);
        }
    }
  }

  /**
   * The JSON form of a number literal (JSON or YAML 1.2 core schema), or null when the value has no
   * JSON form (infinity, NaN, or no number at all).
   */
  public static String canonicalNumber(String literal) {
    if (JSON_NUMBER.matcher(literal).matches()) {
      return literal;
    }
    if (literal.startsWith("0x") && literal.length() > 2) {
      return radix(literal.substring(2), 16);
    }
    if (literal.startsWith("0o") && literal.length() > 2) {
      return radix(literal.substring(2), 8);
    }
    if (DECIMAL.matcher(literal).matches()) {
      return new BigInteger(literal.startsWith("+") ? literal.substring(1) : literal).toString();
    }
    var m = YAML_FLOAT.matcher(literal);
    if (!m.matches() || (m.group(2).isEmpty() && (m.group(4) == null || m.group(4).isEmpty()))) {
      return null;
    }
    String sign = "-".equals(m.group(1)) ? "-" : "";
    String whole = m.group(2).isEmpty() ? "0" : new BigInteger(m.group(2)).toString();
    String fraction = m.group(4) == null || m.group(4).isEmpty() ? "0" : m.group(4);
    String exponent = m.group(5) == null ? "" : m.group(5);
    return sign + whole + "." + fraction + exponent;
  }

  private static String radix(String digits, int radix) {
    try {
      return new BigInteger(digits, radix).toString();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String nonFinite(String literal) {
    String lower = literal.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals(".inf") || lower.equals("+.inf")) {
      return "Infinity";
    }
    if (lower.equals("-.inf")) {
      return "-Infinity";
    }
    if (lower.equals(".nan")) {
      return "NaN";
    }
    return literal;
  }

  /** Appends {@code value} as a JSON string literal. */
  public static void string(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (c < 0x20 || isLoneSurrogate(value, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
