package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.source.ByteWords;
import io.github.packer2aib.core.source.LoneSurrogates;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON that templates almost always are, plain RFC 8259 JSON without comments, by
 * recursive descent straight from the text, into the tree {@link JsonReader}'s Jackson path would
 * build (same nodes, same ranges). It gives up, returning null, at anything else: a syntax error, a
 * comment, a duplicate key, an unescaped control character, an unusual number, deep nesting, very
 * long literals. {@link JsonReader} then reads the text with Jackson as before, which finds and
 * reports every problem; so this reader never makes a diagnostic, and what it accepts Jackson
 * accepts alike ({@code JsonDescentProperties} compares both on generated and mutated texts).
 *
 * <p>Why: Jackson's streaming parser and the translation of its tokens (a location object per key,
 * a second look at each string to find its end) were a tenth of converting a legacy JSON template.
 */
final class JsonDescentReader {
  /** Deeper documents go to Jackson (its own limit is 1,000), so recursion stays shallow. */
  private static final int MAX_DEPTH = 200;

  /** Longer strings go to Jackson, which enforces the 64 Mi-character limit. */
  private static final int MAX_STRING = 1 << 20;

  /** Longer numbers go to Jackson, which enforces the limit on their length. */
  private static final int MAX_NUMBER = 100;

  /** An object with more members than this finds duplicate keys by hashing, not by a scan. */
  private static final int LINEAR_KEY_CHECK = 16;

  private static final GiveUp GIVE_UP = new GiveUp();

  private final SourceFile file;
  private final String text;

  /**
   * The text's UTF-16 units as Latin-1 bytes, one per unit, a unit above U+00FF as {@code '?'}
   * ({@link #QUESTION_MARK}). Why bytes: the text of a file read from UTF-8 is almost always held
   * as Latin-1 bytes, so this is one array copy, where {@code toCharArray()} widened every byte in
   * a loop as C1 compiles it; and decoded strings are built from bytes the same way.
   */
  private final byte[] bytes;

  private final int n;
  private int pos;
  private int depth;

  /** The value of an escaped string as it is decoded (reused; grown as needed). */
  private byte[] scratch = new byte[64];

  private JsonDescentReader(SourceFile file) {
    this.file = file;
    this.text = file.text();
    byte[] ascii = file.asciiBytes();
    this.bytes = ascii != null ? ascii : latin1(text);
    this.n = bytes.length;
  }

  /** A byte per UTF-16 unit: the unit itself up to U+00FF, else a question mark. */
  private static byte[] latin1(String text) {
    byte[] encoded = text.getBytes(StandardCharsets.ISO_8859_1);
    if (encoded.length == text.length()) {
      return encoded;
    }
    // A surrogate pair became one question mark: number the units one by one instead.
    byte[] units = new byte[text.length()];
    for (int i = 0; i < units.length; i++) {
      char c = text.charAt(i);
      units[i] = c <= 0xFF ? (byte) c : QUESTION_MARK;
    }
    return units;
  }

  /**
   * What a unit above U+00FF reads as in {@link #bytes}. It is invalid JSON outside strings (so the
   * reader gives up there, as before); inside a string it is told from a real question mark by a
   * look at the text.
   */
  private static final byte QUESTION_MARK = '?';

  private static final byte QUOTE = '"';
  private static final byte BACKSLASH = '\\';
  private static final byte SPACE = ' ';

  /** The document's tree, or null when the text is anything but plain, valid JSON. */
  static DocNode read(SourceFile file) {
    try {
      return new JsonDescentReader(file).document();
    } catch (GiveUp e) {
      return null;
    }
  }

  private DocNode document() {
    // Jackson's path reads a leading byte order mark as a space.
    if (n > 0 && text.charAt(0) == '\uFEFF') {
      pos = 1;
    }
    skipWhitespace();
    if (pos == n) {
      throw GIVE_UP; // only whitespace: Jackson's path explains that
    }
    DocNode root = value();
    skipWhitespace();
    if (pos != n) {
      throw GIVE_UP;
    }
    return root;
  }

  /** The character at {@code pos}, or NUL at the end (NUL is never valid where it is asked for). */
  private char peek() {
    return pos < n ? (char) (bytes[pos] & 0xFF) : '\0';
  }

  private void skipWhitespace() {
    // Indentation a word at a time: pretty-printed JSON has long runs of spaces.
    while (pos <= n - ByteWords.SIZE && ByteWords.other(ByteWords.word(bytes, pos), SPACE) == 0) {
      pos += ByteWords.SIZE;
    }
    while (pos < n) {
      byte c = bytes[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  private DocNode value() {
    switch (peek()) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        {
          int start = pos;
          String value = string();
          return DocScalar.string(value, file.range(start, pos));
        }
      case 't':
        return DocScalar.bool(true, literal("true"));
      case 'f':
        return DocScalar.bool(false, literal("false"));
      case 'n':
        return DocScalar.nullValue(literal("null"));
      default:
        return number();
    }
  }

  private DocObject object() {
    int start = pos++;
    enter();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return new DocObject(List.of(), file.range(start, pos));
    }
    // Members into an array that the object takes over (no list to copy; C1 code also makes an
    // iterator for each for-each over a list).
    DocMember[] members = new DocMember[8];
    int count = 0;
    Set<String> keys = null;
    while (true) {
      if (peek() != '"') {
        throw GIVE_UP;
      }
      int keyStart = pos;
      String key = string();
      Range keyRange = file.range(keyStart, pos);
      skipWhitespace();
      if (peek() != ':') {
        throw GIVE_UP;
      }
      pos++;
      skipWhitespace();
      DocNode value = value();
      // A duplicate key is an error Jackson's path reports, with both places.
      if (count < LINEAR_KEY_CHECK) {
        for (int i = 0; i < count; i++) {
          if (members[i].key().equals(key)) {
            throw GIVE_UP;
          }
        }
      } else {
        if (keys == null) {
          keys = new HashSet<>();
          for (int i = 0; i < count; i++) {
            keys.add(members[i].key());
          }
        }
        if (!keys.add(key)) {
          throw GIVE_UP;
        }
      }
      if (count == members.length) {
        members = Arrays.copyOf(members, count * 2);
      }
      members[count++] = new DocMember(key, keyRange, value);
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
        skipWhitespace();
      } else if (c == '}') {
        pos++;
        depth--;
        return DocObject.owning(members, count, file.range(start, pos));
      } else {
        throw GIVE_UP;
      }
    }
  }

  private DocArray array() {
    int start = pos++;
    enter();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return new DocArray(List.of(), file.range(start, pos));
    }
    DocNode[] items = new DocNode[8]; // taken over by the array, as in object()
    int count = 0;
    while (true) {
      if (count == items.length) {
        items = Arrays.copyOf(items, count * 2);
      }
      items[count++] = value();
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
        skipWhitespace();
      } else if (c == ']') {
        pos++;
        depth--;
        return DocArray.owning(items, count, file.range(start, pos));
      } else {
        throw GIVE_UP;
      }
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
  }

  /** The string literal at {@code pos} (its opening quote), decoded; {@code pos} moves past it. */
  private String string() {
    int from = pos + 1;
    int i = from;
    boolean wide = false; // a unit above U+00FF so far
    while (i < n) {
      i = plainUntil(i);
      if (i == n) {
        break;
      }
      byte c = bytes[i];
      if (c == '"') {
        checkLength(i - from);
        pos = i + 1;
        // A substring of a Latin-1 text is a byte copy; no escapes, so it is the value (units
        // above U+00FF included: they are taken from the text).
        return text.substring(from, i);
      }
      if (c == '\\') {
        return wide ? escapedUnits(from) : escapedString(from, i);
      }
      if ((c & 0xFF) < 0x20) {
        throw GIVE_UP; // an unescaped control character
      }
      wide |= c == QUESTION_MARK && text.charAt(i) != '?';
      i++;
    }
    throw GIVE_UP; // unclosed
  }

  /**
   * The first index from {@code i} whose byte a string reader must look at (a quote, a backslash, a
   * control character, a question mark, a byte above ASCII), found eight bytes at a time: most
   * bytes of a string are none of these. Within the last eight bytes of the text it stops at once,
   * and the caller looks at each byte itself.
   */
  private int plainUntil(int i) {
    int lastWord = n - ByteWords.SIZE;
    while (i <= lastWord) {
      long w = ByteWords.word(bytes, i);
      long special =
          ByteWords.belowOrHigh(w, 0x20)
              | ByteWords.equal(w, QUOTE)
              | ByteWords.equal(w, BACKSLASH)
              | ByteWords.equal(w, QUESTION_MARK);
      if (special != 0) {
        return i + ByteWords.first(special);
      }
      i += ByteWords.SIZE;
    }
    return i;
  }

  /**
   * The rest of a string from its first backslash at {@code i}, all units before it Latin-1,
   * decoded into Latin-1 bytes; a string with a unit above U+00FF after it, escaped or not, is
   * decoded by {@link #escapedUnits} instead.
   */
  private String escapedString(int from, int i) {
    byte[] value = room(i - from + 16);
    int length = i - from;
    System.arraycopy(bytes, from, value, 0, length);
    while (i < n) {
      byte c = bytes[i];
      if (c == '"') {
        checkLength(i - from);
        pos = i + 1;
        return new String(value, 0, length, StandardCharsets.ISO_8859_1);
      }
      if ((c & 0xFF) < 0x20) {
        throw GIVE_UP;
      }
      if (length + 1 > value.length) {
        value = grow(length + 1);
      }
      if (c != '\\') {
        if (c == QUESTION_MARK && text.charAt(i) != '?') {
          return escapedUnits(from);
        }
        value[length++] = c;
        i++;
        continue;
      }
      if (i + 1 >= n) {
        throw GIVE_UP;
      }
      int unit = escape(i);
      if (unit > 0xFF) {
        return escapedUnits(from);
      }
      value[length++] = (byte) unit;
      i += bytes[i + 1] == 'u' ? 6 : 2;
    }
    throw GIVE_UP;
  }

  /** The unit the escape at {@code i} (its backslash, followed by a byte) stands for. */
  private int escape(int i) {
    switch (bytes[i + 1]) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        if (i + 6 > n) {
          throw GIVE_UP;
        }
        int code = 0;
        for (int k = i + 2; k < i + 6; k++) {
          code = code << 4 | hexDigit((char) (bytes[k] & 0xFF));
        }
        // Any code unit; a lone surrogate is checked for once the string is whole.
        return code;
      default:
        throw GIVE_UP;
    }
  }

  /** {@link #scratch}, at least {@code size} long. */
  private byte[] room(int size) {
    if (scratch.length < size) {
      scratch = new byte[Math.max(size, 2 * scratch.length)];
    }
    return scratch;
  }

  /** {@link #scratch} grown to at least {@code size}, its content kept. */
  private byte[] grow(int size) {
    scratch = Arrays.copyOf(scratch, Math.max(size, 2 * scratch.length));
    return scratch;
  }

  /**
   * {@link #escapedString} for a string with units above U+00FF: decoded unit by unit from the
   * text, from its start at {@code from}.
   */
  private String escapedUnits(int from) {
    StringBuilder value = new StringBuilder();
    int i = from;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"') {
        checkLength(i - from);
        String decoded = value.toString();
        if (LoneSurrogates.first(decoded) >= 0) {
          // Half of a surrogate pair alone: Jackson's reader replaces it and warns.
          throw GIVE_UP;
        }
        pos = i + 1;
        return decoded;
      }
      if (c < 0x20) {
        throw GIVE_UP;
      }
      if (c != '\\') {
        value.append(c);
        i++;
        continue;
      }
      if (i + 1 >= n) {
        throw GIVE_UP;
      }
      value.append((char) escape(i));
      i += bytes[i + 1] == 'u' ? 6 : 2;
    }
    throw GIVE_UP;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw GIVE_UP;
  }

  private static void checkLength(int length) {
    if (length > MAX_STRING) {
      throw GIVE_UP;
    }
  }

  /** The range of {@code word} at {@code pos}. */
  private Range literal(String word) {
    int start = pos;
    if (!text.startsWith(word, pos)) {
      throw GIVE_UP;
    }
    pos += word.length();
    return file.range(start, pos);
  }

  /** RFC 8259's number: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
  private DocScalar number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    char first = peek();
    if (first == '0') {
      pos++;
    } else if (first >= '1' && first <= '9') {
      digits();
    } else {
      throw GIVE_UP;
    }
    if (peek() == '.') {
      pos++;
      requireDigits();
    }
    char e = peek();
    if (e == 'e' || e == 'E') {
      pos++;
      char sign = peek();
      if (sign == '+' || sign == '-') {
        pos++;
      }
      requireDigits();
    }
    // What follows (say the 1 of 01, or the x of truex) is checked by the caller, which accepts
    // only whitespace, a comma, a closing bracket or the end after a value.
    if (pos - start > MAX_NUMBER) {
      throw GIVE_UP;
    }
    return DocScalar.number(text.substring(start, pos), file.range(start, pos));
  }

  private void requireDigits() {
    char c = peek();
    if (c < '0' || c > '9') {
      throw GIVE_UP;
    }
    digits();
  }

  private void digits() {
    while (pos < n && bytes[pos] >= '0' && bytes[pos] <= '9') {
      pos++;
    }
  }

  /** Thrown to give up; preallocated and without a stack trace, as it carries nothing. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }
}
