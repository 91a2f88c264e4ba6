package io.github.packer2aib.core.hcl.function;

import java.util.Locale;

/** Go's {@code strconv.Quote} (and {@code QuoteToASCII}) for {@code %q}. */
final class GoQuote {
  private GoQuote() {}

  static String quote(String s, boolean asciiOnly) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"':
                  sb.append("\\\"");
                  return;
                case '\\':
                  sb.append("\\\\");
                  return;
                case 7:
                  sb.append("\\a");
                  return;
                case '\b':
                  sb.append("\\b");
                  return;
                case '\f':
                  sb.append("\\f");
                  return;
                case '\n':
                  sb.append("\\n");
                  return;
                case '\r':
                  sb.append("\\r");
                  return;
                case '\t':
                  sb.append("\\t");
                  return;
                case 0x0B:
                  sb.append("\\v");
                  return;
                default:
                  break;
              }
              if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(Locale.ROOT, "\\x%02x", c));
              } else if ((asciiOnly && c > 0x7e) || !isPrint(c)) {
                if (c < 0x10000) {
                  sb.append(String.format(Locale.ROOT, "\\u%04x", c));
                } else {
                  sb.append(String.format(Locale.ROOT, "\\U%08x", c));
                }
              } else {
                sb.appendCodePoint(c);
              }
            });
    return sb.append('"').toString();
  }

  /**
   * Approximates Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols,
   * U+0020.
   */
  private static boolean isPrint(int c) {
    if (c == ' ') {
      return true;
    }
    switch (Character.getType(c)) {
      case Character.UNASSIGNED:
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.PRIVATE_USE:
      case Character.SURROGATE:
      case Character.SPACE_SEPARATOR:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
        return false;
      default:
        return true;
    }
  }
}
