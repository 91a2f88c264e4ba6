package io.github.packer2aib.core.mapping.packer;

import java.util.Arrays;

/**
 * Whether a text may hold one of a few ASCII words, in any ASCII case: a cheap check that every
 * step's commands go through before the exact tests (the generalization keywords, the restart
 * words). It reads the low bytes of the text ({@link LowBytes}) and skips as Horspool's search
 * does, on a window as long as the shortest word: most bytes move it by the whole window. A
 * character beyond Latin-1 may give a letter's byte, so the scan may say yes too often, never too
 * rarely.
 */
final class WordScan {
  /** The words, in small letters. */
  private final String[] words;

  /** The bytes the scan looks at each time: the length of the shortest word. */
  private final int window;

  /** How far a byte (in small letters) that ends the window lets the scan move. */
  private final int[] shift = new int[256];

  /** The bytes that end some word's first {@link #window} letters: only there is a word tried. */
  private final boolean[] ends = new boolean[256];

  WordScan(String... words) {
    this.words = words.clone();
    int w = Integer.MAX_VALUE;
    for (String word : words) {
      w = Math.min(w, word.length());
    }
    window = w;
    Arrays.fill(shift, window);
    for (String word : words) {
      for (int p = 0; p < window - 1; p++) {
        shift[word.charAt(p)] = Math.min(shift[word.charAt(p)], window - 1 - p);
      }
      ends[word.charAt(window - 1)] = true;
    }
  }

  /** Whether {@code text} may hold one of the words. */
  boolean in(String text) {
    byte[] b = LowBytes.take(text);
    try {
      return in(b, text.length());
    } finally {
      LowBytes.release(b);
    }
  }

  /** Whether the first {@code n} bytes (UTF-8, or the low bytes of a text) may hold a word. */
  boolean in(byte[] b, int n) {
    for (int end = window - 1; end < n; ) {
      // | 0x20 maps exactly the ASCII capitals to their small letters among the words' letters;
      // bytes beyond ASCII stay beyond it.
      int c = (b[end] & 0xFF) | 0x20;
      if (ends[c] && wordAt(b, n, end - (window - 1), c)) {
        return true;
      }
      end += shift[c];
    }
    return false;
  }

  /** Whether a word whose window ends with {@code c} starts at {@code start}. */
  private boolean wordAt(byte[] b, int n, int start, int c) {
    for (String word : words) {
      if (word.charAt(window - 1) == c && LowBytes.wordAt(b, n, start, word)) {
        return true;
      }
    }
    return false;
  }
}
