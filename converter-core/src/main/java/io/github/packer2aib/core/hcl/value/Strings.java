package io.github.packer2aib.core.hcl.value;

import java.util.Comparator;
import java.util.Locale;

/** String helpers shared by the value model and the functions. */
public final class Strings {
  private Strings() {}

  /**
   * Order by Unicode code point, which is the byte order of UTF-8 and so the order Go's string
   * comparison gives (Java's {@link String#compareTo} compares UTF-16 units and differs for
   * characters above U+FFFF).
   */
  public static final Comparator<String> CODE_POINT_ORDER = Strings::compareCodePoints;

  public static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int k = 0; k < n; k++) {
      char ca = a.charAt(k);
      char cb = b.charAt(k);
      if (ca != cb) {
        // Outside surrogates, UTF-16 order is code point order; pairs need the slow path.
        if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
          return compareBySurrogateAwareSteps(a, b);
        }
        return ca < cb ? -1 : 1;
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  private static int compareBySurrogateAwareSteps(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Quotes a string as HCL/Go would in a message: {@code "a\"b"}. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"':
                  sb.append("\\\"");
                  break;
                case '\\':
                  sb.append("\\\\");
                  break;
                case '\n':
                  sb.append("\\n");
                  break;
                case '\r':
                  sb.append("\\r");
                  break;
                case '\t':
                  sb.append("\\t");
                  break;
                default:
                  if (c < 0x20 || c == 0x7f) {
                    sb.append(String.format(Locale.ROOT, "\\x%02x", c));
                  } else {
                    sb.appendCodePoint(c);
                  }
              }
            });
    return sb.append('"').toString();
  }
}
