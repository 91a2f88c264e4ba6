package io.github.packer2aib.core.hcl.eval;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/** "Did you mean" suggestions: the nearest name within an edit distance of 2, as HCL chooses. */
final class Names {
  private Names() {}

  static Optional<String> suggestion(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(candidates)) {
      int d = distance(given, candidate);
      if (d < 3 && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code Did you mean "x"?} with its leading space, or nothing. */
  static String didYouMean(String given, Collection<String> candidates) {
    return suggestion(given, candidates).map(s -> " Did you mean \"" + s + "\"?").orElse("");
  }

  private static int distance(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int[] prev = new int[y.length + 1];
    int[] cur = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int cost = x[i - 1] == y[j - 1] ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length];
  }
}
