package io.github.packer2aib.core.hcl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Number literals beyond what can be computed with ({@code BigFloat.MAX_DECIMAL_EXPONENT}). */
class LongNumberLiteralTest {
  private static List<String> codes(EvalResult r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void aNumberLiteralOfHundredsOfThousandsOfDigitsIsRefusedQuicklyAndQuotedShort() {
    // Java reads decimal digits in quadratic time: the parser took 7 s over 300,000 digits, and
    // the message quoted all of them.
    String digits = "9".repeat(300_000);
    EvalResult r =
        assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(5), () -> EvalTesting.eval("[" + digits + "]"));

    assertEquals(List.of("EVAL-E028"), codes(r));
    assertEquals(
        "The number "
            + "9".repeat(40)
            + "… is too large, too small or too precise to compute with. Write a number whose"
            + " decimal exponent lies between -10000 and 10000, with at most 10000 digits after"
            + " its point.",
        r.diagnostics().get(0).detail());
    assertEquals(
        List.of(Value.number("1.5e300")),
        EvalTesting.eval("[1.5e300]").value().elements(),
        "the number the parser writes for a literal it reads is unchanged");
  }

  @Test
  void theExponentsBoundsAreThoseTheMessageGives() {
    // 1e10000 was refused while the message said "between -10000 and 10000".
    assertEquals(List.of(), codes(EvalTesting.eval("[1e10000, 1e-10000, 9.5e10000, -1e10000]")));
    assertEquals(List.of("EVAL-E028"), codes(EvalTesting.eval("[1e10001]")));
    assertEquals(List.of("EVAL-E028"), codes(EvalTesting.eval("[1e-10001]")));
    // Its exponent is -1, its digits after the point too many: the message says both limits.
    EvalResult precise = EvalTesting.eval("[0." + "1".repeat(10_001) + "]");
    assertEquals(List.of("EVAL-E028"), codes(precise));
    assertTrue(
        precise.diagnostics().get(0).detail().endsWith("at most 10000 digits after its point."));
  }
}
