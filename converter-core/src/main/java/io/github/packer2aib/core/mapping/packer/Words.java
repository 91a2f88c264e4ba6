package io.github.packer2aib.core.mapping.packer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small helpers for message wording. */
final class Words {
  private Words() {}

  /** {@code "a"}, {@code "a" and "b"}, {@code "a", "b" and "c"}. */
  static String and(Collection<String> items) {
    return join(items, "and");
  }

  static String or(Collection<String> items) {
    return join(items, "or");
  }

  private static String join(Collection<String> items, String word) {
    List<String> l = new ArrayList<>(items);
    if (l.isEmpty()) {
      return "";
    }
    if (l.size() == 1) {
      return l.get(0);
    }
    return String.join(", ", l.subList(0, l.size() - 1)) + " " + word + " " + l.get(l.size() - 1);
  }

  static String quote(String s) {
    return '"' + s + '"';
  }

  /** The first candidate within two edits of {@code given}, or null. */
  static String closest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = 3;
    for (String c : candidates) {
      if (c.equals(given)) {
        continue;
      }
      int d = distance(given, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
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
