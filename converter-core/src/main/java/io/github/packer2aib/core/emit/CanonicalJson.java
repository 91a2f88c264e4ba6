package io.github.packer2aib.core.emit;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.source.ByteWords;
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

  /** Levels up to this have their line starts made once (deeper ones are built as needed). */
  private static final int TABLE_LEVELS = 32;

  /**
   * The starts of a line at each level, so that what comes between two values is one append: a line
   * break and the indentation, after a comma ({@code NEXT}) or not ({@code FIRST}), and with the
   * opening quote of a key or string ({@code _QUOTE}). A builder append is a chain of calls in C1
   * code, and a template's JSON was some 4,000 of them.
   */
  private static final String[] FIRST = lineStarts("", "");

  private static final String[] NEXT = lineStarts(",", "");
  private static final String[] FIRST_QUOTE = lineStarts("", "\"");
  private static final String[] NEXT_QUOTE = lineStarts(",", "\"");

  private static String[] lineStarts(String before, String after) {
    String[] starts = new String[TABLE_LEVELS];
    for (int level = 0; level < TABLE_LEVELS; level++) {
      starts[level] = lineStart(before, level, after);
    }
    return starts;
  }

  private static String lineStart(String before, int level, String after) {
    return before + "\n" + "  ".repeat(level) + after;
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

  /**
   * A thread's builder is renewed after this many documents. Once a character beyond U+00FF is
   * appended, a {@code StringBuilder} stores two bytes per character for good, even after {@code
   * setLength(0)}: every later append widens Latin-1 text and every {@code toString} narrows it
   * again, and writing a template took twice as long (32 -> 67 us) for the rest of a bulk run after
   * one template with, say, Chinese text. There is no asking a builder which it is; a fresh one
   * every 64 documents bounds that to 64 templates, for a 16 KB builder per 64 templates.
   */
  private static final int RENEW_EVERY = 64;

  private final StringBuilder out;

  /** Documents written with {@link #out}. */
  private int uses;

  /** The low byte of each character of the string being written (see {@link #string}). */
  private byte[] bytes;

  /** A thread's writer of documents. */
  private CanonicalJson() {
    this(16 * 1024, new String[PLAIN_KEYS]); // a template's size: no regrowing
  }

  /** A writer of one string's content ({@link #stringContent}), which writes no keys. */
  private CanonicalJson(int capacity) {
    this(capacity, null);
  }

  private CanonicalJson(int capacity, String[] plainKeys) {
    out = new StringBuilder(capacity);
    bytes = new byte[Math.min(capacity, 1024)];
    this.plainKeys = plainKeys;
  }

  /** The text, with one final line break. */
  static String write(DocNode doc) {
    CanonicalJson w = BUFFERS.get();
    StringBuilder out = w.out;
    out.setLength(0);
    w.value(doc, 0);
    String text = out.append('\n').toString();
    if (out.capacity() > KEEP_LIMIT || ++w.uses == RENEW_EVERY) {
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

  /** Members as {@code "key": value}, one per line; a string value is written here too. */
  private void object(List<DocMember> members, int level) {
    int n = members.size();
    if (n == 0) {
      out.append("{}");
      return;
    }
    out.append('{');
    for (int i = 0; i < n; i++) {
      DocMember m = members.get(i);
      lineStart(i > 0, level + 1, true);
      key(m.key());
      DocNode value = m.value();
      if (value instanceof DocScalar s && s.type() == DocScalar.Type.STRING) {
        out.append("\": \"");
        content(s.text());
        out.append('"');
      } else {
        out.append("\": ");
        value(value, level + 1);
      }
    }
    lineStart(false, level, false);
    out.append('}');
  }

  private void array(List<DocNode> items, int level) {
    int n = items.size();
    if (n == 0) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < n; i++) {
      DocNode item = items.get(i);
      if (item instanceof DocScalar s && s.type() == DocScalar.Type.STRING) {
        lineStart(i > 0, level + 1, true);
        content(s.text());
        out.append('"');
      } else {
        lineStart(i > 0, level + 1, false);
        value(item, level + 1);
      }
    }
    lineStart(false, level, false);
    out.append(']');
  }

  /** A new line at {@code level}, after a comma if {@code comma}, with a quote if {@code quote}. */
  private void lineStart(boolean comma, int level, boolean quote) {
    if (level >= TABLE_LEVELS) {
      out.append(lineStart(comma ? "," : "", level, quote ? "\"" : ""));
    } else if (quote) {
      out.append(comma ? NEXT_QUOTE[level] : FIRST_QUOTE[level]);
    } else {
      out.append(comma ? NEXT[level] : FIRST[level]);
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
    CanonicalJson w = new CanonicalJson(s.length());
    w.content(s);
    return w.out.toString();
  }

  /**
   * Keys found to need no escape, each at a place chosen by its hash: the keys of the model's
   * objects are the same string constants in every template, and the copy and scan of each short
   * key cost more than this lookup. A key is only taken as plain when it is the very object found
   * plain before (compared by identity), so a string that merely hashes alike is scanned as any
   * other.
   */
  private final String[] plainKeys;

  private static final int PLAIN_KEYS = 256;

  /** A key's content (without its quotes). */
  private void key(String key) {
    int at = key.hashCode() & (PLAIN_KEYS - 1);
    if (plainKeys[at] == key) {
      out.append(key);
      return;
    }
    if (content(key)) {
      plainKeys[at] = key;
    }
  }

  /** A quoted string. */
  private void string(String s) {
    out.append('"');
    content(s);
    out.append('"');
  }

  /**
   * What stands between the quotes of a string. Most strings need no escape: that is found on the
   * low byte of each character (copied into the reused buffer; a plain array copy for Latin-1
   * strings), which the C1 compiler of bulk runs scans several times faster than {@code charAt}
   * calls, and the string is then appended whole. True when it needed no escape.
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the low bytes, no copy
  private boolean content(String s) {
    int n = s.length();
    if (bytes.length < n) {
      bytes = new byte[Math.max(n, 2 * bytes.length)];
    }
    s.getBytes(0, n, bytes, 0);
    int first = firstToEscape(bytes, n);
    if (first < 0) {
      out.append(s);
      return true;
    }
    escaped(s, bytes, first);
    return false;
  }

  /**
   * Where the low bytes of a string's first {@code n} characters first may hold a character that
   * must be escaped: every such character is below U+0080 and its low byte is itself. A character
   * beyond U+00FF may have the low byte of one (a false alarm that {@link #escaped} sorts out).
   */
  private static int firstToEscape(byte[] low, int n) {
    return nextToEscape(low, 0, n);
  }

  /**
   * {@link #firstToEscape} from {@code from} on. Eight bytes at a time ({@link ByteWords}) while
   * none of them looks like one: most strings have no escape or long runs between them.
   */
  private static int nextToEscape(byte[] low, int from, int n) {
    int i = from;
    for (; i + ByteWords.SIZE <= n; i += ByteWords.SIZE) {
      // Whether some byte of the word is below 0x80 and either below 0x20, a quote or a
      // backslash: the bytes that JSON escapes. Each term is the usual "some byte is below n"
      // test on the word or on the word xor the byte sought; a borrow from one byte only disturbs
      // the bytes above one that has the property, so the answer for the word is exact. (Written
      // out here rather than as ByteWords.belowOrHigh | equal | equal: sharing the final mask
      // measured cheaper in C1 code.)
      long w = ByteWords.word(low, i);
      long below =
          (w - SPACES) | ((w ^ QUOTES) - ByteWords.ONES) | ((w ^ BACKSLASHES) - ByteWords.ONES);
      if ((below & ~w & ByteWords.HIGHS) != 0) {
        break;
      }
    }
    for (; i < n; i++) {
      if (mayEscape(low[i])) {
        return i;
      }
    }
    return -1;
  }

  private static final long SPACES = ByteWords.ONES * ' ';
  private static final long QUOTES = ByteWords.ONES * '"';
  private static final long BACKSLASHES = ByteWords.ONES * '\\';

  /** Whether a low byte is that of a character to escape (or of one beyond U+00FF). */
  private static boolean mayEscape(byte b) {
    return (b >= 0 && b < 0x20) || b == '"' || b == '\\';
  }

  /**
   * A string's content with escapes, scanning the low bytes of its characters (one per character,
   * so an index in the bytes is the same index in the string); a byte that looks like a character
   * to escape is checked against the character itself. Runs that need no escape are copied in one
   * piece.
   */
  private void escaped(String s, byte[] low, int first) {
    int start = 0;
    int n = s.length();
    for (int i = first; i >= 0; i = nextToEscape(low, i + 1, n)) {
      char c = s.charAt(i);
      if (c != low[i]) {
        continue; // a character beyond U+00FF with such a low byte: written as is
      }
      out.append(s, start, i);
      start = i + 1;
      escape(out, c);
    }
    out.append(s, start, n);
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
