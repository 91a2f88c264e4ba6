package io.github.packer2aib.core.bind.packer;

import java.util.Collection;
import java.util.Optional;

/** Name helpers: HCL identifiers and "did you mean" suggestions. */
final class Names {
  private Names() {}

  /** Suggestions are names at most this many edits away, as in Packer's {@code didyoumean}. */
  private static final int MAX_DISTANCE = 2;

  /**
   * Whether {@code name} is an HCL identifier: a letter or underscore, then letters, digits,
   * underscores and dashes.
   */
  static boolean isIdentifier(String name) {
    if (name.isEmpty()) {
      return false;
    }
    int first = name.codePointAt(0);
    if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
      return false;
    }
    for (int i = Character.charCount(first); i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp != '-' && !Character.isUnicodeIdentifierPart(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** The nearest candidate (ties: the first in iteration order), if one is close enough. */
  static Optional<String> closest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(given, candidate);
      if (d <= MAX_DISTANCE && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code " Did you mean \"x\"?"}, or the empty string when nothing is close. */
  static String didYouMean(String given, Collection<String> candidates) {
    return closest(given, candidates).map(c -> " Did you mean \"" + c + "\"?").orElse("");
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

  /** A name in double quotes for a message. */
  static String quote(String s) {
    return "\"" + s + "\"";
  }
}
