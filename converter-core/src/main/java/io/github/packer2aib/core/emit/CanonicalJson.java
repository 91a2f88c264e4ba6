package io.github.packer2aib.core.emit;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
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

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** A line break and the indentation of each level, so that a new line is one append. */
  private static final String[] NEW_LINES = new String[32];

  static {
    for (int level = 0; level < NEW_LINES.length; level++) {
      NEW_LINES[level] = "\n" + "  ".repeat(level);
    }
  }

  /**
   * The builder and byte buffer of this thread's writes, kept between templates: every template is
   * written once, and a fresh 16 KB builder plus a byte copy of every string were a visible part of
   * each template's allocation in bulk runs. Nothing here calls out while writing, so one pair per
   * thread is never used twice at once.
   */
  private static final ThreadLocal<CanonicalJson> BUFFERS =
      ThreadLocal.withInitial(CanonicalJson::new);

  /** A builder that grew beyond this (a huge template) is not kept for the next one. */
  private static final int KEEP_LIMIT = 256 * 1024;

  private final StringBuilder out;

  /** The low byte of each character of the string being written (see {@link #string}). */
  private byte[] bytes;

  private CanonicalJson() {
    this(16 * 1024); // a template's size: no regrowing
  }

  private CanonicalJson(int capacity) {
    out = new StringBuilder(capacity);
    bytes = new byte[Math.min(capacity, 1024)];
  }

  /** The text, with one final line break. */
  static String write(DocNode doc) {
    CanonicalJson w = BUFFERS.get();
    StringBuilder out = w.out;
    out.setLength(0);
    w.value(doc, 0);
    String text = out.append('\n').toString();
    if (out.capacity() > KEEP_LIMIT) {
      BUFFERS.remove();
    }
    return text;
  }

  private void value(DocNode node, int level) {
    if (node instanceof DocObject o) {
      object(o.members(), level);
    } else if (node instanceof DocArray a) {
      array(a.items(), level);
    } else {
      scalar((DocScalar) node);
    }
  }

  private void object(List<DocMember> members, int level) {
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
      newLine(level + 1);
      string(m.key());
      out.append(": ");
      value(m.value(), level + 1);
    }
    newLine(level);
    out.append('}');
  }

  private void array(List<DocNode> items, int level) {
    if (items.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      newLine(level + 1);
      value(items.get(i), level + 1);
    }
    newLine(level);
    out.append(']');
  }

  private void newLine(int level) {
    if (level < NEW_LINES.length) {
      out.append(NEW_LINES[level]);
      return;
    }
    out.append('\n');
    for (int i = 0; i < level; i++) {
      out.append("  ");
    }
  }

  private void scalar(DocScalar s) {
    switch (s.type()) {
      case STRING -> string(s.text());
      case NUMBER -> out.append(s.text()); // a number's literal text, as written
      case BOOLEAN -> out.append(Boolean.parseBoolean(s.text()) ? "true" : "false");
      default -> out.append("null");
    }
  }

  /** {@code s} as it stands between the quotes of a JSON string this class writes. */
  static String stringContent(String s) {
    CanonicalJson w = new CanonicalJson(s.length() + 2);
    w.string(s);
    return w.out.substring(1, w.out.length() - 1);
  }

  /**
   * A quoted string. Most strings need no escape: that is found on the low byte of each character
   * (copied into the reused buffer; a plain array copy for Latin-1 strings), which the C1 compiler
   * of bulk runs scans several times faster than {@code charAt} calls, and the string is then
   * appended whole.
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the low bytes, no copy
  private void string(String s) {
    int n = s.length();
    if (bytes.length < n) {
      bytes = new byte[Math.max(n, 2 * bytes.length)];
    }
    s.getBytes(0, n, bytes, 0);
    int first = firstToEscape(bytes, n);
    if (first < 0) {
      out.append('"').append(s).append('"');
      return;
    }
    escaped(s, bytes, first);
  }

  /**
   * Where the low bytes of a string's first {@code n} characters first may hold a character that
   * must be escaped: every such character is below U+0080 and its low byte is itself. A character
   * beyond U+00FF may have the low byte of one (a false alarm that {@link #escaped} sorts out).
   */
  private static int firstToEscape(byte[] low, int n) {
    for (int i = 0; i < n; i++) {
      byte b = low[i];
      if ((b >= 0 && b < 0x20) || b == '"' || b == '\\') {
        return i;
      }
    }
    return -1;
  }

  /**
   * A quoted string with escapes, scanning the low bytes of its characters (one per character, so
   * an index in the bytes is the same index in the string); a byte that looks like a character to
   * escape is checked against the character itself. Runs that need no escape are copied in one
   * piece.
   */
  private void escaped(String s, byte[] low, int first) {
    out.append('"');
    int start = 0;
    int n = s.length();
    for (int i = first; i < n; i++) { // nothing before first needs an escape
      byte b = low[i];
      if ((b < 0 || b >= 0x20) && b != '"' && b != '\\') {
        continue;
      }
      char c = s.charAt(i);
      if (c != b) {
        continue; // a character beyond U+00FF with such a low byte: written as is
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
