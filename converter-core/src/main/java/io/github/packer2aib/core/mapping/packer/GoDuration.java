package io.github.packer2aib.core.mapping.packer;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Go's duration syntax ({@code 1h30m}, {@code 90s}, {@code 1.5s}, {@code 300ms}), which Packer uses
 * for {@code pause_before}, {@code restart_timeout} and {@code sleep}'s {@code duration}.
 */
final class GoDuration {
  private GoDuration() {}

  /** The duration in nanoseconds, or empty when the text is not a Go duration. */
  static Optional<Long> parseNanos(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    boolean negative = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Optional.of(0L);
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    if (s.isEmpty()) {
      return Optional.empty();
    }
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        return Optional.empty();
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      long scale;
      switch (s.substring(unitStart, i)) {
        case "ns" -> scale = 1L;
        case "us", "µs", "μs" -> scale = 1_000L;
        case "ms" -> scale = 1_000_000L;
        case "s" -> scale = 1_000_000_000L;
        case "m" -> scale = 60_000_000_000L;
        case "h" -> scale = 3_600_000_000_000L;
        default -> {
          return Optional.empty();
        }
      }
      total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(scale)));
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Optional.empty();
    }
    long nanos = total.longValue();
    return Optional.of(negative ? -nanos : nanos);
  }

  /** Whole seconds, rounded up. */
  static long ceilSeconds(long nanos) {
    return (nanos + 999_999_999L) / 1_000_000_000L;
  }
}
