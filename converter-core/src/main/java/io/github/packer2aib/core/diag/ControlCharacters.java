package io.github.packer2aib.core.diag;

import java.util.Locale;

/**
 * Control characters of message text shown as escapes ({@code \}{@code u0000} for a NUL): a path or
 * value from a template may hold a NUL, which makes a log "binary" for grep, or an escape sequence,
 * which a terminal would act on. Messages quote such text with {@link #quote}; the text renderer
 * passes every line of a message through {@link #escape} and every quoted source line through
 * {@link #pictures}, so that none reaches stderr raw.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /**
   * {@code text} with each control character but tab (C0, DEL and C1) as {@code \}{@code uXXXX};
   * the same instance when it has none. A line feed is escaped too: callers pass one line.
   */
  public static String escape(String text) {
    int first = firstToEscape(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\t' && isControl(c)) {
        appendEscape(c, out);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code text} in double quotes, each control character escaped, tab and line feed included
   * ({@code \t}, {@code \n}, {@code \r}, else {@code \}{@code uXXXX}): how a message names a path
   * or value that may hold one. Quotes and backslashes are kept as they are, as messages quote
   * paths.
   */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\t':
          out.append("\\t");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        default:
          if (isControl(c)) {
            appendEscape(c, out);
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }

  /**
   * {@code line} with each control character but tab drawn as one visible character in its place,
   * as rustc shows them in its snippets: a C0 control as its Unicode control picture ({@code ␀} for
   * NUL, {@code ␛} for ESC), DEL as {@code ␡}, a C1 control or a hidden character ({@link
   * #isHidden}) as {@code �}. Each takes the one column the caret under a quoted source line counts
   * for it; the same instance when there is none.
   */
  public static String pictures(String line) {
    int first = firstToEscape(line);
    if (first < 0) {
      return line;
    }
    char[] chars = line.toCharArray();
    for (int i = first; i < chars.length; i++) {
      char c = chars[i];
      if (c == '\t' || !isControl(c)) {
        continue;
      }
      // A hidden character (isHidden) takes no column of its own: drawn as one, the caret counts
      // it.
      chars[i] = c < 0x20 ? (char) (0x2400 + c) : c == 0x7F ? '\u2421' : '\ufffd';
    }
    return new String(chars);
  }

  /** Whether {@code text} holds a NUL character, which no file name can hold. */
  public static boolean hasNul(String text) {
    return text.indexOf('\0') >= 0;
  }

  /** The index of the first character {@link #escape} escapes, or -1. */
  private static int firstToEscape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\t' && isControl(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A control character, or an invisible one that changes how the text around it reads (see {@link
   * #isHidden}): a quoted line or message holding U+202E would be shown reordered.
   */
  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x061C && isHidden(c));
  }

  /**
   * A bidirectional control (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), which reorders
   * what an editor, a review or a terminal shows ("Trojan Source"), or a zero-width character
   * (U+200B-U+200D, U+2060, U+FEFF), which hides in a word.
   */
  public static boolean isHidden(char c) {
    return isBidirectional(c) || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
  }

  /** Every character {@link #isHidden} is true for (a test checks the list). */
  static final char[] HIDDEN =
      ("\u061C\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067"
              + "\u2068\u2069\uFEFF")
          .toCharArray();

  /**
   * The index of the first hidden character ({@link #isHidden}) of {@code text}, or -1. By {@code
   * String.indexOf}, not a loop over the characters: every command of every step is asked
   * (RULE-W324), and indexOf of a character beyond U+00FF answers a Latin-1 string (almost every
   * command) at once.
   */
  public static int firstHidden(String text) {
    int first = -1;
    for (char h : HIDDEN) {
      int i = text.indexOf(h);
      if (i >= 0 && (first < 0 || i < first)) {
        first = i;
      }
    }
    return first;
  }

  /** The bidirectional controls of {@link #isHidden}. */
  public static boolean isBidirectional(char c) {
    return (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E
        || c == 0x200F
        || c == 0x061C;
  }

  private static void appendEscape(char c, StringBuilder out) {
    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
  }
}
