package io.github.packer2aib.core.mapping.packer;

import java.util.Arrays;

/**
 * Finds a text in a much longer one as {@link String#indexOf(String, int)} does (the leftmost
 * occurrence), by Horspool's method on the low byte of each character, which C1 code reads several
 * times faster than {@code charAt} calls: the secret check scans every template's JSON once per
 * option and secret. The bytes of the text are given with it ({@link LowBytes}). A character beyond
 * Latin-1 shares its low byte with others, so a place where the low bytes agree is a candidate that
 * the characters themselves confirm: the search finds exactly what indexOf finds.
 */
final class LowByteSearch {
  /** The longest move the table holds: its entries are unsigned bytes. */
  private static final int MAX_SHIFT = 255;

  private final String pattern;

  /** The low byte of each character of the pattern. */
  private final byte[] low;

  /**
   * How far the pattern may move when a byte is under its end, as an unsigned byte (a shorter move
   * than the pattern allows only costs a step).
   */
  private final byte[] shift = new byte[256];

  /** A search for a non-empty pattern. */
  LowByteSearch(String pattern) {
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("an empty pattern");
    }
    this.pattern = pattern;
    int m = pattern.length();
    this.low = new byte[m];
    LowBytes.copy(pattern, m, low);
    Arrays.fill(shift, (byte) Math.min(m, MAX_SHIFT));
    for (int k = 0; k < m - 1; k++) {
      shift[low[k] & 0xFF] = (byte) Math.min(m - 1 - k, MAX_SHIFT);
    }
  }

  /**
   * The index of the first occurrence in {@code text} at or after {@code from} that ends at or
   * before {@code limit}, or -1; {@code bytes} holds the low bytes of the text (at least up to
   * {@code limit}).
   */
  int in(String text, byte[] bytes, int from, int limit) {
    int m = low.length;
    byte last = low[m - 1];
    for (int end = Math.max(from, 0) + m - 1; end < limit; ) {
      byte b = bytes[end];
      if (b == last && matchesBefore(text, bytes, end)) {
        return end - m + 1;
      }
      end += shift[b & 0xFF] & 0xFF;
    }
    return -1;
  }

  /** Whether the pattern ends at {@code end}: by the low bytes, then by the characters. */
  private boolean matchesBefore(String text, byte[] bytes, int end) {
    int start = end - (low.length - 1);
    for (int k = low.length - 2; k >= 0; k--) {
      if (bytes[start + k] != low[k]) {
        return false;
      }
    }
    for (int k = 0; k < low.length; k++) {
      if (text.charAt(start + k) != pattern.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The text searched for. */
  String pattern() {
    return pattern;
  }

  /** The length of the text searched for. */
  int length() {
    return low.length;
  }

  /** The character at {@code index} of the text searched for. */
  char charAt(int index) {
    return pattern.charAt(index);
  }
}
