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

  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern YAML_FLOAT =
      Pattern.compile("([-+]?)([0-9]*)(\\.([0-9]*))?([eE][-+]?[0-9]+)?");

  /**
   * The JSON form of a number literal (JSON or YAML 1.2 core schema), or null when the value has no
   * JSON form (infinity, NaN, or no number at all).
   */
  public static String canonical(String literal) {
    if (JSON_NUMBER.matcher(literal).matches()) {
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

  private static String radix(String digits, int radix) {
    try {
      return new BigInteger(digits, radix).toString();
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
