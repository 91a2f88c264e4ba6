package io.github.packer2aib.core.validate.spec;

import io.github.packer2aib.core.diag.EditDistance;
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

  /** The edit distance of the shared {@link EditDistance}. */
  static int distance(String a, String b) {
    return EditDistance.between(a, b);
  }
}
