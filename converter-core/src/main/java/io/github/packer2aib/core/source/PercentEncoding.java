package io.github.packer2aib.core.source;

import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

/**
 * Percent-encoding (RFC 3986 §2.1) of a text's UTF-8 bytes. Each caller keeps its own set of bytes
 * as they are, on purpose: upload paths keep sub-delimiters, Go's {@code url.QueryEscape} writes a
 * space as {@code +}, SARIF's URIs keep slashes. One loop, so that they differ only in that.
 */
public final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** RFC 3986's unreserved characters: letters, digits, {@code - . _ ~}. */
  public static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /**
   * {@code text} with every UTF-8 byte that {@code kept} does not accept written as {@code %XX}
   * (capital hex digits); with {@code spaceAsPlus} a space that is not kept becomes {@code +}.
   * {@code kept} sees byte values 0-255 and must refuse those of 0x80 and above, which are parts of
   * characters beyond ASCII.
   */
  public static String encode(String text, IntPredicate kept, boolean spaceAsPlus) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (kept.test(c)) {
        sb.append((char) c);
      } else if (spaceAsPlus && c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return sb.toString();
  }
}
