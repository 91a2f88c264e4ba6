package io.github.packer2aib.core.hcl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.hcl.syntax.BinaryOp;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.HclPrinter;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.SyntaxEquality;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A long chain of binary operators, {@code 1 + 1 + … + 1}, is a tree as deep as the chain is long
 * (along its left operands). HashiCorp's HCL parses and evaluates such chains of any length; here
 * every walk over the tree (references, evaluation, printing) follows the left operands with a
 * loop. These tests run on the test JVM's default thread stack, where a call per operator
 * overflowed at about 3,000 terms.
 */
class LongOperatorChainTest {
  private static final int TERMS = 10_000;

  private static String chain(String term, String operator, int terms) {
    return String.join(" " + operator + " ", Collections.nCopies(terms, term));
  }

  private static Value value(String text) {
    return value(text, Map.of());
  }

  private static Value value(String text, Map<String, Value> variables) {
    EvalResult r = EvalTesting.eval(text, variables);
    assertEquals(List.of(), r.diagnostics());
    return r.value();
  }

  @Test
  void tenThousandTermChainsEvaluateAsHclDoes() {
    assertEquals(Value.number(TERMS), value(chain("1", "+", TERMS)));
    assertEquals(Value.TRUE, value(chain("true", "&&", TERMS)));
    assertEquals(Value.FALSE, value(chain("true", "&&", TERMS) + " && false"));
    assertEquals(Value.TRUE, value(chain("false", "||", TERMS) + " || true"));
    assertEquals(Value.number(1), value(TERMS + " - " + chain("1", "-", TERMS - 1)));
    assertEquals(Value.number(6L * TERMS), value(chain("2 * 3", "+", TERMS)));
    assertEquals(Value.TRUE, value(chain("true", "==", TERMS)));
  }

  @Test
  void theOperandsAreEvaluatedFromTheLeftAndErrorsNameTheirOwnOperator() {
    // 1 + 1 + ... + "x": only the last operator fails, and it says so at its operand.
    EvalResult r = EvalTesting.eval(chain("1", "+", TERMS) + " + \"x\"", Map.of());
    assertEquals(1, r.diagnostics().size(), r.diagnostics()::toString);
    assertEquals("Invalid operand", r.diagnostics().get(0).summary());
    assertEquals(4 * TERMS + 1, r.diagnostics().get(0).subject().orElseThrow().start().column());
  }

  @Test
  void referencesOfAChainAreFoundInSourceOrderAndEvaluated() {
    Map<String, Value> locals =
        Map.of("local", Value.object("a", Value.number(1), "b", Value.number(2)));
    String text = chain("local.a + local.b", "+", TERMS / 2);
    Expression e = EvalTesting.parse(text);
    List<ScopeTraversal> references = Evaluator.references(e);
    assertEquals(TERMS, references.size());
    for (int i = 1; i < references.size(); i++) {
      assertTrue(
          references.get(i - 1).range().start().offset()
              < references.get(i).range().start().offset());
    }
    assertTrue(Evaluator.allReferences(e, t -> t.root().equals("local")));
    assertEquals(Value.number(3 * TERMS / 2), value(text, locals));
    Evaluator.Checked checked =
        Evaluator.evaluate(e, EvalContext.of(locals, EvalTesting.registry()), t -> true);
    assertTrue(checked.referencesPassed());
  }

  @Test
  void aChainPrintsAsWrittenWithTheParenthesesItNeeds() {
    String text = "(" + chain("1", "-", TERMS) + ") * " + chain("2", "/", TERMS);
    Expression e = EvalTesting.parse(text);
    assertTrue(e instanceof BinaryOp);
    String printed = HclPrinter.print(e);
    assertEquals(text, printed);
    assertTrue(SyntaxEquality.equalIgnoringRanges(e, EvalTesting.parse(printed)));
  }

  @Test
  void theLongestChainTheParserTakesEvaluatesToo() {
    // 100,000 operators: the most the parser takes in one chain (NestingCheck.MAX_OPERATORS).
    int terms = 100_001;
    assertEquals(Value.number(terms), value(chain("1", "+", terms)));
  }
}
