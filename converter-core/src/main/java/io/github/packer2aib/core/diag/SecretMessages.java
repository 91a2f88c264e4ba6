package io.github.packer2aib.core.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The last guard between messages and stderr, a report or {@code inspect}'s output: the text of
 * every sensitive variable and local (of {@code SensitiveTexts.MIN_LENGTH} characters or more, as
 * the mapper's scan of the output) is replaced by {@code ***} wherever a diagnostic's summary,
 * detail, JSON pointer or related label holds it. Messages are kept clean by the sensitive mark
 * that values carry; this catches a place that drops the mark, as several did before session 13 (a
 * duplicate key, a provisioner filter, a name looked up from a secret) and a build's sources list
 * until the secrets audit, whatever the code that words it. The loaders apply it to their own
 * messages (a load that fails, and {@code inspect}, never reach the mapper), the conversion to
 * every message after mapping.
 *
 * <p>It runs before {@link ValueMask}'s scrub of the same messages, never after: that one masks the
 * words of a secret's source text, those of 8 characters or more in every message and shorter ones
 * only in messages about their own line, so a secret {@code "abc1234 defghijk"} quoted elsewhere
 * became {@code "abc1234 ***"}, in which its whole text was found no more (review 30).
 */
public final class SecretMessages {
  private SecretMessages() {}

  /**
   * {@code diagnostics} with {@code secretTexts} masked ({@code SensitiveTexts.of} a template, or
   * the mapper's {@code MapResult.secretTexts}); the same list when none holds one.
   */
  public static List<Diagnostic> scrub(List<String> secretTexts, List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty() || secretTexts.isEmpty()) {
      return diagnostics;
    }
    List<String> secrets = new ArrayList<>(secretTexts);
    // Longer first: a secret that holds another is masked whole.
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    List<Diagnostic> out = new ArrayList<>(diagnostics.size());
    boolean changed = false;
    for (Diagnostic d : diagnostics) {
      Diagnostic masked = scrub(d, secrets);
      changed |= masked != d;
      out.add(masked);
    }
    return changed ? out : diagnostics;
  }

  private static Diagnostic scrub(Diagnostic d, List<String> secrets) {
    String summary = mask(d.summary(), secrets);
    String detail = mask(d.detail(), secrets);
    Optional<String> path = d.path().map(p -> mask(p, secrets));
    List<Related> related = new ArrayList<>();
    boolean relatedChanged = false;
    for (Related r : d.related()) {
      String label = mask(r.label(), secrets);
      relatedChanged |= !label.equals(r.label());
      related.add(new Related(r.range(), label));
    }
    if (summary.equals(d.summary())
        && detail.equals(d.detail())
        && path.equals(d.path())
        && !relatedChanged) {
      return d;
    }
    return new Diagnostic(
        d.code(), d.severity(), summary, detail, d.subject(), path, related, d.input());
  }

  private static String mask(String text, List<String> secrets) {
    String out = text;
    for (String s : secrets) {
      if (out.contains(s)) {
        out = out.replace(s, ValueMask.MASK);
      }
    }
    return out;
  }
}
