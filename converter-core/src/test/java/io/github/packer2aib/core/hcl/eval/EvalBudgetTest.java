package io.github.packer2aib.core.hcl.eval;

import static io.github.packer2aib.core.hcl.eval.EvalTesting.parse;
import static io.github.packer2aib.core.hcl.eval.EvalTesting.registry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.FunctionException;
import io.github.packer2aib.core.hcl.function.TemplateRenderer;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What one template's expressions may spend: elements visited by 'for' (together, across
 * expressions and scopes) and the length of a string. The real limits are 2,000,000 and 16 MiB;
 * these tests use small ones.
 */
class EvalBudgetTest {
  private static EvalResult eval(String text, EvalContext ctx) {
    return Evaluator.evaluate(parse(text), ctx);
  }

  private static List<String> codes(EvalResult r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void nestedForsStopOnceTheTemplateHasVisitedItsBudget() {
    EvalContext ctx = EvalContext.of(Map.of(), registry(), new EvalBudget(1_000, 1_000_000));

    EvalResult within = eval("[for a in range(30) : [for b in range(30) : a * b]]", ctx);
    EvalResult over = eval("[for a in range(10) : [for b in range(10) : b]]", ctx);
    EvalResult after = eval("[for c in range(3) : c]", ctx);

    assertEquals(List.of(), codes(within), "930 elements");
    assertEquals(List.of("EVAL-E031"), codes(over), "the budget is the template's, not each one's");
    assertFalse(over.value().isKnown());
    assertEquals(
        "The template's 'for' expressions visit more than 1,000 elements together (nested loops"
            + " multiply); no image template needs that many. Iterate over smaller collections.",
        over.diagnostics().get(0).detail());
    assertEquals(List.of(), codes(after), "reported once; the value is unknown");
    assertFalse(after.value().isKnown());
  }

  @Test
  void aChildScopeSpendsItsTemplatesBudget() {
    EvalContext root = EvalContext.of(Map.of(), registry(), new EvalBudget(5, 1_000_000));
    EvalContext child = root.child(Map.of("x", Value.string("y")));

    assertEquals(List.of(), codes(eval("[for a in range(5) : a]", child)));
    assertEquals(List.of("EVAL-E031"), codes(eval("[for a in range(1) : a]", root)));
  }

  @Test
  void aTemplateOrAFunctionMakingAStringLongerThanAValueMayHoldIsAnError() {
    EvalContext ctx =
        EvalContext.of(
            Map.of("s", Value.string("x".repeat(60))), registry(), new EvalBudget(1_000, 100));

    EvalResult template = eval("\"${s}-${s}\"", ctx);
    EvalResult function = eval("join(\"\", [s, s])", ctx);
    EvalResult fits = eval("\"${s}\"", ctx);

    assertEquals(List.of("EVAL-E030"), codes(template));
    assertEquals(
        "This string would be 121 characters long, more than the 100 a value may hold (as much as"
            + " file() reads); a template that needs more is doubling a value somewhere.",
        template.diagnostics().get(0).detail());
    assertFalse(template.value().isKnown());
    assertEquals(List.of("EVAL-E030"), codes(function));
    assertEquals(List.of(), codes(fits));
  }

  /**
   * A collection counts its strings every time they appear (WrittenSize): the evaluator shares one
   * string among 1,000 elements, but the mapper and the output write it 1,000 times (1,000
   * references to an 8 MB string ran the JVM out of memory). Each way a value grows is checked as
   * it grows, at the expression that grows it.
   */
  @Test
  void aCollectionHoldingMoreTextThanAValueMayIsAnErrorWhereItGrows() {
    EvalContext ctx =
        EvalContext.of(
            Map.of("s", Value.string("x".repeat(30))), registry(), new EvalBudget(1_000, 100));
    String detail =
        "This value would hold more than the 100 characters a value may hold once written out (as"
            + " much as file() reads), counting each string, key and element every time it"
            + " appears: 1,000 copies of a long string are 1,000 times its length. Repeat large"
            + " values fewer times, or use them where they are needed instead of collecting them.";

    EvalResult forTuple = eval("[for i in range(10) : s]", ctx);
    EvalResult forObject = eval("{for i in range(10) : \"k${i}\" => s}", ctx);
    EvalResult tuple = eval("[s, s, s, s]", ctx);
    EvalResult object = eval("{a = s, b = s, c = s, d = s}", ctx);
    EvalResult directive = eval("\"%{ for i in range(10) }${s}%{ endfor }\"", ctx);
    EvalResult function = eval("concat([s, s], [s, s])", ctx);
    EvalResult fits = eval("[s, s, s]", ctx);

    for (EvalResult r : List.of(forTuple, forObject, tuple, object, directive, function)) {
      assertEquals(List.of("EVAL-E030"), codes(r));
      assertEquals(detail, r.diagnostics().get(0).detail());
      assertFalse(r.value().isKnown());
    }
    assertEquals(1, forTuple.diagnostics().get(0).subject().orElseThrow().start().column());
    assertEquals(2, directive.diagnostics().get(0).subject().orElseThrow().start().column());
    assertEquals(List.of(), codes(fits), "3 × 30 characters and the tuple: 91");
  }

  @Test
  void theSettingsOfATemplateHoldAtMostTheirTotalTogether() {
    // Each value is small enough; used in many settings (or in a dynamic block's content, once
    // per element) it is written out each time.
    EvalContext ctx =
        EvalContext.of(
            Map.of("s", Value.string("x".repeat(40))), registry(), new EvalBudget(1_000, 100, 100));
    java.util.function.Function<String, EvalResult> setting =
        text -> Evaluator.evaluate(parse(text), ctx, t -> true).result();

    EvalResult first = setting.apply("s");
    EvalResult second = setting.apply("[s]");
    EvalResult third = setting.apply("upper(s)");
    EvalResult fourth = setting.apply("s");
    EvalResult check = eval("s", ctx);

    assertEquals(List.of(), codes(first));
    assertEquals(List.of(), codes(second), "40 + 41");
    assertEquals(List.of("EVAL-E030"), codes(third), "past 100: this one is refused");
    assertEquals(
        "This value holds 40 characters once written out, which takes the values of the"
            + " template's settings and locals past the 100 characters they may hold together"
            + " (each counts every value it holds, so a value used in many settings counts many"
            + " times; Azure takes at most 4 MB in a request). Use large values in fewer"
            + " settings.",
        third.diagnostics().get(0).detail());
    assertFalse(third.value().isKnown());
    assertEquals(List.of(), codes(fourth), "reported once: the template has failed");
    assertEquals(List.of(), codes(check), "a look at a value is not a setting");
  }

  @Test
  void templatefileSpendsTheBudgetOfItsTemplate() throws Exception {
    // A loop of templatefile calls must not get a whole budget per call.
    EvalBudget budget = new EvalBudget(25, 1_000_000);
    TemplateRenderer renderer = Evaluator.templateRenderer(budget);
    String template = "%{ for i in range(10) }${i}%{ endfor }";

    assertEquals("0123456789", renderer.render(template, "t.tpl", Map.of(), registry()).asString());
    assertEquals("0123456789", renderer.render(template, "t.tpl", Map.of(), registry()).asString());
    FunctionException third =
        assertThrows(
            FunctionException.class,
            () -> renderer.render(template, "t.tpl", Map.of(), registry()));
    assertTrue(third.getMessage().contains("Too many iterations"), third.getMessage());
  }

  @Test
  void manyCostlyRegexCallsEndOnceTheTemplatesRegexBudgetIsSpent() {
    // Each call of 0*b over 10,000 zeros backtracks through its own budget (0.1 s); 1,000 of them
    // ran for minutes before the template's calls shared one budget.
    EvalContext ctx =
        EvalContext.of(Map.of("s", Value.string("0".repeat(10_000))), registry(), new EvalBudget());

    EvalResult loop =
        assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(10),
            () -> eval("[for i in range(1000) : try(regex(\"0*b\", s), \"\")]", ctx));
    EvalResult after = eval("regex(\"0*b\", s)", ctx);

    assertEquals(List.of(), codes(loop));
    assertEquals(1000, loop.value().elements().size());
    assertEquals(1, after.diagnostics().size());
    assertTrue(
        after.diagnostics().get(0).detail().contains("the template's regular expressions together"),
        after.diagnostics().get(0).detail());
  }
}
