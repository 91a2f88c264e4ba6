package io.github.packer2aib.core.parse;

import java.io.Reader;

/**
 * A reader over a string that never ends a read between the two halves of a surrogate pair (unless
 * it returns a single character). SnakeYAML 2.3's {@code StreamReader} fills its whole buffer and,
 * when the last character is a high surrogate, reads one more character past the end of that
 * buffer, which throws; an emoji that straddles a 1024-character boundary is enough. Public for the
 * tests that read emitted YAML back with Jackson's YAML reader or SnakeYAML's loader (both on that
 * {@code StreamReader}).
 */
public final class SurrogateSafeReader extends Reader {
  private final String text;
  private int position;

  public SurrogateSafeReader(String text) {
    this.text = text;
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    if (position >= text.length()) {
      return -1;
    }
    int count = Math.min(length, text.length() - position);
    if (count > 1 && Character.isHighSurrogate(text.charAt(position + count - 1))) {
      count--;
    }
    text.getChars(position, position + count, buffer, offset);
    position += count;
    return count;
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
