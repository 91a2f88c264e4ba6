package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.source.Range;
import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * Number literals of HCL's native syntax and of its JSON syntax ({@code .pkr.json}): a number whose
 * exponent is beyond {@link BigDecimal}'s range ({@code 1e2147483648}) is an error at the literal,
 * as HCL reports it, not an internal error.
 */
public final class NumberLiterals {
  private NumberLiterals() {}

  /**
   * Literals with more significant digits than this keep their text as written: no number this long
   * can be computed with ({@link BigFloat#MAX_DECIMAL_EXPONENT} bounds both its exponent and its
   * digits after the point), and Java reads decimal digits into a {@link BigDecimal} in quadratic
   * time (300,000 digits took 7 s). The evaluator then refuses it, quickly.
   */
  static final int MAX_DIGITS = 2 * BigFloat.MAX_DECIMAL_EXPONENT + 2;

  /** The literal of {@code digits}, or zero after reporting one out of range. */
  public static LiteralValue of(String digits, Range range, Consumer<Diagnostic> diagnostics) {
    if (significantDigits(digits) > MAX_DIGITS) {
      return new LiteralValue(LiteralValue.Kind.NUMBER, digits, range);
    }
    try {
      return LiteralValue.number(new BigDecimal(digits), range);
    } catch (NumberFormatException | ArithmeticException e) {
      diagnostics.accept(
          Diagnostic.of(
              HclSyntaxCode.INVALID_NUMBER,
              range,
              "The number "
                  + Excerpts.cut(digits, 40)
                  + " is out of range: its exponent is too large."));
      return LiteralValue.number(BigDecimal.ZERO, range);
    }
  }

  /**
   * Whether a number token of the native syntax is one number: {@code digits ["." [digits]]
   * [exponent]}, what Go's {@code big.ParseFloat} (HCL's reader) accepts of the characters the
   * token can hold. The token runs on over further points and exponents ({@code 1.2.3}).
   */
  static boolean wellFormed(String token) {
    int n = token.length();
    int i = 0;
    while (i < n && isDigit(token.charAt(i))) {
      i++;
    }
    if (i < n && token.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(token.charAt(i))) {
        i++;
      }
    }
    if (i < n && (token.charAt(i) == 'e' || token.charAt(i) == 'E')) {
      i++;
      if (i < n && (token.charAt(i) == '+' || token.charAt(i) == '-')) {
        i++;
      }
      int digits = i;
      while (i < n && isDigit(token.charAt(i))) {
        i++;
      }
      if (i == digits) {
        return false;
      }
    }
    return i == n;
  }

  /**
   * A number token that is not one number ({@link #wellFormed}), which HCL refuses as it parses:
   * most often an unquoted version such as {@code 1.2.3}.
   */
  static Diagnostic malformed(String token, Range range) {
    String shown = Excerpts.cut(token, 40);
    return Diagnostic.of(
        HclSyntaxCode.INVALID_NUMBER,
        range,
        shown
            + " is not a number: a number has at most one decimal point and one exponent. If it"
            + " is a version or another name, quote it as a string: \""
            + shown
            + "\".");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The digits of the literal's mantissa after its leading zeros (a linear scan). */
  private static int significantDigits(String literal) {
    int count = 0;
    boolean leading = true;
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == 'e' || c == 'E') {
        break;
      }
      if (c >= '0' && c <= '9') {
        if (c != '0' || !leading) {
          leading = false;
          count++;
        }
      }
    }
    return count;
  }
}
