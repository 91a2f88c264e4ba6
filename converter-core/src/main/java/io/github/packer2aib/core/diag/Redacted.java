package io.github.packer2aib.core.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How records that carry a caller's values print them in {@code toString}: records end up in test
 * failures and logs (an embedder that logs its options, an assertion that shows them), and those
 * values hold secrets (a {@code --var client_secret=…}, the CI job's {@code ARM_CLIENT_SECRET}, a
 * base URI's password or SAS signature). One rule for all of them: a variable, data value or
 * environment variable is shown by its name alone, never its value; a URL with its password and
 * signature masked, as every message masks them ({@link SecretScrubber}).
 */
public final class Redacted {
  private Redacted() {}

  /** A named value as {@code Kind[name]}: its value left out. */
  public static String named(String kind, String name) {
    return kind + "[" + name + "]";
  }

  /** The names of a map of values ({@code [ARM_CLIENT_SECRET, HOME]}), without the values. */
  public static String names(Map<String, ?> values) {
    return values.keySet().toString();
  }

  /**
   * The names of {@code NAME=VALUE} assignments ({@code --var}), without the values; one without
   * {@code =} is shown as {@code ?}, as all of it may be a value.
   */
  public static String assignmentNames(Collection<String> assignments) {
    List<String> names = new ArrayList<>(assignments.size());
    for (String a : assignments) {
      int eq = a.indexOf('=');
      names.add(eq < 0 ? "?" : a.substring(0, eq));
    }
    return names.toString();
  }

  /** A URL (or any text) with its password and SAS signature masked ({@code https://u:***@h}). */
  public static String url(Optional<String> url) {
    return url.map(u -> "Optional[" + SecretScrubber.scrub(u) + "]").orElse("Optional.empty");
  }
}
