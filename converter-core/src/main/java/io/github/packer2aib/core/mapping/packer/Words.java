package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.EditDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small helpers for message wording. */
final class Words {
  private Words() {}

  /**
   * The parts one after the other, made in one string of the right length: the build compiles
   * {@code +} into a builder that starts at 16 characters and grows (and copies) several times for
   * a message, and every template drops several fields with a message each.
   */
  static String concat(String... parts) {
    return String.join("", parts);
  }

  /** {@code "a"}, {@code "a" and "b"}, {@code "a", "b" and "c"}. */
  static String and(Collection<String> items) {
    return join(items, "and");
  }

  /**
   * {@link #and} of the items in double quotes, built in one builder: every step with an
   * environment says which variables it sets, and a stream of quoted copies per step was a visible
   * cost in the C1 code of bulk runs.
   */
  static String andQuoted(Collection<String> items) {
    int n = items.size();
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (String item : items) {
      if (i > 0) {
        out.append(i == n - 1 ? " and " : ", ");
      }
      out.append('"').append(item).append('"');
      i++;
    }
    return out.toString();
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

  /**
   * The nearest candidate within two edits of {@code given} (of equally near ones, the first by
   * name), or null.
   */
  static String closest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = 3;
    for (String c : candidates) {
      if (c.equals(given)) {
        continue;
      }
      int d = distance(given, c);
      // Of equally close names the first by name: the answer must not depend on the order of
      // candidates (a set's order may change between runs; ssh_hort is as near ssh_host as
      // ssh_port).
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        best = c;
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
