package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.function.Durations;
import io.github.packer2aib.core.source.TextMemo;
import java.util.Optional;

/**
 * Go's duration syntax ({@code 1h30m}, {@code 90s}, {@code 1.5s}, {@code 300ms}), which Packer uses
 * for {@code pause_before}, {@code restart_timeout} and {@code sleep}'s {@code duration}.
 */
final class GoDuration {
  private GoDuration() {}

  /**
   * Templates write a few durations ({@code 5m}, {@code 30s}) for every restart and pause, and the
   * parse (exact decimal arithmetic) was a visible part of mapping them in the C1 code of bulk
   * runs.
   */
  private static final TextMemo<Optional<Long>> PARSED = new TextMemo<>(256, GoDuration::parse);

  /** The duration in nanoseconds, or empty when the text is not a Go duration. */
  static Optional<Long> parseNanos(String text) {
    return PARSED.get(text);
  }

  private static Optional<Long> parse(String text) {
    // Surrounding blanks are forgiven here: a template's value, not Packer's decoder, is read.
    return Durations.parseNanos(text.trim());
  }

  /** Whole seconds, rounded up. */
  static long ceilSeconds(long nanos) {
    return (nanos + 999_999_999L) / 1_000_000_000L;
  }
}
