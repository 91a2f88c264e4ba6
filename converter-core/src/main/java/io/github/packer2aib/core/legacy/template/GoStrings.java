package io.github.packer2aib.core.legacy.template;

import io.github.packer2aib.core.hcl.value.Float64;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Go's {@code strings} functions and number printing, as the template functions use them. */
final class GoStrings {
  private GoStrings() {}

  /** {@code strings.Split}: an empty separator splits after each character (code point). */
  static List<String> split(String s, String sep) {
    List<String> out = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    int from = 0;
    int at;
    while ((at = s.indexOf(sep, from)) >= 0) {
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }

  /**
   * {@code strings.Replace(s, old, new, n)}: the first {@code n} non-overlapping instances ({@code
   * n < 0}: all). An empty {@code old} matches at the start and after each character.
   */
  static String replace(String s, String old, String replacement, long n) {
    if (old.equals(replacement) || n == 0) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    long done = 0;
    if (old.isEmpty()) {
      int i = 0;
      while (true) {
        if (n < 0 || done < n) {
          out.append(replacement);
          done++;
        }
        if (i >= s.length()) {
          break;
        }
        int cp = s.codePointAt(i);
        out.appendCodePoint(cp);
        i += Character.charCount(cp);
      }
      return out.toString();
    }
    int from = 0;
    int at;
    while ((n < 0 || done < n) && (at = s.indexOf(old, from)) >= 0) {
      out.append(s, from, at).append(replacement);
      from = at + old.length();
      done++;
    }
    return out.append(s.substring(from)).toString();
  }

  /** {@code strings.ToLower}: per character, without locale or length-changing mappings. */
  static String lower(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
    return out.toString();
  }

  /** {@code strings.ToUpper}: per character (ß stays ß, as in Go). */
  static String upper(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> out.appendCodePoint(Character.toUpperCase(cp)));
    return out.toString();
  }

  /** Which builder family's {@code clean_resource_name} rule applies. */
  enum CleanRule {
    AZURE,
    AMAZON,
    GOOGLE;

    /** The rule of a builder type, or null when we do not know the builder's rule. */
    static CleanRule forBuilderType(String type) {
      if (type.startsWith("azure-")) {
        return AZURE;
      }
      if (type.startsWith("amazon-")) {
        return AMAZON;
      }
      if (type.equals("googlecompute")) {
        return GOOGLE;
      }
      return null;
    }
  }

  private static final Pattern GOOGLE_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

  /**
   * The builders' {@code clean_resource_name}: each UTF-8 byte that the cloud does not allow in a
   * name becomes {@code -} (so a two-byte character becomes two dashes, as in Go). Azure allows
   * letters, digits, {@code . _ -} and trims trailing {@code . _ -}; Amazon allows letters, digits
   * and {@code ( ) [ ] space . / - ' @ _}; Google lower-cases and allows lower-case letters and
   * digits, leaving an already valid name alone.
   */
  static String cleanResourceName(String s, CleanRule rule) {
    if (rule == CleanRule.GOOGLE && GOOGLE_NAME.matcher(s).matches()) {
      return s;
    }
    String input = rule == CleanRule.GOOGLE ? lower(s) : s;
    byte[] b = input.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(b.length);
    for (byte x : b) {
      char c = (char) (x & 0xff);
      out.append(allowed(c, rule) ? c : '-');
    }
    if (rule == CleanRule.AZURE) {
      int end = out.length();
      while (end > 0 && "-_.".indexOf(out.charAt(end - 1)) >= 0) {
        end--;
      }
      out.setLength(end);
    }
    return out.toString();
  }

  private static boolean allowed(char c, CleanRule rule) {
    boolean lowerOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    boolean upper = c >= 'A' && c <= 'Z';
    switch (rule) {
      case GOOGLE:
        return lowerOrDigit;
      case AMAZON:
        return lowerOrDigit || upper || "()[] ./-'@_".indexOf(c) >= 0;
      default:
        return lowerOrDigit || upper || "._-".indexOf(c) >= 0;
    }
  }

  /**
   * Go's {@code fmt.Print} of a float64 ({@code %v}, that is {@code %g} with the shortest
   * precision): the shortest decimal that reads back as the same float, in exponent form ({@code
   * 1e+06}, {@code 1e-05}) when the decimal exponent is below -4 or at least 6.
   */
  static String formatFloat(double f) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    if (f == 0) {
      return (1 / f < 0) ? "-0" : "0";
    }
    // Not Double.toString, which before JDK 19 is not always the shortest (1e23).
    BigDecimal d = Float64.shortest(Math.abs(f));
    String digits = d.unscaledValue().toString();
    int exponent = digits.length() - 1 - d.scale();
    String sign = f < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 6) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exp = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
    return sign + d.toPlainString();
  }
}
