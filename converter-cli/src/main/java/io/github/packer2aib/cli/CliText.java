package io.github.packer2aib.cli;

/**
 * Text of the CLI's own one-line messages ({@code error: cannot read PATH: reason}). A path may
 * hold a line break or another control character (a file name may hold any but '/' and NUL), which
 * printed as it is would split one message over two lines, or reach the terminal as a control
 * sequence; such characters are written as escapes ({@code \n}, {@code \x1B}).
 */
final class CliText {
  private CliText() {}

  /** {@code text} with control characters and Unicode line breaks escaped. */
  static String oneLine(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && !needsEscape(text.charAt(i))) {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n + 8).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x100) {
        out.append(String.format("\\x%02X", (int) c));
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
  }
}
