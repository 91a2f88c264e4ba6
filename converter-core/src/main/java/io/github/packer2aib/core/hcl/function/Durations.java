package io.github.packer2aib.core.hcl.function;

import java.util.Optional;

/**
 * Go's duration syntax ({@code 1h30m}, {@code 90s}, {@code 1.5s}, {@code 300ms}) as Go's {@code
 * time.ParseDuration} reads it: the one reader for every place Packer takes a duration ({@code
 * timeadd}, {@code pause_before}, {@code restart_timeout}, {@code sleep}).
 */
public final class Durations {
  private Durations() {}

  /** The duration in nanoseconds, or empty when the text is not a Go duration (or overflows). */
  public static Optional<Long> parseNanos(String text) {
    long plain = plainNanos(text);
    if (plain >= 0) {
      return Optional.of(plain);
    }
    try {
      return Optional.of(GoTime.parseDuration(text));
    } catch (GoTime.TimeError e) {
      return Optional.empty();
    }
  }

  /**
   * The nanoseconds of the common form, whole numbers of hours, minutes, seconds or milliseconds
   * ({@code 30s}, {@code 1h30m}, {@code 500ms}), or -1 for anything else, which the full reader
   * takes: that one quotes the text for its error message and adds up {@link java.math.BigDecimal}s
   * before it knows the text is fine. Groups of at most six digits cannot overflow on their own
   * (999999h is about 3.6e18 ns); the sum is checked as the full reader checks it.
   */
  private static long plainNanos(String text) {
    int n = text.length();
    if (n < 2) {
      return -1;
    }
    long total = 0;
    int i = 0;
    while (i < n) {
      int start = i;
      long number = 0;
      while (i < n && i - start < 7) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        number = number * 10 + (c - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 6 || i == n) {
        return -1;
      }
      long scale;
      char unit = text.charAt(i++);
      boolean last = i == n;
      if (unit == 'm' && !last && text.charAt(i) == 's') {
        scale = 1_000_000L;
        i++;
        last = i == n;
      } else if (unit == 'h') {
        scale = 3_600_000_000_000L;
      } else if (unit == 'm') {
        scale = 60_000_000_000L;
      } else if (unit == 's') {
        scale = 1_000_000_000L;
      } else {
        return -1;
      }
      // The unit ends where the next number starts: "1hx" or "1m.5s" go to the full reader.
      if (!last && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
        return -1;
      }
      long part = number * scale;
      if (part > Long.MAX_VALUE - total) {
        return -1;
      }
      total += part;
    }
    return total;
  }
}
