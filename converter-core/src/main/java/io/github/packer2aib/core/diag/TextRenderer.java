package io.github.packer2aib.core.diag;

import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
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
   * @param files looks up a source file by the display name used in ranges
   */
  public TextRenderer(Function<String, Optional<SourceFile>> files) {
    this.files = files;
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

  private void render(Diagnostic d, StringBuilder out) {
    d.subject().ifPresent(r -> out.append(r).append(": "));
    out.append(d.severity().label())
        .append(": ")
        .append(d.summary())
        .append(" [")
        .append(d.code())
        .append("]\n");
    d.subject().ifPresent(r -> snippet(r, out));
    d.path().ifPresent(p -> out.append("  at ").append(p.isEmpty() ? "/" : p).append('\n'));
    for (String line : d.detail().split("\n", -1)) {
      out.append("  ").append(SecretScrubber.scrub(line)).append('\n');
    }
    for (Related rel : d.related()) {
      out.append("  note: ").append(rel.label()).append(" at ").append(rel.range()).append('\n');
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
    String text;
    if (ValueMask.needed(source)) {
      // Values of a value file, and secret ranges, are masked; the caret follows the mask.
      ValueMask.MaskedLine masked = ValueMask.line(source, r.start().line());
      text = masked.text();
      endColumn = oneLine ? masked.endColumn(endColumn) : endColumn;
      startColumn = masked.startColumn(startColumn);
      endColumn = oneLine ? Math.max(endColumn, startColumn) : endColumn;
    } else {
      text = source.line(r.start().line());
    }
    String number = Integer.toString(r.start().line());
    String gutter = " ".repeat(number.length());
    // Scrubbed whole, before any cut: a window that began inside a credential could hide it from
    // the scrubber's patterns.
    String shown = SecretScrubber.scrub(text);
    int lineLength = shown.codePointCount(0, shown.length());
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
    int from = shown.offsetByCodePoints(0, first - 1);
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
    while (col < startColumn && i < shown.length()) {
      int cp = shown.codePointAt(i);
      if (cp == '\t') {
        marker.append('\t');
      } else {
        marker.append(" ".repeat(DisplayWidth.of(cp)));
      }
      i += Character.charCount(cp);
      col++;
    }
    int stop = Math.min(end, last + 1);
    for (int c = col; c < Math.max(stop, col + 1); c++) {
      int width = 1;
      if (i < to) {
        int cp = shown.codePointAt(i);
        width = cp == '\t' ? 1 : DisplayWidth.of(cp);
        i += Character.charCount(cp);
      }
      // The caret always shows; a combining mark inside the subject adds no column.
      marker.append(c == col ? "^" + "~".repeat(Math.max(0, width - 1)) : "~".repeat(width));
    }
    out.append("  ").append(gutter).append(" | ").append(marker).append('\n');
  }

  /** Lines longer than this (in characters) are shown as a window around the subject. */
  static final int LONG_LINE = 200;

  /** The characters a window shows, and how many of them come before the subject's start. */
  static final int WINDOW = 120;

  static final int BEFORE = 40;

  /** Marks a line cut short; ASCII, as stderr may not be UTF-8. */
  static final String CUT = "...";
}
