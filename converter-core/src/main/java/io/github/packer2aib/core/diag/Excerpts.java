package io.github.packer2aib.core.diag;

/**
 * How a message quotes a text that may be long (a tag name, an environment entry, the rest of a
 * line): its first characters and an ellipsis, never half of a surrogate pair.
 */
public final class Excerpts {
  private Excerpts() {}

  /** {@code text} when at most {@code max} chars long, else its first {@code max} and "…". */
  public static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end) + "…";
  }
}
