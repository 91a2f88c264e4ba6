package io.github.packer2aib.core.hcl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.syntax.BinaryOp;
import io.github.packer2aib.core.hcl.syntax.BinaryOperator;
import io.github.packer2aib.core.hcl.syntax.Conditional;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.ForExpr;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.GetAttr;
import io.github.packer2aib.core.hcl.syntax.HclPrinter;
import io.github.packer2aib.core.hcl.syntax.HclTrees;
import io.github.packer2aib.core.hcl.syntax.IndexExpr;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.Parenthesized;
import io.github.packer2aib.core.hcl.syntax.RelativeTraversal;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.SplatExpr;
import io.github.packer2aib.core.hcl.syntax.SplatItem;
import io.github.packer2aib.core.hcl.syntax.Strip;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateFor;
import io.github.packer2aib.core.hcl.syntax.TemplateIf;
import io.github.packer2aib.core.hcl.syntax.TemplateInterpolation;
import io.github.packer2aib.core.hcl.syntax.TemplateLiteral;
import io.github.packer2aib.core.hcl.syntax.TemplatePart;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.hcl.syntax.UnaryOp;
import io.github.packer2aib.core.hcl.syntax.UnaryOperator;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.parse.hcl.HclExpressionResult;
import io.github.packer2aib.core.parse.hcl.HclParser;
import io.github.packer2aib.core.source.Position;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the evaluator: literal text of any value evaluates back to the value; no expression
 * makes it throw and every diagnostic points inside the text; a sensitive variable taints every
 * result computed from it.
 */
class EvaluatorProperties {
  private static final Range R = new Range("generated", Position.START, Position.START);
  private static final FunctionRegistry FUNCTIONS = EvalTesting.registry();
  private final HclParser parser = new HclParser();

  // ---- values → literal text → the same value ----------------------------------------------

  @Property(tries = 300)
  void literalTextEvaluatesToTheSameValue(@ForAll("values") Value value) {
    String text = HclPrinter.print(literal(value));
    HclExpressionResult parsed = parser.parseExpression(new SourceFile("lit.hcl", text));
    assertEquals(List.of(), parsed.diagnostics(), text);
    EvalResult r =
        Evaluator.evaluate(parsed.expression().orElseThrow(), EvalContext.of(Map.of(), FUNCTIONS));
    assertEquals(List.of(), r.diagnostics(), text);
    assertEquals(value, r.value(), text);
  }

  @Provide
  Arbitrary<Value> values() {
    return Arbitraries.recursive(this::scalars, this::containers, 0, 3);
  }

  private Arbitrary<Value> scalars() {
    Arbitrary<Value> strings =
        Arbitraries.of(
                "", "a", " ", "${", "%{", "$${x}", "\"", "\\", "\n", "é", "😀", "~", "}", "\t")
            .list()
            .ofMaxSize(5)
            .map(l -> Value.string(String.join("", l)));
    Arbitrary<Value> numbers =
        Combinators.combine(
                Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
                Arbitraries.integers().between(0, 6))
            .as((unscaled, scale) -> Value.number(BigDecimal.valueOf(unscaled, scale)));
    return Arbitraries.oneOf(
        strings,
        numbers,
        Arbitraries.of(Value.TRUE, Value.FALSE),
        Arbitraries.just(Value.nullOf(Type.DYNAMIC)));
  }

  private Arbitrary<Value> containers(Arbitrary<Value> inner) {
    Arbitrary<Value> tuples = inner.list().ofMaxSize(3).map(Value::tuple);
    Arbitrary<String> keys = Arbitraries.of("a", "b-c", "", "with space", "${x}", "é", "1");
    Arbitrary<Value> objects =
        Arbitraries.maps(keys, inner).ofMaxSize(3).map(m -> Value.object(new TreeMap<>(m)));
    return Arbitraries.oneOf(tuples, objects);
  }

  /** A syntax tree whose printed text is the literal form of {@code v}. */
  private static Expression literal(Value v) {
    if (v.isNull()) {
      return LiteralValue.nullValue(R);
    }
    Type t = v.type();
    if (t == Type.STRING) {
      return quoted(List.of(new TemplateLiteral(v.asString(), R)));
    }
    if (t == Type.BOOL) {
      return LiteralValue.bool(v.asBoolean(), R);
    }
    if (t == Type.NUMBER) {
      BigDecimal d = v.asNumber().toBigDecimal();
      LiteralValue abs = LiteralValue.number(d.abs(), R);
      return d.signum() < 0 ? new UnaryOp(UnaryOperator.NEGATE, abs, R) : abs;
    }
    if (v.type().isStructural()
        && v.type() instanceof io.github.packer2aib.core.hcl.value.TupleType) {
      List<Expression> elements = new ArrayList<>();
      v.elements().forEach(e -> elements.add(literal(e)));
      return new Tuple(elements, R);
    }
    List<ObjectItem> items = new ArrayList<>();
    ((io.github.packer2aib.core.hcl.value.ObjectValue) v)
        .attributes()
        .forEach(
            (k, e) ->
                items.add(
                    new ObjectItem(quoted(List.of(new TemplateLiteral(k, R))), literal(e), R)));
    return new ObjectCons(items, R);
  }

  private static TemplateExpr quoted(List<TemplatePart> parts) {
    return new TemplateExpr(parts, TemplateExpr.Form.QUOTED, "", R);
  }

  // ---- arbitrary expressions: no exception, diagnostics inside the text --------------------

  /** Values for the names the syntax generators use. */
  private static EvalContext generatedNames() {
    return EvalContext.of(
        Map.of(
            "a", Value.object("a", Value.number(1), "b", Value.tuple(Value.string("x"))),
            "b", Value.tuple(Value.number(1), Value.number(2)),
            "image_sku", Value.string("22_04"),
            "x1", Value.number(7),
            "_hidden", Value.string("pw").mark(Mark.SENSITIVE),
            "dash-name", Value.nullOf(Type.STRING),
            "héllo", Value.unknown(Type.DYNAMIC),
            "Upper", Value.bool(true)),
        FUNCTIONS);
  }

  @Property(tries = 1000)
  void arbitraryExpressionsNeverThrowAndPointInsideTheText(
      @ForAll("expressions") Expression generated) {
    String text = HclPrinter.print(generated);
    SourceFile file = new SourceFile("gen.hcl", text);
    HclExpressionResult parsed = parser.parseExpression(file);
    Optional<Expression> e = parsed.expression();
    if (e.isEmpty()) {
      return;
    }
    EvalResult r = Evaluator.evaluate(e.get(), generatedNames());
    assertNotNull(r.value());
    for (Diagnostic d : r.diagnostics()) {
      Range subject = d.subject().orElseThrow(() -> new AssertionError("no subject: " + d));
      assertEquals("gen.hcl", subject.file(), text + "\n" + d);
      assertTrue(
          subject.start().offset() >= 0 && subject.end().offset() <= text.length(),
          text + "\n" + d);
      assertTrue(!d.summary().isEmpty() && !d.detail().isEmpty(), d.toString());
    }
    // The generated tree itself (placeholder ranges), its references and its reading as a type.
    Evaluator.evaluate(generated, generatedNames());
    Evaluator.references(generated).forEach(t -> assertTrue(!t.root().isEmpty()));
    Evaluator.typeConstraint(generated);
  }

  @Provide
  Arbitrary<Expression> expressions() {
    return HclTrees.expressions();
  }

  /** templatefile's renderer reports every problem of a template as a FunctionException. */
  @Property(tries = 300)
  void templatesRenderOrFailWithAFunctionError(@ForAll("templates") TemplateExpr template) {
    String text = HclPrinter.printStandalone(template);
    Map<String, Value> vars = Map.of("a", Value.string("x"), "b", Value.tuple(Value.number(1)));
    try {
      Value v =
          Evaluator.templateRenderer()
              .render(text, "gen.tpl", vars, FUNCTIONS.without("templatefile"));
      assertNotNull(v);
    } catch (io.github.packer2aib.core.hcl.function.FunctionException e) {
      assertTrue(!e.message().isEmpty(), text);
    }
  }

  @Provide
  Arbitrary<TemplateExpr> templates() {
    return HclTrees.standaloneTemplates();
  }

  // ---- sensitivity ----------------------------------------------------------------------------

  private static EvalContext sensitiveContext() {
    return EvalContext.of(
        Map.of(
            "s", Value.string("secret").mark(Mark.SENSITIVE),
            "p", Value.string("plain"),
            "n", Value.number(2),
            "l", Value.tuple(Value.string("x"), Value.string("y"))),
        FUNCTIONS);
  }

  @Property(tries = 1000)
  void everyResultComputedFromASensitiveValueIsSensitive(@ForAll("tainted") Expression expression) {
    EvalResult r = Evaluator.evaluate(expression, sensitiveContext());
    assertTrue(
        r.value().containsSensitive(),
        HclPrinter.print(expression) + " gave " + EvalTesting.render(r.value()));
    assertTrue(
        Evaluator.references(expression).stream().anyMatch(t -> t.root().equals("s")),
        HclPrinter.print(expression));
  }

  /** Expressions where {@code s} takes part in the result (not only in a branch not taken). */
  @Provide
  Arbitrary<Expression> tainted() {
    return Arbitraries.recursive(
        () ->
            Arbitraries.of(
                var("s"), quoted(List.of(new TemplateInterpolation(var("s"), Strip.NONE, R)))),
        this::taint,
        0,
        4);
  }

  private Arbitrary<Expression> plain() {
    return Arbitraries.of(
        var("p"),
        var("n"),
        var("l"),
        LiteralValue.number(BigDecimal.ONE, R),
        LiteralValue.bool(true, R),
        LiteralValue.nullValue(R),
        quoted(List.of(new TemplateLiteral("x", R))));
  }

  private Arbitrary<Expression> taint(Arbitrary<Expression> inner) {
    Arbitrary<Expression> plain = plain();
    return Arbitraries.oneOf(
        // templates and directives
        inner.map(e -> quoted(List.of(new TemplateLiteral("x-", R), interpolation(e)))),
        inner.map(
            e ->
                quoted(
                    List.of(
                        new TemplateIf(
                            e,
                            List.of(new TemplateLiteral("a", R)),
                            List.of(new TemplateLiteral("b", R)),
                            true,
                            Strip.NONE,
                            Strip.NONE,
                            Strip.NONE,
                            R)))),
        inner.map(
            e ->
                quoted(
                    List.of(
                        new TemplateFor(
                            Optional.empty(),
                            "x",
                            var("l"),
                            List.of(interpolation(e)),
                            Strip.NONE,
                            Strip.NONE,
                            R)))),
        inner.map(
            e ->
                quoted(
                    List.of(
                        new TemplateFor(
                            Optional.empty(),
                            "x",
                            e,
                            List.of(interpolation(var("x"))),
                            Strip.NONE,
                            Strip.NONE,
                            R)))),
        // operators
        Combinators.combine(
                Arbitraries.of(BinaryOperator.class), inner, plain, Arbitraries.of(true, false))
            .as((op, e, q, left) -> (Expression) new BinaryOp(op, left ? e : q, left ? q : e, R)),
        Combinators.combine(Arbitraries.of(UnaryOperator.class), inner)
            .as((op, e) -> (Expression) new UnaryOp(op, e, R)),
        // conditionals: the condition, or both results
        Combinators.combine(inner, plain, plain)
            .as((c, t, f) -> (Expression) new Conditional(c, t, f, R)),
        Combinators.combine(plain, inner, inner)
            .as((c, t, f) -> (Expression) new Conditional(c, t, f, R)),
        // function calls
        Combinators.combine(
                Arbitraries.of("upper", "length", "tostring", "jsonencode", "coalesce", "f"), inner)
            .as((name, e) -> (Expression) new FunctionCall(name, R, List.of(e), false, R)),
        inner.map(
            e ->
                (Expression)
                    new FunctionCall(
                        "format",
                        R,
                        List.of(quoted(List.of(new TemplateLiteral("%v", R))), e),
                        false,
                        R)),
        inner.map(
            e ->
                (Expression)
                    new FunctionCall("concat", R, List.of(new Tuple(List.of(e), R)), false, R)),
        inner.map(e -> (Expression) new FunctionCall("max", R, List.of(e), true, R)),
        inner.map(e -> (Expression) new FunctionCall("upper", R, List.of(e, e), false, R)),
        // collections
        // (a tuple is consumed by picking elements: the tainted one comes first, [0] picks it)
        Combinators.combine(plain, inner).as((q, e) -> (Expression) new Tuple(List.of(e, q), R)),
        inner.map(e -> (Expression) new ObjectCons(List.of(new ObjectItem(var("k"), e, R)), R)),
        inner.map(
            e ->
                (Expression)
                    new ObjectCons(
                        List.of(
                            new ObjectItem(new Parenthesized(e, R), LiteralValue.bool(true, R), R)),
                        R)),
        // for expressions: the collection, the value, the key, the condition
        inner.map(e -> (Expression) forExpr(e, Optional.empty(), var("x"), Optional.empty())),
        inner.map(e -> (Expression) forExpr(var("l"), Optional.empty(), e, Optional.empty())),
        inner.map(e -> (Expression) forExpr(var("l"), Optional.of(e), var("x"), Optional.empty())),
        inner.map(e -> (Expression) forExpr(var("l"), Optional.of(var("x")), e, Optional.empty())),
        inner.map(e -> (Expression) forExpr(var("l"), Optional.empty(), var("x"), Optional.of(e))),
        // splats, indexes, attributes
        inner.map(
            e -> (Expression) new SplatExpr(new Parenthesized(e, R), new SplatItem(R), true, R)),
        inner.map(
            e ->
                (Expression)
                    new SplatExpr(
                        new Parenthesized(e, R),
                        new RelativeTraversal(new SplatItem(R), List.of(new GetAttr("a", R)), R),
                        false,
                        R)),
        inner.map(e -> (Expression) new IndexExpr(var("l"), e, R)),
        inner.map(
            e ->
                (Expression)
                    new IndexExpr(
                        new Parenthesized(e, R), LiteralValue.number(BigDecimal.ZERO, R), R)),
        inner.map(
            e ->
                (Expression)
                    new RelativeTraversal(
                        new Parenthesized(e, R), List.of(new GetAttr("a", R)), R)));
  }

  private static ScopeTraversal var(String name) {
    return new ScopeTraversal(name, R, List.of(), R);
  }

  private static TemplatePart interpolation(Expression e) {
    return new TemplateInterpolation(e, Strip.NONE, R);
  }

  private static ForExpr forExpr(
      Expression collection,
      Optional<Expression> key,
      Expression value,
      Optional<Expression> cond) {
    return new ForExpr(
        key.isPresent() ? Optional.of("i") : Optional.empty(),
        "x",
        collection,
        key,
        value,
        cond,
        false,
        R);
  }
}
