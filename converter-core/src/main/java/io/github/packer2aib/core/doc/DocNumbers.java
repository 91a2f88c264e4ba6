package io.github.packer2aib.core.doc;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Number literals as JSON writes them. YAML's core schema also has {@code 0x1F}, {@code 0o17},
 * {@code +1} and {@code .5}; every reader of a number (binder, validator, renderer) goes through
 * here so that such a literal means the same number everywhere.
 */
public final class DocNumbers {
  private DocNumbers() {}

  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern YAML_FLOAT =
      Pattern.compile("([-+]?)([0-9]*)(\\.([0-9]*))?([eE][-+]?[0-9]+)?");

  /**
   * The JSON form of a number literal (JSON or YAML 1.2 core schema), or null when the value has no
   * JSON form (infinity, NaN, or no number at all).
   */
  public static String canonical(String literal) {
    if (isJsonNumber(literal)) {
      return literal;
    }
    if (literal.startsWith("0x") && literal.length() > 2) {
      return radix(literal.substring(2), 16);
    }
    if (literal.startsWith("0o") && literal.length() > 2) {
      return radix(literal.substring(2), 8);
    }
    if (DECIMAL.matcher(literal).matches()) {
      return new BigInteger(literal.startsWith("+") ? literal.substring(1) : literal).toString();
    }
    var m = YAML_FLOAT.matcher(literal);
    if (!m.matches() || (m.group(2).isEmpty() && (m.group(4) == null || m.group(4).isEmpty()))) {
      return null;
    }
    String sign = "-".equals(m.group(1)) ? "-" : "";
    String whole = m.group(2).isEmpty() ? "0" : new BigInteger(m.group(2)).toString();
    String fraction = m.group(4) == null || m.group(4).isEmpty() ? "0" : m.group(4);
    String exponent = m.group(5) == null ? "" : m.group(5);
    return sign + whole + "." + fraction + exponent;
  }

  /**
   * Whether {@code s} is a JSON number as it stands ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?
   * [0-9]+)?}), read by hand: nearly every number of a document is, and matching the pattern was a
   * visible cost of reading templates in C1 code ({@code DocNumbersProperties} compares the two).
   */
  static boolean isJsonNumber(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    if (i >= n) {
      return false;
    }
    if (s.charAt(i) == '0') {
      i++;
    } else if (isDigit(s.charAt(i))) {
      i = digits(s, i);
    } else {
      return false;
    }
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      i = digits(s, i);
      if (i == start) {
        return false;
      }
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int start = i;
      i = digits(s, i);
      if (i == start) {
        return false;
      }
    }
    return i == n;
  }

  /** The index after the run of ASCII digits that starts at {@code i}. */
  private static int digits(String s, int i) {
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String radix(String digits, int radix) {
    try {
      return new BigInteger(digits, radix).toString();
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
