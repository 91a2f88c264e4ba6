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

  /**
   * {@code text} when at most {@code max} chars long, else its first and last chars around "…": for
   * a path, whose end says where and whose start says within what (a JSON pointer 1,000 levels
   * deep, /0/0/…/0, is thousands of characters).
   */
  public static String cutMiddle(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int head = max / 2;
    int tail = max - head - 1;
    if (Character.isHighSurrogate(text.charAt(head - 1))) {
      head--;
    }
    int from = text.length() - tail;
    if (Character.isLowSurrogate(text.charAt(from))) {
      from++;
    }
    return text.substring(0, head) + "…" + text.substring(from);
  }
}
