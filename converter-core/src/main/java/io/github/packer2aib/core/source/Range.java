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

  // Written out rather than generated: a record's equals and hashCode link method handles on
  // first use, several milliseconds each in a cold run, and every conversion uses these.
  @Override
  public boolean equals(Object o) {
    return o instanceof Range r
        && file.equals(r.file)
        && start.equals(r.start)
        && end.equals(r.end);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * file.hashCode() + start.hashCode()) + end.hashCode();
  }
}
