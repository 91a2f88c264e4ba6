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
}
