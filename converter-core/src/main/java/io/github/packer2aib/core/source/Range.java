package io.github.packer2aib.core.source;

import java.util.Objects;

/**
 * A span of one source file: {@code start} inclusive, {@code end} exclusive (as in HashiCorp HCL).
 * The file is named by its display name; the text itself lives in a {@link SourceFile}.
 *
 * <p>Nearly every token and syntax node has a range, and few are ever looked at (diagnostics,
 * traces and reports read them), so a range made by {@link SourceFile#range} keeps its file and two
 * offsets and computes its line/column {@link Position}s only when asked: two eager positions were
 * a tenth of all bytes allocated in a bulk run. Such a <em>lazy</em> range keeps its whole {@link
 * SourceFile} alive; whatever keeps ranges beyond a conversion (a bulk run's report) keeps {@link
 * #settled} ones, which hold only their positions.
 *
 * <p>Equality is by file name and both positions, as when this was a record: a lazy and an eager
 * range of the same span are equal. A range may be read from several threads: the positions are
 * cached in plain fields, a benign race since {@link Position} is immutable with final fields (a
 * thread that sees the reference sees the whole position; at worst two threads compute it).
 */
public final class Range {
  private final String file;
  private final int startOffset;
  private final int endOffset;

  /** The file a lazy range computes its positions from; null for an eager (or settled) range. */
  private final SourceFile source;

  /** The positions; for a lazy range null until first asked (see the class comment). */
  private Position start;

  private Position end;

  public Range(String file, Position start, Position end) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.offset() < start.offset()) {
      throw new IllegalArgumentException("range ends before it starts: " + start + " > " + end);
    }
    this.file = file;
    this.startOffset = start.offset();
    this.endOffset = end.offset();
    this.source = null;
    this.start = start;
    this.end = end;
  }

  /** A lazy range; the offsets are already clamped into the text, the end not before the start. */
  Range(SourceFile source, int startOffset, int endOffset) {
    this.file = source.name();
    this.startOffset = startOffset;
    this.endOffset = endOffset;
    this.source = source;
  }

  public String file() {
    return file;
  }

  public Position start() {
    Position s = start;
    if (s == null) {
      s = source.position(startOffset);
      start = s;
    }
    return s;
  }

  public Position end() {
    Position e = end;
    if (e == null) {
      e = source.position(endOffset);
      end = e;
    }
    return e;
  }

  /** The 0-based UTF-16 offset of the start, {@code start().offset()} without computing it. */
  public int startOffset() {
    return startOffset;
  }

  /**
   * The 0-based UTF-16 offset of the end (exclusive), {@code end().offset()} without computing it.
   */
  public int endOffset() {
    return endOffset;
  }

  /** The smallest range covering both; both must be in the same file. */
  public Range to(Range other) {
    if (source != null && source == other.source) {
      // Both lazy in the same text: the result stays lazy.
      return new Range(
          source, Math.min(startOffset, other.startOffset), Math.max(endOffset, other.endOffset));
    }
    Position s = startOffset <= other.startOffset ? start() : other.start();
    Position e = endOffset >= other.endOffset ? end() : other.end();
    return new Range(file, s, e);
  }

  /**
   * From the start of this range to the end of {@code other}, which must be in the same file and
   * not end before this one starts; lazy when both are lazy ranges of the same text.
   */
  public Range through(Range other) {
    if (source != null && source == other.source) {
      if (other.endOffset < startOffset) {
        throw new IllegalArgumentException("range ends before it starts: " + other + " < " + this);
      }
      return new Range(source, startOffset, other.endOffset);
    }
    return new Range(file, start(), other.end());
  }

  /**
   * The part of this range from the end of {@code head}, which must be in the same file and not end
   * after this one; lazy when both are lazy ranges of the same text.
   */
  public Range after(Range head) {
    if (source != null && source == head.source) {
      if (endOffset < head.endOffset) {
        throw new IllegalArgumentException("range ends before it starts: " + head + " > " + this);
      }
      return new Range(source, head.endOffset, endOffset);
    }
    return new Range(file, head.end(), end());
  }

  /**
   * This range holding only its positions, not its source text: what to keep of a range beyond the
   * conversion that made it (a lazy range keeps its whole {@link SourceFile} alive). Equal to this
   * range; an eager range is returned as it is.
   */
  public Range settled() {
    if (source == null) {
      return this;
    }
    return new Range(file, start(), end());
  }

  /** {@code file:line:col}, the compact form used in messages and logs. */
  @Override
  public String toString() {
    Position s = start();
    return file + ":" + s.line() + ":" + s.column();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Range r)
        || startOffset != r.startOffset
        || endOffset != r.endOffset
        || !file.equals(r.file)) {
      return false;
    }
    if (source != null && r.source != null && source.sameLayout(r.source)) {
      // Same text, same line table: equal offsets give equal positions.
      return true;
    }
    return start().equals(r.start()) && end().equals(r.end());
  }

  /**
   * From the file name and the offsets (equal positions have equal offsets): no position needed.
   */
  @Override
  public int hashCode() {
    return 31 * (31 * file.hashCode() + startOffset) + endOffset;
  }
}
