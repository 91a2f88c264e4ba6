package io.github.packer2aib.core.source;

import java.util.Objects;

/**
 * A span of one source file: {@code start} inclusive, {@code end} exclusive (as in HashiCorp HCL).
 * The file is named by its display name; the text itself lives in a {@link SourceFile}.
 *
 * <p>Nearly every token and syntax node has a range, and few are ever looked at (diagnostics,
 * traces and reports read them), so a range made by {@link SourceFile#range} keeps its file and two
 * offsets and computes its line/column {@link Position}s only when asked: a range with two eager
 * positions was a tenth of all bytes allocated in a bulk run. Once computed, the positions replace
 * the file in one field ({@link Located}): a range that has been looked at no longer keeps its
 * whole source text alive, and {@link #settled} does that for ranges kept beyond their conversion
 * (a bulk run's report).
 *
 * <p>Equality is by file name and both positions, as when this was a record: a lazy and an eager
 * range of the same span are equal. A range may be read from several threads: its state is one
 * plain field holding either the immutable {@link SourceFile} or an immutable {@link Located}, read
 * once into a local; a benign race since both have only final fields (a thread that sees the
 * reference sees the whole object; at worst two threads compute the same positions).
 */
public final class Range {
  private final int startOffset;
  private final int endOffset;

  /**
   * The {@link SourceFile} of a range whose positions are not yet computed, else {@link Located}.
   */
  private Object origin;

  /** What a range holds once its positions are known. */
  private static final class Located {
    final String file;
    final Position start;
    final Position end;

    Located(String file, Position start, Position end) {
      this.file = file;
      this.start = start;
      this.end = end;
    }
  }

  public Range(String file, Position start, Position end) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.offset() < start.offset()) {
      throw new IllegalArgumentException("range ends before it starts: " + start + " > " + end);
    }
    this.startOffset = start.offset();
    this.endOffset = end.offset();
    this.origin = new Located(file, start, end);
  }

  /** A lazy range; the offsets are already clamped into the text, the end not before the start. */
  Range(SourceFile source, int startOffset, int endOffset) {
    this.startOffset = startOffset;
    this.endOffset = endOffset;
    this.origin = source;
  }

  public String file() {
    Object o = origin;
    return o instanceof SourceFile f ? f.name() : ((Located) o).file;
  }

  public Position start() {
    return located().start;
  }

  public Position end() {
    return located().end;
  }

  /** The positions, computed from the source file on first use (see the class comment). */
  private Located located() {
    Object o = origin;
    if (o instanceof Located l) {
      return l;
    }
    SourceFile f = (SourceFile) o;
    Located l = new Located(f.name(), f.position(startOffset), f.position(endOffset));
    origin = l;
    return l;
  }

  /** The source file of a range whose positions are not computed yet, else null. */
  private SourceFile source() {
    Object o = origin;
    return o instanceof SourceFile f ? f : null;
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
    SourceFile source = source();
    if (source != null && source == other.source()) {
      // Both lazy in the same text: the result stays lazy.
      return new Range(
          source, Math.min(startOffset, other.startOffset), Math.max(endOffset, other.endOffset));
    }
    Position s = startOffset <= other.startOffset ? start() : other.start();
    Position e = endOffset >= other.endOffset ? end() : other.end();
    return new Range(file(), s, e);
  }

  /**
   * From the start of this range to the end of {@code other}, which must be in the same file and
   * not end before this one starts; lazy when both are lazy ranges of the same text.
   */
  public Range through(Range other) {
    SourceFile source = source();
    if (source != null && source == other.source()) {
      if (other.endOffset < startOffset) {
        throw new IllegalArgumentException("range ends before it starts: " + other + " < " + this);
      }
      return new Range(source, startOffset, other.endOffset);
    }
    return new Range(file(), start(), other.end());
  }

  /**
   * The part of this range from the end of {@code head}, which must be in the same file and not end
   * after this one; lazy when both are lazy ranges of the same text.
   */
  public Range after(Range head) {
    SourceFile source = source();
    if (source != null && source == head.source()) {
      if (endOffset < head.endOffset) {
        throw new IllegalArgumentException("range ends before it starts: " + head + " > " + this);
      }
      return new Range(source, head.endOffset, endOffset);
    }
    return new Range(file(), head.end(), end());
  }

  /**
   * This range, now holding only its positions, not its source text: what to keep of a range beyond
   * the conversion that made it (a lazy range keeps its whole {@link SourceFile} alive until its
   * positions are computed).
   */
  public Range settled() {
    located();
    return this;
  }

  /** {@code file:line:col}, the compact form used in messages and logs. */
  @Override
  public String toString() {
    Located l = located();
    return l.file + ":" + l.start.line() + ":" + l.start.column();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Range r) || startOffset != r.startOffset || endOffset != r.endOffset) {
      return false;
    }
    SourceFile source = source();
    SourceFile other = r.source();
    if (source != null && other != null && source.sameLayout(other)) {
      // Same name, text and line table: equal offsets give equal positions.
      return source.name().equals(other.name());
    }
    Located a = located();
    Located b = r.located();
    return a.file.equals(b.file) && a.start.equals(b.start) && a.end.equals(b.end);
  }

  /**
   * From the file name and the offsets (equal positions have equal offsets): no position needed.
   */
  @Override
  public int hashCode() {
    return 31 * (31 * file().hashCode() + startOffset) + endOffset;
  }
}
