package io.github.packer2aib.core.source;

/**
 * A point in a source text: 1-based line, 1-based column counted in Unicode code points (what an
 * editor shows), and the 0-based UTF-16 offset into the text (what Java strings index).
 */
public record Position(int line, int column, int offset) implements Comparable<Position> {

  public Position {
    if (line < 1 || column < 1 || offset < 0) {
      throw new IllegalArgumentException(
          "invalid position line=" + line + " column=" + column + " offset=" + offset);
    }
  }

  public static final Position START = new Position(1, 1, 0);

  @Override
  public int compareTo(Position other) {
    return Integer.compare(offset, other.offset);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }

  // Written out rather than generated: a record's equals and hashCode link method handles on
  // first use, several milliseconds each in a cold run, and every conversion uses these.
  @Override
  public boolean equals(Object o) {
    return o instanceof Position p && line == p.line && column == p.column && offset == p.offset;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * line + column) + offset;
  }
}
