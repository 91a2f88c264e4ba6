package io.github.packer2aib.core.diag;

import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders diagnostics for people, in the style of HashiCorp HCL and compilers:
 *
 * <pre>
 * template.json:12:5: error: Unknown property [AIB-E104]
 *    12 |     "typo": 1,
 *       |     ^~~~~~
 *   at /properties/customize/0/typo
 *   The property "typo" is not defined for Shell customizers. Remove it or fix its spelling.
 * </pre>
 */
public final class TextRenderer {
  private final Function<String, Optional<SourceFile>> files;

  /**
   * The last source line shown, masked and scrubbed: a minified document is one line, and scrubbing
   * it again for each of its diagnostics made 3,000 diagnostics on a 1 MB line take 10 s. (An
   * instance renders on one thread.)
   */
  private ShownLine lastLine;

  /**
   * A source line as shown: masked where needed, scrubbed, and its length in code points; {@code
   * masked} and {@code scrubbed} map columns through each step, when it changed the line.
   */
  private record ShownLine(
      SourceFile source,
      int line,
      String shown,
      ValueMask.MaskedLine masked,
      ValueMask.MaskedLine scrubbed,
      int codePoints) {}

  /**
   * @param files looks up a source file by the display name used in ranges. For the diagnostics of
   *     a {@code ConversionResult}, the result's own copies of files ({@code sources()}) must be
   *     found in place of the caller's text: they mask what a quoted line must not show (the
   *     defaults of an ARM template's secure parameters, a var file's values). {@code
   *     ConversionResult.textRenderer(input)} makes such a renderer.
   */
  public TextRenderer(Function<String, Optional<SourceFile>> files) {
    this.files = files;
  }

  /**
   * A renderer that quotes lines from {@code files}, found by name (the first of a name): {@code
   * ConversionResult.quotedFiles(input)}.
   */
  public static TextRenderer quoting(Collection<SourceFile> files) {
    Map<String, SourceFile> byName = new HashMap<>();
    for (SourceFile f : files) {
      byName.putIfAbsent(f.name(), f);
    }
    return new TextRenderer(name -> Optional.ofNullable(byName.get(name)));
  }

  public String render(Iterable<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      render(d, out);
    }
    return out.toString();
  }

  public String render(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    render(d, out);
    return out.toString();
  }

  /**
   * The lines of a diagnostic. Text from the input (a file name, a path a message quotes, a JSON
   * pointer) may hold control characters: they are shown escaped ({@link ControlCharacters}), never
   * written to the terminal as they are.
   */
  /**
   * The longest path shown whole on a diagnostic's "at" line; a longer one keeps its start and end
   * (a document nested 1,000 levels deep made a line of 5,000 characters).
   */
  static final int MAX_PATH = 200;

  private void render(Diagnostic d, StringBuilder out) {
    // One without a location still says which input it is about (an empty template, a folder
    // without a build): among several inputs, the reader could not tell otherwise.
    Optional<String> heading = d.subject().map(Range::toString).or(d::input);
    heading.ifPresent(h -> out.append(ControlCharacters.escape(h)).append(": "));
    out.append(d.severity().label())
        .append(": ")
        .append(ControlCharacters.escape(SecretScrubber.scrub(d.summary())))
        .append(" [")
        .append(d.code())
        .append("]\n");
    d.subject().ifPresent(r -> snippet(r, out));
    d.path()
        .ifPresent(
            p ->
                out.append("  at ")
                    .append(
                        p.isEmpty()
                            ? "/"
                            : ControlCharacters.escape(
                                Excerpts.cutMiddle(SecretScrubber.scrub(p), MAX_PATH)))
                    .append('\n'));
    for (String line : d.detail().split("\n", -1)) {
      out.append("  ").append(ControlCharacters.escape(SecretScrubber.scrub(line))).append('\n');
    }
    for (Related rel : d.related()) {
      out.append("  note: ")
          .append(ControlCharacters.escape(SecretScrubber.scrub(rel.label())))
          .append(" at ")
          .append(ControlCharacters.escape(rel.range().toString()))
          .append('\n');
    }
  }

  private void snippet(Range r, StringBuilder out) {
    Optional<SourceFile> file = files.apply(r.file());
    if (file.isEmpty() || r.start().line() > file.get().lineCount()) {
      return;
    }
    SourceFile source = file.get();
    int startColumn = r.start().column();
    boolean oneLine = r.end().line() == r.start().line();
    int endColumn = r.end().column();
    ShownLine line = shownLine(source, r.start().line());
    if (line.masked() != null) {
      // Values of a value file, and secret ranges, are masked; the caret follows the mask.
      ValueMask.MaskedLine masked = line.masked();
      endColumn = oneLine ? masked.endColumn(endColumn) : endColumn;
      startColumn = masked.startColumn(startColumn);
      endColumn = oneLine ? Math.max(endColumn, startColumn) : endColumn;
    }
    if (line.scrubbed() != null) {
      // A secret the scrubber masked (a SAS signature, --password=...) before the subject moves it
      // left or right: "mysql --password=Hunter2Hunter2 -e x"], bogus: 1" shows "--password=***",
      // and the caret under "bogus" followed the unmasked columns, past the end of the line.
      ValueMask.MaskedLine scrubbed = line.scrubbed();
      endColumn = oneLine ? scrubbed.endColumn(endColumn) : endColumn;
      startColumn = scrubbed.startColumn(startColumn);
      endColumn = oneLine ? Math.max(endColumn, startColumn) : endColumn;
    }
    String number = Integer.toString(r.start().line());
    String gutter = " ".repeat(number.length());
    String shown = line.shown();
    int lineLength = line.codePoints();
    int end = oneLine ? endColumn : Math.max(lineLength + 1, startColumn + 1);
    int first = 1;
    int last = lineLength;
    if (lineLength > LONG_LINE) {
      // A minified document is one line: printing it whole for every diagnostic made megabytes
      // of stderr. Show a window from a little before the subject, the whole width where it can.
      first = Math.max(1, Math.min(startColumn - BEFORE, lineLength - WINDOW + 1));
      last = Math.min(lineLength, first + WINDOW - 1);
    }
    boolean cutBefore = first > 1;
    boolean cutAfter = last < lineLength;
    // Where every character is one code point (most text), columns are offsets.
    int from = lineLength == shown.length() ? first - 1 : shown.offsetByCodePoints(0, first - 1);
    int to = shown.offsetByCodePoints(from, last - first + 1);
    out.append("  ")
        .append(number)
        .append(" | ")
        .append(cutBefore ? CUT : "")
        .append(shown, from, to)
        .append(cutAfter ? CUT : "")
        .append('\n');
    StringBuilder marker = new StringBuilder(cutBefore ? " ".repeat(CUT.length()) : "");
    int col = first;
    int i = from;
    // Copy tabs, and give wide characters (Chinese, say) two columns, so that the caret lines up
    // under the same character in a terminal.
    // (A skin tone or a variation selector takes its width from the character before it.)
    int previous = from > 0 ? shown.codePointBefore(from) : DisplayWidth.NONE;
    while (col < startColumn && i < shown.length()) {
      int cp = shown.codePointAt(i);
      if (cp == '\t') {
        marker.append('\t');
      } else {
        marker.append(" ".repeat(DisplayWidth.of(previous, cp)));
      }
      previous = cp;
      i += Character.charCount(cp);
      col++;
    }
    int stop = Math.min(end, last + 1);
    for (int c = col; c < Math.max(stop, col + 1); c++) {
      int width = 1;
      if (i < to) {
        int cp = shown.codePointAt(i);
        width = cp == '\t' ? 1 : DisplayWidth.of(previous, cp);
        previous = cp;
        i += Character.charCount(cp);
      }
      // The caret always shows; a combining mark inside the subject adds no column.
      marker.append(c == col ? "^" + "~".repeat(Math.max(0, width - 1)) : "~".repeat(width));
    }
    out.append("  ").append(gutter).append(" | ").append(marker).append('\n');
  }

  /** Line {@code number} of {@code source} as shown, from the last one when it is the same. */
  private ShownLine shownLine(SourceFile source, int number) {
    ShownLine last = lastLine;
    if (last != null && last.source() == source && last.line() == number) {
      return last;
    }
    ValueMask.MaskedLine masked = ValueMask.needed(source) ? ValueMask.line(source, number) : null;
    String text = masked != null ? masked.text() : source.line(number);
    // Scrubbed whole, before any cut: a window that began inside a credential could hide it from
    // the scrubber's patterns.
    // A control character is drawn as a visible character of one column (the caret counts one).
    ValueMask.MaskedLine scrubbed = SecretScrubber.scrubbedLine(text);
    String shown = ControlCharacters.pictures(scrubbed != null ? scrubbed.text() : text);
    lastLine =
        new ShownLine(
            source, number, shown, masked, scrubbed, shown.codePointCount(0, shown.length()));
    return lastLine;
  }

  /** Lines longer than this (in characters) are shown as a window around the subject. */
  static final int LONG_LINE = 200;

  /** The characters a window shows, and how many of them come before the subject's start. */
  static final int WINDOW = 120;

  static final int BEFORE = 40;

  /** Marks a line cut short; ASCII, as stderr may not be UTF-8. */
  static final String CUT = "...";
}
