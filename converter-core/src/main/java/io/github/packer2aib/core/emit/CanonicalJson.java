package io.github.packer2aib.core.emit;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A document tree as canonical JSON text, written straight into a string builder: exactly what
 * Jackson's generator writes with {@link TemplateWriter#prettyPrinter()} (two-space indentation,
 * {@code "key": value}, one element per line, {@code {}} and {@code []} for empty containers) and
 * its default escapes (quote, backslash, the short escapes b t n f r, other characters below U+0020
 * as six-character unicode escapes with capital hex digits, everything else as is). Every template
 * is written once to be scanned for secrets, and the generator's per-event work was a visible part
 * of mapping; {@code CanonicalJsonProperties} checks the sameness on random trees.
 */
final class CanonicalJson {
  private CanonicalJson() {}

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** A line break and the indentation of each level, so that a new line is one append. */
  private static final String[] NEW_LINES = new String[32];

  static {
    for (int level = 0; level < NEW_LINES.length; level++) {
      NEW_LINES[level] = "\n" + "  ".repeat(level);
    }
  }

  /** The text, with one final line break. */
  static String write(DocNode doc) {
    StringBuilder out = new StringBuilder(16 * 1024); // a template's size: no regrowing
    value(out, doc, 0);
    return out.append('\n').toString();
  }

  private static void value(StringBuilder out, DocNode node, int level) {
    if (node instanceof DocObject o) {
      object(out, o.members(), level);
    } else if (node instanceof DocArray a) {
      array(out, a.items(), level);
    } else {
      scalar(out, (DocScalar) node);
    }
  }

  private static void object(StringBuilder out, List<DocMember> members, int level) {
    if (members.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    for (int i = 0; i < members.size(); i++) {
      DocMember m = members.get(i);
      if (i > 0) {
        out.append(',');
      }
      newLine(out, level + 1);
      string(out, m.key());
      out.append(": ");
      value(out, m.value(), level + 1);
    }
    newLine(out, level);
    out.append('}');
  }

  private static void array(StringBuilder out, List<DocNode> items, int level) {
    if (items.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      newLine(out, level + 1);
      value(out, items.get(i), level + 1);
    }
    newLine(out, level);
    out.append(']');
  }

  private static void newLine(StringBuilder out, int level) {
    if (level < NEW_LINES.length) {
      out.append(NEW_LINES[level]);
      return;
    }
    out.append('\n');
    for (int i = 0; i < level; i++) {
      out.append("  ");
    }
  }

  private static void scalar(StringBuilder out, DocScalar s) {
    switch (s.type()) {
      case STRING -> string(out, s.text());
      case NUMBER -> out.append(s.text()); // a number's literal text, as written
      case BOOLEAN -> out.append(Boolean.parseBoolean(s.text()) ? "true" : "false");
      default -> out.append("null");
    }
  }

  /** {@code s} as it stands between the quotes of a JSON string this class writes. */
  static String stringContent(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    string(out, s);
    return out.substring(1, out.length() - 1);
  }

  /**
   * A quoted string. Most strings need no escape: that is found on a one-byte-per-character copy (a
   * plain array copy for Latin-1 strings), which the C1 compiler of bulk runs scans several times
   * faster than {@code charAt} calls, and the string is then appended whole.
   */
  private static void string(StringBuilder out, String s) {
    byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
    if (!needsEscape(latin1)) {
      out.append('"').append(s).append('"');
      return;
    }
    if (latin1.length == s.length()) {
      escaped(out, s, latin1);
    } else {
      escaped(out, s);
    }
  }

  /**
   * Whether the ISO-8859-1 bytes of a string hold a character that must be escaped: every such
   * character is below U+0080 and keeps its byte; characters beyond Latin-1 become {@code ?}.
   */
  private static boolean needsEscape(byte[] latin1) {
    for (byte b : latin1) {
      if ((b >= 0 && b < 0x20) || b == '"' || b == '\\') {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #escaped(StringBuilder, String)} scanning the string's ISO-8859-1 bytes instead of
   * {@code charAt} (cheaper in C1 code; inline scripts, the longest strings, all need escapes).
   * Only for bytes one per character (no surrogate pair folded into one {@code ?}), so that an
   * index in the bytes is the same index in the string; every character that needs an escape is
   * below U+0080 and keeps its value as a byte.
   */
  private static void escaped(StringBuilder out, String s, byte[] latin1) {
    out.append('"');
    int start = 0;
    int n = latin1.length;
    for (int i = 0; i < n; i++) {
      byte b = latin1[i];
      if ((b < 0 || b >= 0x20) && b != '"' && b != '\\') {
        continue;
      }
      out.append(s, start, i);
      start = i + 1;
      escape(out, (char) b);
    }
    out.append(s, start, n).append('"');
  }

  /** A quoted string with escapes; runs that need none are copied in one piece. */
  private static void escaped(StringBuilder out, String s) {
    out.append('"');
    int start = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, start, i);
      start = i + 1;
      escape(out, c);
    }
    out.append(s, start, n).append('"');
  }

  /** The escape of a quote, a backslash or a character below U+0020. */
  private static void escape(StringBuilder out, char c) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\b' -> out.append("\\b");
      case '\t' -> out.append("\\t");
      case '\n' -> out.append("\\n");
      case '\f' -> out.append("\\f");
      case '\r' -> out.append("\\r");
      default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
    }
  }
}
