package io.github.packer2aib.core.legacy.template;

import io.github.packer2aib.core.diag.EditDistance;
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

  /** The edit distance of the shared {@link EditDistance}. */
  static int distance(String a, String b) {
    return EditDistance.between(a, b);
  }
}
