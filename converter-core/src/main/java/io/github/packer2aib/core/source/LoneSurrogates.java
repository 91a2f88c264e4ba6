package io.github.packer2aib.core.source;

/**
 * Halves of UTF-16 surrogate pairs without their other half. JSON's and YAML's escapes of a code
 * unit can spell them (backslash, u, D800), but no UTF-8 file can hold one (an encoder writes
 * {@code ?} or refuses). The JSON and YAML readers replace each by U+FFFD, as Go's {@code
 * encoding/json} (Packer's reader of JSON templates) does, and warn; the YAML writer quotes them.
 */
public final class LoneSurrogates {
  private LoneSurrogates() {}

  /** {@code s} with each lone surrogate replaced by U+FFFD; {@code s} itself when it has none. */
  public static String replaced(String s) {
    int first = first(s);
    if (first < 0) {
      return s;
    }
    char[] chars = s.toCharArray();
    for (int i = first; i < chars.length; i++) {
      if (isLone(s, i)) {
        chars[i] = '\uFFFD';
      }
    }
    return new String(chars);
  }

  /** The index of the first lone surrogate, or -1. */
  public static int first(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (Character.isSurrogate(s.charAt(i)) && isLone(s, i)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the char at {@code i} is a surrogate whose other half is not beside it. */
  public static boolean isLone(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }
}
