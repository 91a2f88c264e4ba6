package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.function.Durations;
import java.util.Optional;

/**
 * Go's duration syntax ({@code 1h30m}, {@code 90s}, {@code 1.5s}, {@code 300ms}), which Packer uses
 * for {@code pause_before}, {@code restart_timeout} and {@code sleep}'s {@code duration}.
 */
final class GoDuration {
  private GoDuration() {}

  /**
   * The durations parsed so far in this JVM (at most {@link #MAX_PARSED}; then new texts are parsed
   * every time): templates write a few durations ({@code 5m}, {@code 30s}) for every restart and
   * pause, and the parse (exact decimal arithmetic) was a visible part of mapping them in the C1
   * code of bulk runs. A parse is a pure function of the text; its result never changes.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, Optional<Long>> PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_PARSED = 256;

  /** The duration in nanoseconds, or empty when the text is not a Go duration. */
  static Optional<Long> parseNanos(String text) {
    Optional<Long> known = PARSED.get(text);
    if (known != null) {
      return known;
    }
    // Surrounding blanks are forgiven here: a template's value, not Packer's decoder, is read.
    Optional<Long> parsed = Durations.parseNanos(text.trim());
    if (PARSED.size() < MAX_PARSED) {
      PARSED.putIfAbsent(text, parsed);
    }
    return parsed;
  }

  /** Whole seconds, rounded up. */
  static long ceilSeconds(long nanos) {
    return (nanos + 999_999_999L) / 1_000_000_000L;
  }
}
