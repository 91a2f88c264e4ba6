package io.github.packer2aib.core.hcl.eval;

import static io.github.packer2aib.core.hcl.eval.EvalTesting.parse;
import static io.github.packer2aib.core.hcl.eval.EvalTesting.registry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.ValueDepth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No value deeper than {@link ValueDepth#MAX} leaves the evaluator: the walks after it (template
 * rendering of plugin bodies, conversion, the mapper, the writers) recurse once per level, and a
 * value thousands of levels deep, built by locals that each wrap the one before, overflowed the
 * stack in them.
 */
class ValueDepthBoundTest {
  private static EvalResult eval(String text, Value d) {
    return Evaluator.evaluate(parse(text), EvalContext.of(Map.of("d", d), registry()));
  }

  private static List<String> codes(EvalResult r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  /** A secret inside 499 tuples. */
  private static Value deep() {
    Value v = Value.string("s").mark(Mark.SENSITIVE);
    for (int i = 0; i < ValueDepth.MAX - 1; i++) {
      v = Value.tuple(v);
    }
    return v;
  }

  @Test
  void aValueNestedMoreThanTheMostLevelsIsRefusedWhereItLeavesTheEvaluator() {
    Value d = deep();

    EvalResult most = eval("[d]", d);
    EvalResult past = eval("[[d]]", d);
    EvalResult object = eval("{ k = [d] }", d);

    assertEquals(List.of(), codes(most));
    assertEquals(ValueDepth.MAX, ValueDepth.of(most.value()));
    assertEquals(List.of("EVAL-E034"), codes(past));
    assertEquals(List.of("EVAL-E034"), codes(object));
    assertEquals(1, past.diagnostics().get(0).subject().orElseThrow().start().column());
    assertFalse(past.value().isKnown());
    assertTrue(past.value().containsSensitive(), "the secret inside stays one");
  }

  @Test
  void insideAnExpressionADeeperValueIsUsedAsUsual() {
    // Only what leaves the evaluator is bounded: its own walks are guarded by EVAL-E029.
    EvalResult r = eval("length([[[d]]])", deep());

    assertEquals(List.of(), codes(r));
    assertEquals(Value.number(1), r.value().unmark().value());
  }

  @Test
  void theDepthOfAValueIsKeptByEachCollectionAndAMarkAddsNone() {
    assertEquals(0, ValueDepth.of(Value.string("x")));
    assertEquals(1, ValueDepth.of(Value.tuple()));
    assertEquals(2, ValueDepth.of(Value.object("a", Value.tuple(Value.number(1)))));
    assertEquals(2, ValueDepth.of(Value.tuple(Value.tuple(), Value.string("x")).mark(Mark.FROZEN)));
    assertEquals(ValueDepth.MAX - 1, ValueDepth.of(deep()));
  }
}
