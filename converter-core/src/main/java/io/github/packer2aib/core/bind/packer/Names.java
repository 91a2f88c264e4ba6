package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.EditDistance;
import io.github.packer2aib.core.diag.Excerpts;
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
    return closest(given, candidates)
        .map(c -> " Did you mean \"" + Excerpts.cut(c, Expressions.MAX_QUOTED_NAME) + "\"?")
        .orElse("");
  }

  /** The edit distance of the shared {@link EditDistance}. */
  static int distance(String a, String b) {
    return EditDistance.between(a, b);
  }

  /** A name in double quotes for a message. */
  static String quote(String s) {
    return "\"" + s + "\"";
  }
}
