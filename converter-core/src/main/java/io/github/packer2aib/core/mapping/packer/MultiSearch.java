package io.github.packer2aib.core.mapping.packer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Finds any of several texts in a longer one in a single pass, by Wu and Manber's method on the low
 * byte of each character (as {@link LowByteSearch} reads a text): a table over every pair of bytes
 * tells how far the window of the shortest pattern's length may move, and only where a pair ends
 * some pattern's window are the patterns that end so compared, character by character. The output
 * scan looks for every credential of the converter's environment in every template of a bulk run:
 * one pass costs about what one {@link LowByteSearch} does, however many credentials there are.
 * Made once per set of patterns (the environment is the run's).
 */
final class MultiSearch {
  /** The longest move the table holds: its entries are unsigned bytes. */
  private static final int MAX_SHIFT = 255;

  private final String[] patterns;

  /** The length of the shortest pattern: the window the table is made for (2 or more). */
  private final int window;

  /** How far the window may move when a pair of low bytes ends it, as an unsigned byte. */
  private final byte[] shift = new byte[1 << 16];

  /** The patterns whose window ends with a pair, by the pair (where {@link #shift} is 0). */
  private final Map<Integer, int[]> ending = new HashMap<>();

  /** A search for {@code patterns}, each of two characters or more. */
  MultiSearch(List<String> patterns) {
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("no patterns");
    }
    this.patterns = patterns.toArray(String[]::new);
    int shortest = Integer.MAX_VALUE;
    for (String p : this.patterns) {
      shortest = Math.min(shortest, p.length());
    }
    if (shortest < 2) {
      throw new IllegalArgumentException("a pattern shorter than two characters");
    }
    this.window = shortest;
    Arrays.fill(shift, (byte) Math.min(window - 1, MAX_SHIFT));
    for (int i = 0; i < this.patterns.length; i++) {
      String p = this.patterns[i];
      for (int q = 1; q < window; q++) {
        int pair = pair(p.charAt(q - 1), p.charAt(q));
        int move = Math.min(window - 1 - q, MAX_SHIFT);
        if ((shift[pair] & 0xFF) > move) {
          shift[pair] = (byte) move;
        }
      }
      int last = pair(p.charAt(window - 2), p.charAt(window - 1));
      int[] known = ending.get(last);
      int[] grown = known == null ? new int[1] : Arrays.copyOf(known, known.length + 1);
      grown[grown.length - 1] = i;
      ending.put(last, grown);
    }
  }

  private static int pair(char a, char b) {
    return ((a & 0xFF) << 8) | (b & 0xFF);
  }

  /** The pattern at {@code index}. */
  String pattern(int index) {
    return patterns[index];
  }

  /**
   * The index of a pattern that occurs in {@code text} and that {@code accept} takes, or -1; {@code
   * low} holds the low bytes of the text. A pattern {@code accept} refused is not offered again.
   */
  int find(String text, byte[] low, IntPredicate accept) {
    int n = text.length();
    boolean[] refused = null;
    for (int end = window - 1; end < n; ) {
      int move = shift[((low[end - 1] & 0xFF) << 8) | (low[end] & 0xFF)] & 0xFF;
      if (move > 0) {
        end += move;
        continue;
      }
      int start = end - window + 1;
      for (int i : ending.get(((low[end - 1] & 0xFF) << 8) | (low[end] & 0xFF))) {
        String p = patterns[i];
        if ((refused == null || !refused[i])
            && start + p.length() <= n
            && text.regionMatches(start, p, 0, p.length())) {
          if (accept.test(i)) {
            return i;
          }
          if (refused == null) {
            refused = new boolean[patterns.length];
          }
          refused[i] = true;
        }
      }
      end++;
    }
    return -1;
  }
}
