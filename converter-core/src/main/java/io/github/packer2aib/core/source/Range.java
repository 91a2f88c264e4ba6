package io.github.packer2aib.core.source;

import java.util.Objects;

/**
 * A span of one source file: {@code start} inclusive, {@code end} exclusive (as in HashiCorp HCL).
 * The file is named by its display name; the text itself lives in a {@link SourceFile}.
 */
public record Range(String file, Position start, Position end) {

  public Range {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.offset() < start.offset()) {
      throw new IllegalArgumentException("range ends before it starts: " + start + " > " + end);
    }
  }

  /** The smallest range covering both; both must be in the same file. */
  public Range to(Range other) {
    Position s = start.offset() <= other.start.offset() ? start : other.start;
    Position e = end.offset() >= other.end.offset() ? end : other.end;
    return new Range(file, s, e);
  }

  /** {@code file:line:col}, the compact form used in messages and logs. */
  @Override
  public String toString() {
    return file + ":" + start.line() + ":" + start.column();
  }
}
