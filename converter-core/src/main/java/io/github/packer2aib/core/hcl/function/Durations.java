package io.github.packer2aib.core.hcl.function;

import java.util.Optional;

/**
 * Go's duration syntax ({@code 1h30m}, {@code 90s}, {@code 1.5s}, {@code 300ms}) as Go's {@code
 * time.ParseDuration} reads it: the one reader for every place Packer takes a duration
 * ({@code timeadd}, {@code pause_before}, {@code restart_timeout}, {@code sleep}).
 */
public final class Durations {
  private Durations() {}

  /** The duration in nanoseconds, or empty when the text is not a Go duration (or overflows). */
  public static Optional<Long> parseNanos(String text) {
    try {
      return Optional.of(GoTime.parseDuration(text));
    } catch (GoTime.TimeError e) {
      return Optional.empty();
    }
  }
}
