package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.legacy.template.Span;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.Objects;

/**
 * Where a template string is written, so that a problem at a span of its value can be located at
 * the right column of the file.
 *
 * @param file the file holding it (a template, a var file, or a pseudo-file for a {@code --var})
 * @param range the string literal in the file
 * @param value the string's decoded value
 * @param yaml whether the file is YAML (else JSON)
 * @param verbatim whether the file's text is exactly the value (a {@code --var} pseudo-file)
 * @param pointer the JSON pointer of the string in its document, or null
 */
record StringSite(
    SourceFile file, Range range, String value, boolean yaml, boolean verbatim, String pointer) {

  StringSite {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(value, "value");
  }

  /** The file range of a span of the value; the whole literal when the value cannot be mapped. */
  Range rangeOf(Span span) {
    if (verbatim) {
      return file.range(span.start(), span.end());
    }
    int[] map = StringOffsets.map(file, range, value, yaml);
    return StringOffsets.range(file, range, map, span.start(), span.end());
  }
}
