package io.github.packer2aib.core.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * UTF-8 for files: strict decoding of what is read (invalid input is an error, never replaced), and
 * cheap encoding of what is written.
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * The bytes decoded as UTF-8; throws when they are not valid UTF-8. The String constructor is
   * much cheaper than a reporting decoder (ASCII text is copied as it is) but replaces what is
   * invalid with U+FFFD, so only a text holding that character needs the strict decoder's verdict.
   */
  public static String decode(byte[] bytes) throws CharacterCodingException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = strict.decode(in, out, true);
    if (result.isError()) {
      throw new Malformed(bytes, in.position());
    }
    strict.flush(out);
    return out.flip().toString();
  }

  /**
   * Bytes that are not UTF-8, with where the first bad one is: {@link #getMessage} says "not valid
   * UTF-8 text (line 17, column 5: byte 0xC3)", so that the user can find it in a large file.
   */
  public static final class Malformed extends CharacterCodingException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final int badByte;

    Malformed(byte[] bytes, int offset) {
      int lineStart = 0;
      int lines = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          lines++;
          lineStart = i + 1;
        }
      }
      this.line = lines;
      // Characters before it on its line (their bytes are valid), counted as an editor does.
      String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
      this.column = before.codePointCount(0, before.length()) + 1;
      this.badByte = bytes[offset] & 0xFF;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }

    @Override
    public String getMessage() {
      return String.format(
          Locale.ROOT,
          "not valid UTF-8 text (line %d, column %d: byte 0x%02X)",
          line,
          column,
          badByte);
    }
  }

  /*
   * Encoding: the usual output is pure ASCII, whose UTF-8 bytes are its Latin-1 bytes.
   * String.getBytes(UTF_8) proves that by a byte-by-byte loop that the C1 code of bulk runs does not
   * replace with a vector instruction, and it cost as much as writing the template's JSON did; here
   * the check reads eight bytes per step (ByteWords).
   */

  /** The UTF-8 encoding of {@code text}: the same bytes as {@code text.getBytes(UTF_8)}. */
  public static byte[] encode(String text) {
    // Latin-1 bytes are a plain copy for a text held as Latin-1, and a character beyond U+00FF
    // becomes '?'; so they are the UTF-8 bytes exactly when no byte is 0x80 or above and every
    // '?' among them is a '?' of the text.
    byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
    return isAsciiOf(latin1, text) ? latin1 : text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether {@code latin1}, the Latin-1 bytes of {@code text}, show that the text is ASCII. Up to
   * the first replaced character the bytes stand at the indexes of their characters (a surrogate
   * pair becomes one '?'), so that '?' is compared with the character it replaced.
   */
  private static boolean isAsciiOf(byte[] latin1, String text) {
    int n = latin1.length;
    int i = 0;
    for (; i + ByteWords.SIZE <= n; i += ByteWords.SIZE) {
      // Whether some byte is 0x80 or above or is '?'.
      long w = ByteWords.word(latin1, i);
      if (((w & ByteWords.HIGHS) | ByteWords.equal(w, QUESTION_MARK)) != 0
          && !isAsciiTail(latin1, text, i, i + ByteWords.SIZE)) {
        return false;
      }
    }
    return isAsciiTail(latin1, text, i, n);
  }

  /** Whether {@code latin1[from, to)} is ASCII and each '?' in it a '?' of the text. */
  private static boolean isAsciiTail(byte[] latin1, String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (latin1[i] < 0 || (latin1[i] == '?' && text.charAt(i) != '?')) {
        return false;
      }
    }
    return true;
  }

  private static final byte QUESTION_MARK = '?';
}
