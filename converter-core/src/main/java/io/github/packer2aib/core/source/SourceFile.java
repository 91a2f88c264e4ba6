package io.github.packer2aib.core.source;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One input text with its display name (a path as the user wrote it, or the {@code --stdin-name}).
 * It maps offsets to line/column positions and gives back source lines for diagnostics.
 *
 * <p>It also says what a renderer may not quote from it, since rendered diagnostics go to
 * terminals, CI logs and reports: a <em>value file</em> ({@link #ofValues}: var files, the text of
 * {@code --var} values) holds values that may be secrets under any name, so a renderer masks every
 * value on the lines it quotes and keeps only names and punctuation; in any file, {@link
 * #withSecrets secret ranges} (the literal default of a sensitive variable, the {@code vars} of a
 * settings file) are masked. The text itself is never changed: parsers read the real values.
 */
public final class SourceFile {
  private final String name;
  private final String text;
  private final int[] lineStarts;
  private final boolean values;
  private final List<Range> secrets;

  /** No surrogate pairs: columns are offsets (positions are asked for every syntax node). */
  private final boolean surrogateFree;

  /**
   * The bytes the text was read from when they are all ASCII, else null (see {@link #asciiBytes}).
   */
  private final byte[] ascii;

  /** Whether {@link #fromUtf8} removed a byte order mark from the start of the text. */
  private final boolean byteOrderMarkRemoved;

  /** The line of the last position asked for (see {@link #lineOf}). */
  private int lineHint;

  public SourceFile(String name, String text) {
    this(name, text, computeLineStarts(text), surrogateFree(text), false, List.of(), null, false);
  }

  private SourceFile(
      String name,
      String text,
      int[] lineStarts,
      boolean surrogateFree,
      boolean values,
      List<Range> secrets,
      byte[] ascii,
      boolean byteOrderMarkRemoved) {
    this.name = Objects.requireNonNull(name, "name");
    this.text = Objects.requireNonNull(text, "text");
    this.lineStarts = lineStarts;
    this.surrogateFree = surrogateFree;
    this.values = values;
    this.secrets = secrets;
    this.ascii = ascii;
    this.byteOrderMarkRemoved = byteOrderMarkRemoved;
  }

  /**
   * The file whose content is {@code bytes} in UTF-8, without a leading byte order mark (editors do
   * not show it, so columns stay as the user sees them). When the bytes are all ASCII the file
   * keeps them for {@link #asciiBytes}: the caller must not change them afterwards.
   *
   * @throws CharacterCodingException when the bytes are not valid UTF-8
   */
  public static SourceFile fromUtf8(String name, byte[] bytes) throws CharacterCodingException {
    return fromUtf8(name, bytes, false);
  }

  /** {@link #fromUtf8}, as a value file ({@link #ofValues}). */
  public static SourceFile valuesFromUtf8(String name, byte[] bytes)
      throws CharacterCodingException {
    return fromUtf8(name, bytes, true);
  }

  /**
   * Pure ASCII, what templates almost always are, is read in one pass over the bytes that also
   * finds the line starts: decoding as UTF-8 (a scan for non-ASCII bytes and a copy) and then
   * scanning the text twice for line ends was 2-3% of converting a template in C1; the one pass
   * takes about a third less time on the generated corpus's files.
   */
  private static SourceFile fromUtf8(String name, byte[] bytes, boolean values)
      throws CharacterCodingException {
    Objects.requireNonNull(name, "name");
    int[] starts = asciiLineStarts(bytes);
    if (starts != null) {
      // ASCII: ISO-8859-1 gives the same characters and copies the bytes as they are.
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      return new SourceFile(name, text, starts, true, values, List.of(), bytes, false);
    }
    String text = Utf8.decode(bytes);
    boolean byteOrderMark = text.startsWith("\uFEFF");
    if (byteOrderMark) {
      text = text.substring(1);
    }
    return new SourceFile(
        name,
        text,
        computeLineStarts(text),
        surrogateFree(text),
        values,
        List.of(),
        null,
        byteOrderMark);
  }

  /**
   * The line starts of ASCII bytes, whose offsets are then UTF-16 offsets too, counted as {@link
   * #computeLineStarts} counts them; null at the first byte that is not ASCII.
   */
  private static int[] asciiLineStarts(byte[] bytes) {
    int[] starts = new int[16];
    int count = 1;
    int n = bytes.length;
    int lastWord = n - ByteWords.SIZE;
    int i = 0;
    while (i < n) {
      if (i <= lastWord) {
        // A word at a time: \n and \r are below 14, and a byte that is not ASCII is flagged too.
        long special = ByteWords.belowOrHigh(ByteWords.word(bytes, i), 14);
        if (special == 0) {
          i += ByteWords.SIZE;
          continue;
        }
        i += ByteWords.first(special);
      }
      byte b = bytes[i];
      if (b <= '\r') {
        if (b < 0) {
          return null;
        }
        if (b == '\n' || (b == '\r' && (i + 1 == n || bytes[i + 1] != '\n'))) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = i + 1;
        }
      }
      i++;
    }
    return Arrays.copyOf(starts, count);
  }

  /**
   * A value file: a file whose job is to hold values (var files, {@code --var} text). Renderers
   * mask every value on the lines they quote from it, whatever the variable's sensitivity, which is
   * often unknown where the diagnostic is made (syntax errors, undeclared variables).
   */
  public static SourceFile ofValues(String name, String text) {
    Objects.requireNonNull(text, "text");
    return new SourceFile(
        name, text, computeLineStarts(text), surrogateFree(text), true, List.of(), null, false);
  }

  /**
   * This file as a value file ({@link #ofValues}): for a template that does not parse, where which
   * of its values are secret cannot be told (a new object with the same name, text and secrets).
   */
  public SourceFile asValues() {
    return values
        ? this
        : new SourceFile(
            name, text, lineStarts, surrogateFree, true, secrets, ascii, byteOrderMarkRemoved);
  }

  /** Whether this is a value file ({@link #ofValues}). */
  public boolean holdsValues() {
    return values;
  }

  /**
   * This file with further ranges that renderers must mask when they quote a line (a new object:
   * ranges refer to files by name, so it can replace this one wherever files are looked up). Ranges
   * of other files are ignored; without a new range, this file itself is returned.
   */
  public SourceFile withSecrets(List<Range> ranges) {
    List<Range> all = new ArrayList<>(secrets);
    for (Range r : ranges) {
      if (r != null && r.file().equals(name) && !all.contains(r)) {
        all.add(r);
      }
    }
    if (all.size() == secrets.size()) {
      return this;
    }
    return new SourceFile(
        name,
        text,
        lineStarts,
        surrogateFree,
        values,
        List.copyOf(all),
        ascii,
        byteOrderMarkRemoved);
  }

  /** The ranges renderers must mask ({@link #withSecrets}), in the order given. */
  public List<Range> secrets() {
    return secrets;
  }

  /**
   * No surrogate pairs, so columns are UTF-16 offsets. {@code codePointCount} answers in constant
   * time for the usual all-Latin-1 text (a lone surrogate counts as one code point either way).
   */
  private static boolean surrogateFree(String text) {
    return text.codePointCount(0, text.length()) == text.length();
  }

  private static int[] computeLineStarts(String text) {
    int[] starts = new int[16];
    int count = 1;
    boolean carriageReturns = text.indexOf('\r') >= 0;
    // Without a \r only \n ends lines, and indexOf finds them much faster than a charAt loop.
    int i = carriageReturns ? nextLineEnd(text, 0) : text.indexOf('\n');
    while (i >= 0) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
      i = carriageReturns ? nextLineEnd(text, i + 1) : text.indexOf('\n', i + 1);
    }
    return Arrays.copyOf(starts, count);
  }

  /** The offset of the next line end at or after {@code from} (of \r\n, its \n), or -1. */
  private static int nextLineEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      // \r\n, \n and a lone \r all end a line, as editors count them.
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The bytes of a file {@linkplain #fromUtf8 read from} UTF-8 bytes that are all ASCII: one byte
   * per UTF-16 unit of {@link #text}, the array the file was made from. Scanners that read bytes
   * (the JSON reader, the HCL tokenizer) take it instead of encoding the text again, which was an
   * array as long as the file for each of them. Shared: never write to it. Null for any other file.
   */
  public byte[] asciiBytes() {
    return ascii;
  }

  /**
   * Whether the file's bytes started with a byte order mark that {@link #fromUtf8} removed. HCL's
   * scanner drops one at the start of what it scans; its parser, which would drop it again, asks
   * this so that a second mark is still an invalid character, as in HashiCorp's parser.
   */
  public boolean byteOrderMarkRemoved() {
    return byteOrderMarkRemoved;
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The position of a UTF-16 offset; offsets past the end are clamped to the end of the text. */
  public Position position(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int line = lineOf(clamped);
    int lineStart = lineStarts[line];
    int column =
        (surrogateFree ? clamped - lineStart : text.codePointCount(lineStart, clamped)) + 1;
    return new Position(line + 1, column, clamped);
  }

  /**
   * The 0-based line of an offset. Parsers ask in increasing order, so the line of the previous
   * answer (or the next one) is tried before a binary search. The hint is a plain int: a stale
   * value read by another thread only costs the search.
   */
  private int lineOf(int offset) {
    int hint = lineHint;
    if (hint < lineStarts.length && lineStarts[hint] <= offset) {
      if (hint + 1 == lineStarts.length || offset < lineStarts[hint + 1]) {
        return hint;
      }
      if (hint + 2 == lineStarts.length || offset < lineStarts[hint + 2]) {
        lineHint = hint + 1;
        return hint + 1;
      }
    }
    int idx = Arrays.binarySearch(lineStarts, offset);
    int line = idx >= 0 ? idx : -idx - 2;
    lineHint = line;
    return line;
  }

  /** The position of a 1-based line and 1-based code-point column, clamped into the text. */
  public Position position(int line, int column) {
    int l = Math.max(1, Math.min(line, lineStarts.length));
    int start = lineStarts[l - 1];
    int end = lineEnd(l);
    int offset = start;
    int col = 1;
    while (col < column && offset < end) {
      offset += Character.charCount(text.codePointAt(offset));
      col++;
    }
    return new Position(l, col, offset);
  }

  /**
   * The range between two UTF-16 offsets, clamped into the text as {@link #position(int)} clamps
   * them (an end before the start is taken as the start). Its positions are computed only when
   * asked for (see {@link Range}).
   */
  public Range range(int startOffset, int endOffset) {
    int length = text.length();
    int s = Math.max(0, Math.min(startOffset, length));
    int e = Math.max(s, Math.min(endOffset, length));
    return new Range(this, s, e);
  }

  /**
   * Whether offsets give the same positions in both files: the same text and line table ({@link
   * #withSecrets} copies share them).
   */
  boolean sameLayout(SourceFile other) {
    return this == other || (text == other.text && lineStarts == other.lineStarts);
  }

  /** The whole text as a range; used for diagnostics about the file as a whole. */
  public Range whole() {
    return range(0, text.length());
  }

  /** The start of the file as an empty range. */
  public Range start() {
    return range(0, 0);
  }

  /** The text of a 1-based line without its line terminator. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    return text.substring(lineStarts[line - 1], lineEnd(line));
  }

  private int lineEnd(int line) {
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > lineStarts[line - 1]
        && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  /**
   * Equal when a renderer quotes the same from both: the same name and text, read the same way,
   * with the same values and ranges masked. Two runs of one conversion each make a masked copy of
   * its input (an ARM template's secure defaults), and their results were unequal only because the
   * copies were two objects.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof SourceFile f
        && values == f.values
        && byteOrderMarkRemoved == f.byteOrderMarkRemoved
        && name.equals(f.name)
        && text.equals(f.text)
        && secrets.equals(f.secrets);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, text, values, byteOrderMarkRemoved, secrets);
  }

  @Override
  public String toString() {
    return "SourceFile["
        + name
        + ", "
        + text.length()
        + " chars"
        + (values ? ", values" : "")
        + "]";
  }
}
