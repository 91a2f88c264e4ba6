package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.legacy.template.Span;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.Objects;

/**
 * Where a template string is written, so that a problem at a span of its value can be located at
 * the right column of the file.
 *
 * <p>A class rather than a record: its JSON pointer may be spelled out only when a problem is
 * reported ({@link #member}), since most strings have none and C1 code (bulk runs) pays for every
 * pointer.
 */
final class StringSite {
  private final SourceFile file;
  private final Range range;
  private final String value;
  private final boolean yaml;
  private final boolean verbatim;
  private final String parentPointer;
  private final String key;
  private String pointer;

  /**
   * @param file the file holding it (a template, a var file, or a pseudo-file for a {@code --var})
   * @param range the string literal in the file
   * @param value the string's decoded value
   * @param yaml whether the file is YAML (else JSON)
   * @param verbatim whether the file's text is exactly the value (a {@code --var} pseudo-file)
   * @param pointer the JSON pointer of the string in its document, or null
   */
  StringSite(
      SourceFile file, Range range, String value, boolean yaml, boolean verbatim, String pointer) {
    this(file, range, value, yaml, verbatim, null, null, pointer);
  }

  private StringSite(
      SourceFile file,
      Range range,
      String value,
      boolean yaml,
      boolean verbatim,
      String parentPointer,
      String key,
      String pointer) {
    this.file = Objects.requireNonNull(file, "file");
    this.range = range;
    this.value = Objects.requireNonNull(value, "value");
    this.yaml = yaml;
    this.verbatim = verbatim;
    this.parentPointer = parentPointer;
    this.key = key;
    this.pointer = pointer;
  }

  /** A string that is the value of member {@code key} of the object at {@code parentPointer}. */
  static StringSite member(
      SourceFile file, Range range, String value, boolean yaml, String parentPointer, String key) {
    return new StringSite(file, range, value, yaml, false, parentPointer, key, null);
  }

  SourceFile file() {
    return file;
  }

  Range range() {
    return range;
  }

  String value() {
    return value;
  }

  boolean yaml() {
    return yaml;
  }

  boolean verbatim() {
    return verbatim;
  }

  /** The JSON pointer of the string in its document, or null. */
  String pointer() {
    if (pointer == null && key != null) {
      pointer = JsonPointer.append(parentPointer, key);
    }
    return pointer;
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
