package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.diag.EditDistance;
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

  /** The edit distance of the shared {@link EditDistance}. */
  static int distance(String a, String b) {
    return EditDistance.between(a, b);
  }
}
