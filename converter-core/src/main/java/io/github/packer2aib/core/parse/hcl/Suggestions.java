package io.github.packer2aib.core.parse.hcl;

import java.util.List;

/** "Did you mean" suggestions: the first candidate within a small edit distance. */
final class Suggestions {
  private static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  /** The first candidate at most two edits away from {@code given}, or null. */
  static String closest(String given, List<String> candidates) {
    for (String candidate : candidates) {
      if (distance(given, candidate) <= MAX_DISTANCE) {
        return candidate;
      }
    }
    return null;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
