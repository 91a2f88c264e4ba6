package io.github.packer2aib.core.diag;

import java.util.Arrays;

/**
 * Finds a text in a much longer one as {@link String#indexOf(String, int)} does (the leftmost
 * occurrence), by Horspool's method: the text is compared at the pattern's last character and moved
 * on by up to the pattern's length, so a search reads a fraction of the text. Every template's JSON
 * is searched for the user's option values and each secret, and {@code String.indexOf} reads every
 * character of it in the C1 code of bulk runs (it is compiled as an intrinsic by C2 only). Message
 * scrubbing searches each diagnostic for the secrets of its file the same way.
 *
 * <p>A pattern longer than the table's longest move is searched for by Knuth, Morris and Pratt's
 * method instead, which reads each character of the text once: Horspool's (and {@code indexOf}'s)
 * worst case is the text's length times the pattern's, which a long repetitive value reached (a
 * masked word of 50,000 letters searched for in a message of 150,000 took 10 s). Such patterns are
 * rare; short ones keep Horspool's speed.
 */
public final class TextSearch {
  /** Moves for characters below this are in the table; the others move by the full length. */
  private static final int TABLE = 256;

  private final String pattern;

  /** The longest move the table holds: its entries are unsigned bytes. */
  private static final int MAX_SHIFT = 255;

  /**
   * How far the pattern may move when a character is under its end, as an unsigned byte (at most
   * {@link #MAX_SHIFT}: a shorter move than the pattern allows only costs a step); null: use
   * String. Bytes, not ints: a search is made for every secret of every template, and the int table
   * was a quarter of its allocation.
   */
  private final byte[] shift;

  /**
   * For a pattern longer than {@link #MAX_SHIFT}: the length of the longest proper prefix of {@code
   * pattern[0..k]} that is also its suffix, for each k (Knuth-Morris-Pratt); else null.
   */
  private final int[] border;

  /** A search for a non-empty pattern. */
  public TextSearch(String pattern) {
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("an empty pattern");
    }
    this.pattern = pattern;
    this.border = pattern.length() > MAX_SHIFT ? borders(pattern) : null;
    this.shift = border == null ? shifts(pattern) : null;
  }

  private static int[] borders(String pattern) {
    int[] border = new int[pattern.length()];
    int k = 0;
    for (int i = 1; i < pattern.length(); i++) {
      while (k > 0 && pattern.charAt(i) != pattern.charAt(k)) {
        k = border[k - 1];
      }
      if (pattern.charAt(i) == pattern.charAt(k)) {
        k++;
      }
      border[i] = k;
    }
    return border;
  }

  /** {@link #in(String, int, int)} by Knuth-Morris-Pratt: each character of the text read once. */
  private int linear(String text, int from, int limit) {
    int m = pattern.length();
    int k = 0;
    for (int i = Math.max(from, 0); i < limit; i++) {
      char c = text.charAt(i);
      while (k > 0 && c != pattern.charAt(k)) {
        k = border[k - 1];
      }
      if (c == pattern.charAt(k)) {
        k++;
      }
      if (k == m) {
        return i - m + 1;
      }
    }
    return -1;
  }

  private static byte[] shifts(String pattern) {
    int m = pattern.length();
    byte[] shift = new byte[TABLE];
    Arrays.fill(shift, (byte) Math.min(m, MAX_SHIFT));
    for (int k = 0; k < m - 1; k++) {
      char c = pattern.charAt(k);
      if (c >= TABLE) {
        return null; // the table cannot say how far such characters move
      }
      shift[c] = (byte) Math.min(m - 1 - k, MAX_SHIFT);
    }
    return pattern.charAt(m - 1) < TABLE ? shift : null;
  }

  /** The index of the first occurrence at or after {@code from}, or -1. */
  public int in(String text, int from) {
    return in(text, from, text.length());
  }

  /**
   * The index of the first occurrence at or after {@code from} that ends at or before {@code
   * limit}, or -1: a search in {@code text.substring(0, limit)} without the copy.
   */
  public int in(String text, int from, int limit) {
    if (border != null) {
      return linear(text, from, Math.min(limit, text.length()));
    }
    if (shift == null) {
      int at = text.indexOf(pattern, from);
      // A later occurrence ends later still, so the first one decides.
      return at >= 0 && at + pattern.length() <= limit ? at : -1;
    }
    int m = pattern.length();
    char last = pattern.charAt(m - 1);
    for (int end = Math.max(from, 0) + m - 1; end < limit; ) {
      char c = text.charAt(end);
      if (c == last && matchesBefore(text, end)) {
        return end - m + 1;
      }
      end += c < TABLE ? shift[c] & 0xff : m;
    }
    return -1;
  }

  /** Whether the pattern but its last character stands just before {@code end} in the text. */
  private boolean matchesBefore(String text, int end) {
    int j = end - 1;
    for (int k = pattern.length() - 2; k >= 0; k--, j--) {
      if (text.charAt(j) != pattern.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The text searched for. */
  public String pattern() {
    return pattern;
  }

  /** The length of the text searched for. */
  public int length() {
    return pattern.length();
  }

  /** The character at {@code index} of the text searched for. */
  public char charAt(int index) {
    return pattern.charAt(index);
  }

  public boolean occursIn(String text) {
    return in(text, 0) >= 0;
  }
}
