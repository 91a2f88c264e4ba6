package io.github.packer2aib.core.hcl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.FunctionException;
import io.github.packer2aib.core.hcl.function.TemplateRenderer;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.HclPrinter;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.UnaryOp;
import io.github.packer2aib.core.hcl.syntax.UnaryOperator;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.TypeConstraint;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.source.Position;
import io.github.packer2aib.core.source.Range;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The public API: contexts and scopes, results, references, type constraints, templatefile. */
class EvaluatorTest {
  private static final Map<String, Value> VARS =
      Map.of(
          "var",
          Value.object(
              "name", Value.string("web"),
              "n", Value.number(3),
              "secret", Value.string("pw").mark(Mark.SENSITIVE),
              "list", Value.tuple(Value.string("a"), Value.string("b"))));

  private static String show(String text) {
    EvalResult r = EvalTesting.eval(text, VARS);
    StringBuilder sb = new StringBuilder(EvalTesting.typed(r.value()));
    r.diagnostics()
        .forEach(d -> sb.append(" | ").append(d.summary()).append(": ").append(d.detail()));
    return sb.toString();
  }

  @Test
  void evaluatesWithHclSemantics() {
    assertEquals("string \"web-3\"", show("\"${var.name}-${var.n}\""));
    assertEquals("number 7", show("1 + 2 * 3"));
    assertEquals("tuple([string, string]) [\"A\", \"B\"]", show("[for x in var.list : upper(x)]"));
    assertEquals("string \"x-pw\" (sensitive)", show("\"x-${var.secret}\""));
    assertEquals("tuple([string, string]) [\"a\", \"b\"]", show("var.list[*]"));
    assertEquals("string \"ab\"", show("\"%{for x in var.list}${x}%{endfor}\""));
  }

  @Test
  void anEmptyExpandedCollectionPassesItsMarksOn() {
    // Whether the list is empty says whether the secret is "pw": the result is sensitive, and so
    // is the unknown of a call that fails for want of arguments (found by a jqwik property).
    assertEquals(
        "object({}) {} (sensitive)",
        show("merge([for x in var.list : {} if var.secret == \"x\"]...)"));
    assertTrue(
        show("max([for x in var.list : 1 if var.secret == \"x\"]...)")
            .startsWith("any (unknown) (sensitive) | "),
        show("max([for x in var.list : 1 if var.secret == \"x\"]...)"));
  }

  @Test
  void failuresAreUnknownsWithHclWording() {
    assertEquals(
        "any (unknown) | Unknown variable: There is no variable named \"vat\". Did you mean"
            + " \"var\"?",
        show("vat.name"));
    // The object holds a sensitive attribute: the failed lookup might have been it.
    assertEquals(
        "any (unknown) (sensitive) | Unsupported attribute: This object does not have an attribute"
            + " named \"nme\". Did you mean \"name\"?",
        show("var.nme"));
    assertEquals(
        "number (unknown) | Invalid operand: Unsuitable value for left operand: a number is"
            + " required.",
        show("var.name + 1"));
    EvalResult r = EvalTesting.eval("var.name + 1", VARS);
    assertTrue(r.hasErrors());
    Range subject = r.diagnostics().get(0).subject().orElseThrow();
    assertEquals(0, subject.start().offset());
    assertEquals(8, subject.end().offset());
  }

  @Test
  void anObjectKeyWithStepsMustBeParenthesizedOrQuoted() {
    // HCL's ObjectConsKeyExpr: a bare name is literal, so var.name could be either; it asks.
    for (String key : List.of("var.name", "var.list[0]", "foo.bar", "a.0")) {
      EvalResult r = EvalTesting.eval("{ " + key + " = 1 }", VARS);
      assertEquals(
          List.of("EVAL-E032"), r.diagnostics().stream().map(Diagnostic::code).toList(), key);
      Diagnostic d = r.diagnostics().get(0);
      assertEquals("Ambiguous attribute key", d.summary());
      assertTrue(d.detail().contains("(" + key + ")"), d.detail());
      assertEquals(2, d.subject().orElseThrow().start().offset());
      assertEquals(2 + key.length(), d.subject().orElseThrow().end().offset());
      assertFalse(r.value().isKnown(), key);
    }
    assertEquals("{\"web\": 1}", valueOf("{ (var.name) = 1 }"));
    assertEquals("{\"b\": 1}", valueOf("{ (var.list[1]) = 1 }"));
    assertEquals("{\"name\": 1}", valueOf("{ name = 1 }"));
    assertEquals("{\"var.name\": 1}", valueOf("{ \"var.name\" = 1 }"));
    // Evaluated, not parsed: try() catches it, as in Packer 1.6.6 (try({ a.b = 1 }, "x") is "x").
    assertEquals("string \"x\"", show("try({ var.name = 1 }, \"x\")"));
  }

  /** The value of {@code text}, which must evaluate without diagnostics, without its type. */
  private static String valueOf(String text) {
    String shown = show(text);
    assertFalse(shown.contains(" | "), shown);
    return shown.substring(shown.indexOf(") ") + 2);
  }

  /** The details of the diagnostics of {@code text}, evaluated with sensitive values. */
  private static String detailsWithSecrets(String text) {
    Map<String, Value> vars =
        Map.of(
            "var",
            Value.object(
                "pw", Value.string("s3cr3tval").mark(Mark.SENSITIVE),
                "pws",
                    Value.tuple(Value.string("s3cr3tval"), Value.string("s3cr3tval"))
                        .mark(Mark.SENSITIVE),
                "plain", Value.string("s3cr3tval")));
    return EvalTesting.eval(text, vars).diagnostics().stream()
        .map(d -> d.code() + " " + d.detail())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void duplicateKeysFromSensitiveValuesAreNotQuoted() {
    for (String text :
        List.of(
            "{ (var.pw) = 1, (var.pw) = 2 }",
            "{ (upper(var.pw)) = 1, (upper(var.pw)) = 2 }",
            "{ \"s3cr3tval\" = 1, (var.pw) = 2 }",
            "{ (var.pw) = 1, (var.plain) = 2 }")) {
      String details = detailsWithSecrets(text);
      assertEquals(
          "EVAL-W001 A key was already defined at expr.hcl:1:3; it comes from a sensitive value,"
              + " which is not shown. Packer keeps the last definition; remove the other one.",
          details,
          text);
    }
    assertEquals(
        "EVAL-W001 The key \"s3cr3tval\" was already defined at expr.hcl:1:3. Packer keeps the"
            + " last definition; remove the other one.",
        detailsWithSecrets("{ (var.plain) = 1, (var.plain) = 2 }"));
    for (String text :
        List.of(
            "{ for k in [var.pw, var.pw] : k => 1 }",
            "{ for k in [var.pw, var.pw] : lower(k) => 1 }",
            "{ for k in var.pws : k => 1 }",
            "{ for k in [var.plain, var.pw] : k => 1 }")) {
      String details = detailsWithSecrets(text);
      assertTrue(details.startsWith("EVAL-E018 "), text + ": " + details);
      assertFalse(details.contains("s3cr3tval"), text + ": " + details);
      assertTrue(
          details.contains(
              "Two different items produced the same key in this 'for' expression; it comes from"
                  + " a sensitive value, which is not shown."),
          text + ": " + details);
    }
    assertTrue(
        detailsWithSecrets("{ for k in [var.plain, var.plain] : k => 1 }")
            .contains("Two different items produced the key \"s3cr3tval\""));
  }

  @Test
  void childScopesShadowAndFallBack() {
    EvalContext root = EvalContext.of(Map.of("a", Value.number(1), "b", Value.number(2)), null);
    EvalContext child = root.child(Map.of("a", Value.string("inner")));
    assertEquals(Optional.of(Value.string("inner")), child.lookup("a"));
    assertEquals(Optional.of(Value.number(2)), child.lookup("b"));
    assertEquals(Optional.empty(), child.lookup("c"));
    assertEquals(Optional.of(Value.number(1)), root.lookup("a"));
    EvalResult r = Evaluator.evaluate(EvalTesting.parse("\"${a}-${b}\""), child);
    assertEquals(Value.string("inner-2"), r.value());
  }

  @Test
  void withoutFunctionsCallsAreRefused() {
    EvalResult r =
        Evaluator.evaluate(EvalTesting.parse("upper(\"x\")"), EvalContext.of(Map.of(), null));
    assertEquals(List.of("EVAL-E026"), r.diagnostics().stream().map(Diagnostic::code).toList());
  }

  @Test
  void referencesAreRootTraversalsInSourceOrder() {
    String refs =
        Evaluator.references(
                EvalTesting.parse(
                    "{ k = [for x in var.list : \"${x}${local.sep}\" if x != each.key], (var.kk) ="
                        + " path.root }"))
            .stream()
            .map(HclPrinter::print)
            .collect(Collectors.joining(" "));
    assertEquals("var.list local.sep each.key var.kk path.root", refs);
  }

  /**
   * Whether a checked evaluation vouches that every reference is one of var.name, var.n, var.list.
   */
  private static boolean vouches(String text) {
    Evaluator.Checked c =
        Evaluator.evaluate(
            EvalTesting.parse(text),
            EvalContext.of(VARS, EvalTesting.registry()),
            t ->
                !t.root().equals("var") || HclPrinter.print(t).matches("var\\.(name|n|list)\\b.*"));
    assertEquals(
        EvalTesting.eval(text, VARS).toString(), c.result().toString(), "same result: " + text);
    return c.referencesPassed();
  }

  @Test
  void checkedEvaluationVouchesOnlyForReferencesItMetAndPassed() {
    assertTrue(vouches("\"${var.name}-${upper(var.n)}\""));
    assertTrue(vouches("var.n > 2 ? var.name : \"%{if var.n > 1}${var.list[0]}%{endif}\""));
    assertTrue(vouches("\"plain\""));
    assertFalse(vouches("\"${var.name}-${var.other}\""));
    assertFalse(vouches("var.n > 2 ? var.name : var.other"));
    // Parts that may go unevaluated: the reference there is never met.
    assertFalse(vouches("[for x in [] : var.name]"));
    assertFalse(vouches("var.list[*]"));
    assertFalse(vouches("\"%{for x in var.list}${x}%{endfor}\""));
    assertFalse(vouches("try(var.name, var.n)"));
    assertFalse(vouches("max(var.list...)"));
  }

  @Test
  void typeConstraintsWithDefaults() {
    TypeConstraintResult r =
        Evaluator.typeConstraint(
            EvalTesting.parse("object({ name = string, size = optional(number, 30) })"));
    assertEquals(List.of(), r.diagnostics());
    TypeConstraint c = r.constraint().orElseThrow();
    assertEquals("object({name=string, size=optional(number)})", c.type().toString());
    Value applied = c.apply(Value.object("name", Value.string("x"))).value();
    assertEquals(Value.object("name", Value.string("x"), "size", Value.number(30)), applied);

    TypeConstraintResult bad = Evaluator.typeConstraint(EvalTesting.parse("list(strng)"));
    assertTrue(bad.constraint().isEmpty());
    assertEquals("EVAL-E023", bad.diagnostics().get(0).code());
  }

  @Test
  void templateRendererSeesOnlyItsVariables() throws FunctionException {
    TemplateRenderer renderer = Evaluator.templateRenderer();
    Value v =
        renderer.render(
            "%{ for x in xs ~}\n${upper(x)}\n%{ endfor ~}",
            "t.tpl",
            Map.of("xs", Value.tuple(Value.string("a"), Value.string("b"))),
            EvalTesting.registry().without("templatefile"));
    assertEquals(Value.string("A\nB\n"), v);
    FunctionException missing =
        assertThrows(
            FunctionException.class,
            () -> renderer.render("${var.x}", "t.tpl", Map.of(), EvalTesting.registry()));
    assertEquals(1, missing.argIndex());
    assertEquals(
        "vars map does not contain key \"var\", referenced at t.tpl:1,3-6", missing.message());
  }

  @Test
  void nestedTryAndConditionalsStayLinear() {
    // Each level would be evaluated twice if failed arguments were evaluated again: 2^60 steps.
    String tries = "try(".repeat(60) + "var.nope" + ", 1)".repeat(60);
    assertEquals("number 1", show(tries));
    String conditionals = "true ? (".repeat(60) + "1" + ") : 2".repeat(60);
    assertEquals("number 1", show(conditionals));
    String failing = "upper(".repeat(60) + "nope(1)" + ")".repeat(60);
    assertFalse(EvalTesting.eval(failing, VARS).value().isKnown());
  }

  @Test
  void programBuiltTreesTooDeepForTheStackGiveADiagnostic() {
    Range r = new Range("deep", Position.START, Position.START);
    Expression e = LiteralValue.number(BigDecimal.ONE, r);
    for (int i = 0; i < 200_000; i++) {
      e = new UnaryOp(UnaryOperator.NEGATE, e, r);
    }
    EvalResult result = Evaluator.evaluate(e, EvalContext.of(Map.of(), null));
    assertEquals(
        List.of("EVAL-E029"), result.diagnostics().stream().map(Diagnostic::code).toList());
    assertEquals(Value.unknown(Type.DYNAMIC), result.value());
  }
}
