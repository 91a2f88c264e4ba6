package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.diag.EditDistance;
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
    return EditDistance.between(a, b);
  }
}
