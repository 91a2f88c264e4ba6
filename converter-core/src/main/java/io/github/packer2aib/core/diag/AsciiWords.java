package io.github.packer2aib.core.diag;

import java.nio.charset.StandardCharsets;

/**
 * Finds a word in any ASCII case, as a case-insensitive pattern of that literal alone finds it
 * (Java's {@code (?i)} without UNICODE_CASE folds ASCII letters only): the cheap check before such
 * a pattern is run, for the generalization commands of scripts and the secrets in messages. It
 * works on the text's ISO-8859-1 bytes (an array copy for a Latin-1 string), which C1 code scans
 * several times faster than {@code charAt} calls; a character beyond Latin-1 becomes {@code ?}.
 *
 * <p>A byte matches a word's character when it equals it with the lower-case bit ({@code 0x20})
 * set. For letters that is exactly ASCII case folding; for other characters it also lets a control
 * character stand for one (U+000E for {@code .}, U+001D for {@code =}): a check may say yes where
 * the pattern says no, never the other way.
 */
public final class AsciiWords {
  private AsciiWords() {}

  /** The bytes the other methods read. */
  public static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Whether {@code lowerWord} (lower case, ASCII) occurs in {@code text} in any ASCII case. */
  public static boolean contains(String text, String lowerWord) {
    return indexOf(bytes(text), lowerWord) >= 0;
  }

  /**
   * Where {@code lowerWord} first occurs in {@code text}'s {@link #bytes}, or -1. A surrogate pair
   * is one byte there, so the index is never beyond the occurrence's index in the string: a pattern
   * run from it misses nothing.
   */
  public static int indexOf(String text, String lowerWord) {
    return indexOf(bytes(text), lowerWord);
  }

  /** Where {@code lowerWord} first occurs in {@code b}, or -1. */
  public static int indexOf(byte[] b, String lowerWord) {
    int first = lowerWord.charAt(0);
    for (int i = 0; i < b.length; i++) {
      if ((b[i] | 0x20) == first && at(b, i, lowerWord)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the bytes at {@code i} spell {@code lowerWord} in any ASCII case. */
  public static boolean at(byte[] b, int i, String lowerWord) {
    if (i + lowerWord.length() > b.length) {
      return false;
    }
    for (int k = 0; k < lowerWord.length(); k++) {
      if ((b[i + k] | 0x20) != lowerWord.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
