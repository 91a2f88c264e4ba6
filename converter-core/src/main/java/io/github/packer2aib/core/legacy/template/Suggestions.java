package io.github.packer2aib.core.legacy.template;

import java.util.List;

/** "Did you mean" suggestions: the closest candidate within two edits, first one on ties. */
public final class Suggestions {
  private Suggestions() {}

  /** The closest candidate at most two edits from {@code given}, or null. */
  public static String closest(String given, List<String> candidates) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : candidates) {
      int d = distance(given, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance (bounded work: both strings are short names). */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2 || a.length() > 200 || b.length() > 200) {
      return Integer.MAX_VALUE;
    }
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
