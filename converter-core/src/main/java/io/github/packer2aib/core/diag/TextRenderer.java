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

  /** @param files looks up a source file by the display name used in ranges */
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
    out.append("  ").append(number).append(" | ").append(SecretScrubber.scrub(text)).append('\n');
    StringBuilder marker = new StringBuilder();
    int col = 1;
    int i = 0;
    // Copy tabs so the caret lines up under the same character in a terminal.
    while (col < startColumn && i < text.length()) {
      int cp = text.codePointAt(i);
      marker.append(cp == '\t' ? '\t' : ' ');
      i += Character.charCount(cp);
      col++;
    }
    int lineLength = text.codePointCount(0, text.length());
    int end = oneLine ? endColumn : Math.max(lineLength + 1, col + 1);
    marker.append('^');
    for (int c = col + 1; c < end; c++) {
      marker.append('~');
    }
    out.append("  ").append(gutter).append(" | ").append(marker).append('\n');
  }
}
