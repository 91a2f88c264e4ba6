package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Position;
import io.github.packer2aib.core.source.Range;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Generators of syntax trees in the shape the parser produces for their printed text (depth bounded
 * with {@link Arbitraries#recursive}): operands that need parentheses have a {@link Parenthesized}
 * node, postfix chains are folded the way the tree builder folds them, template literals are merged
 * and never touch a strip marker with whitespace, heredocs only stand where a line break may follow
 * them. Ranges are all the same placeholder.
 */
public final class HclTrees {
  static final Range R = new Range("generated", Position.START, Position.START);

  private static final List<String> NAMES =
      List.of("a", "b", "image_sku", "x1", "_hidden", "dash-name", "héllo", "名前", "Upper");
  private static final List<String> KEYWORDS =
      List.of("for", "in", "if", "else", "endif", "endfor", "true", "false", "null");
  private static final int MAX_DEPTH = 3;

  private HclTrees() {}

  // ---- names and literals -------------------------------------------------------------------

  static Arbitrary<String> names() {
    return Arbitraries.of(NAMES);
  }

  /** Names where any identifier is allowed: attribute names, labels, attribute access. */
  static Arbitrary<String> anyNames() {
    return Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.of(KEYWORDS));
  }

  static Arbitrary<LiteralValue> numbers() {
    return Arbitraries.of(
            "0", "7", "42", "1.5", "0.001", "1e5", "2E-3", "12345678901234567890", "3.14e10")
        .map(s -> LiteralValue.number(new BigDecimal(s), R));
  }

  static Arbitrary<Expression> literals() {
    return Arbitraries.oneOf(
        numbers(),
        Arbitraries.of(true, false).map(b -> LiteralValue.bool(b, R)),
        Arbitraries.just(LiteralValue.nullValue(R)));
  }

  /**
   * Literal text that starts and ends with a visible character other than {@code $} and {@code %}
   * (so no strip marker or escape rule touches its edges), with escapes, sequence introducers and
   * non-ASCII inside.
   */
  static Arbitrary<String> text(boolean heredoc) {
    Arbitrary<String> edge =
        Arbitraries.of("a", "z", "Q", "0", "é", "😀", "{", "}", "\"", "\\", "~", "-");
    List<String> middle =
        new ArrayList<>(
            List.of(
                "a", "b", " ", "  ", "\t", "\n", "$", "%", "${", "%{", "$${", "{", "}", "\"", "\\",
                "é", "😀", ":", "#", "//", "/*"));
    if (!heredoc) {
      middle.add("\r");
      middle.add("\u0001");
    }
    Arbitrary<String> inner =
        Arbitraries.of(middle).list().ofMaxSize(6).map(l -> String.join("", l));
    return Combinators.combine(edge, inner, edge, Arbitraries.of(true, false))
        .as((first, mid, last, single) -> single ? first : first + mid + last);
  }

  // ---- expressions --------------------------------------------------------------------------

  /** Expressions, without heredocs (which may only stand where a line break can follow). */
  public static Arbitrary<Expression> expressions() {
    return Arbitraries.recursive(HclTrees::leaves, HclTrees::composite, 0, MAX_DEPTH);
  }

  /** Expressions in a value position (attribute value, element, argument): heredocs allowed. */
  public static Arbitrary<Expression> values() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, expressions()), net.jqwik.api.Tuple.of(1, heredocs(leaves())));
  }

  private static Arbitrary<Expression> leaves() {
    return Arbitraries.oneOf(
        literals(),
        names().map(n -> (Expression) new ScopeTraversal(n, R, List.of(), R)),
        text(false).map(t -> (Expression) quoted(List.of(new TemplateLiteral(t, R)))));
  }

  private static Arbitrary<Expression> composite(Arbitrary<Expression> inner) {
    Arbitrary<Expression> value =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, inner), net.jqwik.api.Tuple.of(1, heredocs(inner)));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaves()),
        net.jqwik.api.Tuple.of(2, binary(inner)),
        net.jqwik.api.Tuple.of(1, unary(inner)),
        net.jqwik.api.Tuple.of(1, conditional(inner)),
        net.jqwik.api.Tuple.of(2, chains(inner)),
        net.jqwik.api.Tuple.of(1, functionCalls(value)),
        net.jqwik.api.Tuple.of(1, tuples(value)),
        net.jqwik.api.Tuple.of(1, objects(inner, value)),
        net.jqwik.api.Tuple.of(1, forExpressions(inner)),
        net.jqwik.api.Tuple.of(1, inner.map(e -> (Expression) new Parenthesized(e, R))),
        net.jqwik.api.Tuple.of(2, quotedTemplates(inner, value)));
  }

  private static int precedence(Expression e) {
    if (e instanceof Conditional) {
      return 0;
    }
    if (e instanceof BinaryOp b) {
      return b.operator().precedence();
    }
    if (e instanceof UnaryOp) {
      return 7;
    }
    return 8;
  }

  /** Wraps an operand in parentheses when it binds looser than {@code minimum}. */
  static Expression atLeast(Expression e, int minimum) {
    return precedence(e) < minimum ? new Parenthesized(e, R) : e;
  }

  private static Arbitrary<Expression> binary(Arbitrary<Expression> inner) {
    return Combinators.combine(Arbitraries.of(BinaryOperator.class), inner, inner)
        .as(
            (op, l, r) ->
                new BinaryOp(op, atLeast(l, op.precedence()), atLeast(r, op.precedence() + 1), R));
  }

  private static Arbitrary<Expression> unary(Arbitrary<Expression> inner) {
    return Combinators.combine(Arbitraries.of(UnaryOperator.class), inner)
        .as((op, e) -> new UnaryOp(op, atLeast(e, 7), R));
  }

  private static Arbitrary<Expression> conditional(Arbitrary<Expression> inner) {
    return Combinators.combine(inner, inner, inner)
        .as((c, t, f) -> new Conditional(atLeast(c, 1), t, f, R));
  }

  private static Arbitrary<Expression> functionCalls(Arbitrary<Expression> value) {
    return Combinators.combine(
            Arbitraries.of("f", "upper", "provider::aws::arn_parse", "dash-fn"),
            value.list().ofMaxSize(3),
            Arbitraries.of(true, false))
        .as((name, args, expand) -> new FunctionCall(name, R, args, expand && !args.isEmpty(), R));
  }

  private static Arbitrary<Expression> tuples(Arbitrary<Expression> value) {
    return value.list().ofMaxSize(4).map(l -> new Tuple(l, R));
  }

  private static Arbitrary<Expression> objects(
      Arbitrary<Expression> inner, Arbitrary<Expression> value) {
    Arbitrary<Expression> keys =
        Arbitraries.oneOf(
            names().map(n -> (Expression) new ScopeTraversal(n, R, List.of(), R)),
            text(false).map(t -> (Expression) quoted(List.of(new TemplateLiteral(t, R)))),
            inner.map(e -> (Expression) new Parenthesized(e, R)));
    Arbitrary<ObjectItem> items =
        Combinators.combine(keys, value).as((k, v) -> new ObjectItem(k, v, R));
    return items.list().ofMaxSize(3).map(l -> new ObjectCons(l, R));
  }

  private static Arbitrary<Expression> forExpressions(Arbitrary<Expression> inner) {
    return Combinators.combine(
            names().optional(),
            names(),
            inner,
            inner.optional(),
            inner,
            inner.optional(),
            Arbitraries.of(true, false))
        .as(
            (key, value, collection, keyExpr, valueExpr, condition, grouping) ->
                new ForExpr(
                    key,
                    value,
                    collection,
                    keyExpr,
                    valueExpr,
                    condition,
                    grouping && keyExpr.isPresent(),
                    R));
  }

  // ---- postfix chains -----------------------------------------------------------------------

  /** A postfix operator before folding. */
  sealed interface Op permits Attr, Legacy, LiteralIndex, ExprIndex, AttrSplat, FullSplat {}

  record Attr(String name) implements Op {}

  record Legacy(String digits) implements Op {}

  record LiteralIndex(LiteralValue key) implements Op {}

  record ExprIndex(Expression key) implements Op {}

  record AttrSplat() implements Op {}

  record FullSplat() implements Op {}

  private static Arbitrary<Expression> chains(Arbitrary<Expression> inner) {
    Arbitrary<Expression> base =
        Arbitraries.oneOf(
            names().map(n -> (Expression) new ScopeTraversal(n, R, List.of(), R)),
            inner.map(e -> (Expression) new Parenthesized(e, R)),
            functionCalls(inner),
            tuples(inner),
            text(false).map(t -> (Expression) quoted(List.of(new TemplateLiteral(t, R)))));
    Arbitrary<LiteralValue> keys =
        Arbitraries.oneOf(
            numbers(),
            Arbitraries.of(true, false).map(b -> LiteralValue.bool(b, R)),
            text(false).map(t -> LiteralValue.string(t, R)));
    Arbitrary<Expression> dynamicKeys =
        Arbitraries.oneOf(
            names().map(n -> (Expression) new ScopeTraversal(n, R, List.of(), R)), binary(inner));
    Arbitrary<Op> ops =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, anyNames().map(Attr::new)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of("0", "1", "12").map(Legacy::new)),
            net.jqwik.api.Tuple.of(2, keys.map(LiteralIndex::new)),
            net.jqwik.api.Tuple.of(1, dynamicKeys.map(ExprIndex::new)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(new AttrSplat())),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(new FullSplat())));
    return Combinators.combine(base, ops.list().ofMinSize(1).ofMaxSize(5))
        .as((b, list) -> fold(b, sanitize(list), 0));
  }

  /** Drops what the grammar cannot express: {@code .0.1} and a splat inside {@code .*}. */
  static List<Op> sanitize(List<Op> ops) {
    List<Op> out = new ArrayList<>();
    boolean inAttrSplat = false;
    for (Op op : ops) {
      boolean attributeStep = op instanceof Attr || op instanceof Legacy;
      if (op instanceof Legacy && !out.isEmpty() && out.get(out.size() - 1) instanceof Legacy) {
        continue;
      }
      if (op instanceof AttrSplat && inAttrSplat) {
        continue;
      }
      if (op instanceof AttrSplat) {
        inAttrSplat = true;
      } else if (!attributeStep) {
        inAttrSplat = false;
      }
      out.add(op);
    }
    return out;
  }

  /** Folds postfix operators as the tree builder does (see its {@code fold}). */
  static Expression fold(Expression base, List<Op> ops, int from) {
    Expression source = base;
    List<Traverser> steps = new ArrayList<>();
    for (int i = from; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (op instanceof Attr a) {
        steps.add(new GetAttr(a.name(), R));
      } else if (op instanceof Legacy l) {
        steps.add(new LegacyIndex(l.digits(), R));
      } else if (op instanceof LiteralIndex k) {
        steps.add(new Index(k.key(), R));
      } else if (op instanceof ExprIndex k) {
        source = new IndexExpr(build(source, steps), k.key(), R);
        steps = new ArrayList<>();
      } else if (op instanceof AttrSplat) {
        List<Traverser> each = new ArrayList<>();
        int next = i + 1;
        while (next < ops.size()
            && (ops.get(next) instanceof Attr || ops.get(next) instanceof Legacy)) {
          Op step = ops.get(next);
          each.add(
              step instanceof Attr a
                  ? new GetAttr(a.name(), R)
                  : new LegacyIndex(((Legacy) step).digits(), R));
          next++;
        }
        SplatItem item = new SplatItem(R);
        Expression eachExpr = each.isEmpty() ? item : new RelativeTraversal(item, each, R);
        source = new SplatExpr(build(source, steps), eachExpr, false, R);
        steps = new ArrayList<>();
        i = next - 1;
      } else {
        Expression each = fold(new SplatItem(R), ops, i + 1);
        return new SplatExpr(build(source, steps), each, true, R);
      }
    }
    return build(source, steps);
  }

  private static Expression build(Expression source, List<Traverser> steps) {
    if (steps.isEmpty()) {
      return source;
    }
    if (source instanceof ScopeTraversal t && t.traversers().isEmpty()) {
      return new ScopeTraversal(t.root(), R, steps, R);
    }
    return new RelativeTraversal(source, steps, R);
  }

  // ---- templates ----------------------------------------------------------------------------

  static TemplateExpr quoted(List<TemplatePart> parts) {
    return new TemplateExpr(nonEmpty(parts), TemplateExpr.Form.QUOTED, "", R);
  }

  private static List<TemplatePart> nonEmpty(List<TemplatePart> parts) {
    return parts.isEmpty() ? List.of(new TemplateLiteral("", R)) : parts;
  }

  private static Arbitrary<Expression> quotedTemplates(
      Arbitrary<Expression> inner, Arbitrary<Expression> value) {
    return parts(inner, value, false, 2).map(p -> (Expression) quoted(p));
  }

  private static Arbitrary<Expression> heredocs(Arbitrary<Expression> inner) {
    return Combinators.combine(
            parts(inner, inner, true, 2),
            Arbitraries.of("EOT", "END_OF_TEXT", "X-Y"),
            Arbitraries.of(true, false))
        .as(
            (parts, marker, indented) ->
                new TemplateExpr(
                    endWithNewline(parts),
                    indented ? TemplateExpr.Form.INDENTED_HEREDOC : TemplateExpr.Form.HEREDOC,
                    marker,
                    R));
  }

  /** Standalone templates (templatefile sources). */
  public static Arbitrary<TemplateExpr> standaloneTemplates() {
    return parts(expressions(), values(), true, 2)
        .map(p -> new TemplateExpr(nonEmpty(p), TemplateExpr.Form.STANDALONE, "", R));
  }

  /** A heredoc's text ends with the line break before its closing marker. */
  private static List<TemplatePart> endWithNewline(List<TemplatePart> parts) {
    if (parts.isEmpty()) {
      return List.of(new TemplateLiteral("", R));
    }
    List<TemplatePart> out = new ArrayList<>(parts);
    TemplatePart last = out.get(out.size() - 1);
    if (last instanceof TemplateLiteral literal) {
      out.set(out.size() - 1, new TemplateLiteral(literal.text() + "\n", R));
    } else {
      // The line break after a right strip marker would be stripped: drop that marker.
      out.set(out.size() - 1, withoutRightStrip(last));
      out.add(new TemplateLiteral("\n", R));
    }
    return out;
  }

  private static TemplatePart withoutRightStrip(TemplatePart part) {
    if (part instanceof TemplateInterpolation i) {
      return new TemplateInterpolation(i.expression(), new Strip(i.strip().left(), false), R);
    }
    if (part instanceof TemplateIf f) {
      return new TemplateIf(
          f.condition(),
          f.thenParts(),
          f.elseParts(),
          f.hasElse(),
          f.ifStrip(),
          f.elseStrip(),
          new Strip(f.endIfStrip().left(), false),
          R);
    }
    TemplateFor f = (TemplateFor) part;
    return new TemplateFor(
        f.keyVariable(),
        f.valueVariable(),
        f.collection(),
        f.bodyParts(),
        f.forStrip(),
        new Strip(f.endForStrip().left(), false),
        R);
  }

  /** Template parts: literals alternate with sequences (adjacent literals would be one literal). */
  private static Arbitrary<List<TemplatePart>> parts(
      Arbitrary<Expression> inner, Arbitrary<Expression> value, boolean heredoc, int depth) {
    Arbitrary<Strip> strips =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.just(Strip.NONE)),
            net.jqwik.api.Tuple.of(
                1,
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false))
                    .as(Strip::new)));
    Arbitrary<TemplatePart> interpolation =
        Combinators.combine(value, strips).as((e, s) -> new TemplateInterpolation(e, s, R));
    List<Tuple2<Integer, Arbitrary<TemplatePart>>> sequences = new ArrayList<>();
    sequences.add(net.jqwik.api.Tuple.of(4, interpolation));
    if (depth > 0) {
      Arbitrary<List<TemplatePart>> body =
          Arbitraries.lazy(() -> parts(inner, value, heredoc, depth - 1));
      sequences.add(
          net.jqwik.api.Tuple.of(
              1,
              Combinators.combine(
                      inner, body, body, Arbitraries.of(true, false), strips, strips, strips)
                  .as(
                      (c, t, e, hasElse, s1, s2, s3) ->
                          (TemplatePart)
                              new TemplateIf(
                                  c,
                                  t,
                                  hasElse ? e : List.of(),
                                  hasElse,
                                  s1,
                                  hasElse ? s2 : Strip.NONE,
                                  s3,
                                  R))));
      sequences.add(
          net.jqwik.api.Tuple.of(
              1,
              Combinators.combine(names().optional(), names(), inner, body, strips, strips)
                  .as(
                      (k, v, c, b, s1, s2) ->
                          (TemplatePart) new TemplateFor(k, v, c, b, s1, s2, R))));
    }
    Arbitrary<TemplatePart> sequence = Arbitraries.frequencyOf(sequences);
    Arbitrary<TemplatePart> literal = text(heredoc).map(t -> new TemplateLiteral(t, R));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, literal), net.jqwik.api.Tuple.of(2, sequence))
        .list()
        .ofMaxSize(5)
        .map(HclTrees::joinLiterals);
  }

  /** Adjacent literals are one literal, as the parser joins them. */
  private static List<TemplatePart> joinLiterals(List<TemplatePart> parts) {
    List<TemplatePart> out = new ArrayList<>();
    for (TemplatePart part : parts) {
      if (part instanceof TemplateLiteral literal
          && !out.isEmpty()
          && out.get(out.size() - 1) instanceof TemplateLiteral previous) {
        out.set(out.size() - 1, new TemplateLiteral(previous.text() + literal.text(), R));
      } else {
        out.add(part);
      }
    }
    return out;
  }

  // ---- bodies -------------------------------------------------------------------------------

  /** Configuration bodies: attributes with distinct names and nested blocks. */
  public static Arbitrary<Body> bodies() {
    return bodies(2);
  }

  private static Arbitrary<Body> bodies(int depth) {
    Arbitrary<BodyItem> attribute =
        Combinators.combine(anyNames(), values()).as((n, v) -> new Attribute(n, R, v, R));
    Arbitrary<Label> label =
        Arbitraries.oneOf(
            text(false).map(t -> new Label(t, true, R)),
            Arbitraries.just(new Label("", true, R)),
            anyNames().map(n -> new Label(n, false, R)));
    List<Tuple2<Integer, Arbitrary<BodyItem>>> items = new ArrayList<>();
    items.add(net.jqwik.api.Tuple.of(3, attribute));
    if (depth > 0) {
      Arbitrary<Body> inner = Arbitraries.lazy(() -> bodies(depth - 1));
      items.add(
          net.jqwik.api.Tuple.of(
              1,
              Combinators.combine(anyNames(), label.list().ofMaxSize(2), inner)
                  .as((t, labels, body) -> (BodyItem) new Block(t, labels, body, R, R, R, R))));
    }
    Arbitrary<BodyItem> item = Arbitraries.frequencyOf(items);
    return item.list().ofMaxSize(5).map(HclTrees::distinctAttributes).map(l -> new Body(l, R));
  }

  private static List<BodyItem> distinctAttributes(List<BodyItem> items) {
    Set<String> seen = new HashSet<>();
    List<BodyItem> out = new ArrayList<>();
    for (BodyItem item : items) {
      if (!(item instanceof Attribute a) || seen.add(a.name())) {
        out.add(item);
      }
    }
    return out;
  }
}
