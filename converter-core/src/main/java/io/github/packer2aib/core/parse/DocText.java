package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocNumbers;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.util.Locale;

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

  /** See {@link DocNumbers#canonical(String)}. */
  public static String canonicalNumber(String literal) {
    return DocNumbers.canonical(literal);
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
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
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
