package io.github.packer2aib.core.validate.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" candidates: a name equal ignoring case, else the nearest by edit distance. */
final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate the user most likely meant, or empty when none is close. Ties go to the first
   * candidate in the collection's order, so the answer is deterministic.
   */
  static Optional<String> closest(String input, Collection<String> candidates) {
    for (String c : candidates) {
      if (c.equalsIgnoreCase(input)) {
        return Optional.of(c);
      }
    }
    String needle = input.toLowerCase(Locale.ROOT);
    // Short names get less slack: "uri" should not suggest "sku".
    int limit = Math.max(1, Math.min(2, needle.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(needle, c.toLowerCase(Locale.ROOT));
      if (d <= limit && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance, with an adjacent transposition counting as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
