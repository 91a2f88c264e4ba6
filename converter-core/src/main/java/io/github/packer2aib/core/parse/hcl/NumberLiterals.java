package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
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

  /** The literal of {@code digits}, or zero after reporting one out of range. */
  public static LiteralValue of(String digits, Range range, Consumer<Diagnostic> diagnostics) {
    try {
      return LiteralValue.number(new BigDecimal(digits), range);
    } catch (NumberFormatException | ArithmeticException e) {
      diagnostics.accept(
          Diagnostic.of(
              HclSyntaxCode.INVALID_NUMBER,
              range,
              "The number " + digits + " is out of range: its exponent is too large."));
      return LiteralValue.number(BigDecimal.ZERO, range);
    }
  }
}
