package io.github.packer2aib.core.legacy.template;

/**
 * A span of a template string: {@code start} inclusive, {@code end} exclusive, as UTF-16 offsets
 * into the string's decoded value (not into the file: the caller maps spans to file ranges, since
 * only it knows how the string was written — JSON escapes, YAML quoting).
 */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("invalid span " + start + ".." + end);
    }
  }

  /** The smallest span covering both. */
  public Span to(Span other) {
    return new Span(Math.min(start, other.start), Math.max(end, other.end));
  }
}
