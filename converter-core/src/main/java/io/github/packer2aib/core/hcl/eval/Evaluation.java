package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.hcl.syntax.BinaryOp;
import io.github.packer2aib.core.hcl.syntax.BinaryOperator;
import io.github.packer2aib.core.hcl.syntax.Conditional;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.ForExpr;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.GetAttr;
import io.github.packer2aib.core.hcl.syntax.HclPrinter;
import io.github.packer2aib.core.hcl.syntax.Index;
import io.github.packer2aib.core.hcl.syntax.IndexExpr;
import io.github.packer2aib.core.hcl.syntax.LegacyIndex;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.Parenthesized;
import io.github.packer2aib.core.hcl.syntax.RelativeTraversal;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.SplatExpr;
import io.github.packer2aib.core.hcl.syntax.SplatItem;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateFor;
import io.github.packer2aib.core.hcl.syntax.TemplateIf;
import io.github.packer2aib.core.hcl.syntax.TemplateInterpolation;
import io.github.packer2aib.core.hcl.syntax.TemplateLiteral;
import io.github.packer2aib.core.hcl.syntax.TemplatePart;
import io.github.packer2aib.core.hcl.syntax.Traverser;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.hcl.syntax.UnaryOp;
import io.github.packer2aib.core.hcl.syntax.UnaryOperator;
import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.NullValue;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.OperationException;
import io.github.packer2aib.core.hcl.value.Operations;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Strings;
import io.github.packer2aib.core.hcl.value.Templates;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Unify;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.hcl.value.WrittenSize;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One evaluation: walks an expression tree and computes its value with the semantics of HashiCorp's
 * {@code hclsyntax}, collecting diagnostics. Every node evaluates to a value; a node that fails
 * reports why and evaluates to an unknown of the best type known (carrying the marks of what it was
 * computed from), so its parents go on and report their own problems.
 */
final class Evaluation {
  final List<Diagnostic> diagnostics = new ArrayList<>();

  /** Told of every reference met and of every part that may go unevaluated; may be null. */
  private final ReferenceWatch watch;

  Evaluation() {
    this(null);
  }

  Evaluation(ReferenceWatch watch) {
    this.watch = watch;
  }

  Value eval(Expression e, EvalContext ctx) {
    if (e instanceof LiteralValue literal) {
      return literal(literal);
    }
    if (e instanceof TemplateExpr template) {
      return template(template, ctx);
    }
    if (e instanceof ScopeTraversal traversal) {
      return scopeTraversal(traversal, ctx);
    }
    if (e instanceof RelativeTraversal traversal) {
      return steps(eval(traversal.source(), ctx), traversal.traversers());
    }
    if (e instanceof SplatItem) {
      return ctx.splatItem().orElse(Value.unknown(Type.DYNAMIC));
    }
    if (e instanceof FunctionCall call) {
      if (watch != null && mayLeaveArgumentsUnevaluated(call, ctx)) {
        watch.partial();
      }
      return new Calls(this).call(call, ctx);
    }
    if (e instanceof Conditional conditional) {
      return conditional(conditional, ctx);
    }
    if (e instanceof BinaryOp binary) {
      return binary(binary, ctx);
    }
    if (e instanceof UnaryOp unary) {
      return unary(unary, ctx);
    }
    if (e instanceof Tuple tuple) {
      List<Expression> expressions = tuple.elements();
      List<Value> elements = new ArrayList<>(expressions.size());
      long size = 1; // WrittenSize, checked as the tuple grows: ["${local.big}1", …] makes each
      for (int i = 0, n = expressions.size(); i < n; i++) {
        Value element = eval(expressions.get(i), ctx);
        elements.add(element);
        size = WrittenSize.plus(size, WrittenSize.of(element));
        if (size > ctx.budget().maxString()) {
          valueTooLarge(tuple.range(), ctx);
          return unknown(Type.DYNAMIC, elements.toArray(new Value[0]));
        }
      }
      return Value.tuple(elements);
    }
    if (e instanceof ObjectCons object) {
      return object(object, ctx);
    }
    if (e instanceof ForExpr forExpr) {
      if (watch != null) {
        watch.partial(); // the body is not evaluated for an empty collection
      }
      return new ForExpressions(this).forExpr(forExpr, ctx);
    }
    if (e instanceof SplatExpr splat) {
      if (watch != null) {
        watch.partial();
      }
      return new Splats(this).splat(splat, ctx);
    }
    if (e instanceof IndexExpr index) {
      Value collection = eval(index.collection(), ctx);
      Value key = eval(index.key(), ctx);
      return Traversals.index(
          collection, key, Ranges.after(index.collection().range(), index.range()), diagnostics);
    }
    if (e instanceof Parenthesized parenthesized) {
      return eval(parenthesized.expression(), ctx);
    }
    throw new IllegalStateException("unknown expression " + e.getClass().getSimpleName());
  }

  /**
   * Whether a call may return without evaluating all its arguments and without an error: the
   * special forms, and a call whose expanded last argument is unknown.
   */
  private static boolean mayLeaveArgumentsUnevaluated(FunctionCall call, EvalContext ctx) {
    return call.expandFinal()
        || (ctx.functions() != null && ctx.functions().isSpecialForm(call.name()));
  }

  // ---- bookkeeping --------------------------------------------------------------------------

  void error(EvalCode code, Range subject, String detail) {
    diagnostics.add(Diagnostic.of(code, subject, detail));
  }

  boolean errorsSince(int mark) {
    for (int i = mark; i < diagnostics.size(); i++) {
      if (diagnostics.get(i).isError()) {
        return true;
      }
    }
    return false;
  }

  /** The deep marks of all the values: what a failed operation's unknown result carries. */
  static Set<Mark> marksOf(Value... values) {
    Set<Mark> marks = EnumSet.noneOf(Mark.class);
    for (Value v : values) {
      v.addDeepMarksTo(marks);
    }
    return marks;
  }

  static Value unknown(Type type, Value... from) {
    return Value.unknown(type).withMarks(marksOf(from));
  }

  // ---- literals and variables ---------------------------------------------------------------

  private Value literal(LiteralValue literal) {
    switch (literal.kind()) {
      case NUMBER:
        Optional<BigFloat> n = BigFloat.parse(literal.text());
        if (n.isEmpty()) {
          error(
              EvalCode.NUMBER_OUT_OF_RANGE,
              literal.range(),
              "The number "
                  + Excerpts.cut(literal.text(), 40)
                  + " is too large, too small or too precise to compute with. Write a number"
                  + " whose decimal exponent lies between -10000 and 10000, with at most 10000"
                  + " digits after its point.");
          return Value.unknown(Type.NUMBER);
        }
        return Value.number(n.get());
      case STRING:
        return Value.string(literal.text());
      case BOOL:
        return Value.bool(literal.bool());
      default:
        return Value.nullOf(Type.DYNAMIC);
    }
  }

  private Value scopeTraversal(ScopeTraversal traversal, EvalContext ctx) {
    if (watch != null) {
      watch.met(traversal);
    }
    if (!ctx.variablesAllowed()) {
      error(EvalCode.VARIABLES_NOT_ALLOWED, traversal.range(), "Variables may not be used here.");
      return Value.unknown(Type.DYNAMIC);
    }
    Value root = ctx.find(traversal.root());
    if (root == null) {
      error(
          EvalCode.UNKNOWN_VARIABLE,
          traversal.rootRange(),
          "There is no variable named \""
              + traversal.root()
              + "\"."
              + Names.didYouMean(traversal.root(), ctx.names()));
      return Value.unknown(Type.DYNAMIC);
    }
    return steps(root, traversal.traversers());
  }

  /** Applies static steps; the first failing step ends the traversal with an unknown. */
  private Value steps(Value value, List<Traverser> steps) {
    Value current = value;
    for (int i = 0, n = steps.size(); i < n; i++) {
      Traverser step = steps.get(i);
      int mark = diagnostics.size();
      if (step instanceof GetAttr attr) {
        current = Traversals.getAttr(current, attr.name(), attr.range(), diagnostics);
      } else if (step instanceof Index index) {
        current = Traversals.index(current, literal(index.key()), index.range(), diagnostics);
      } else {
        LegacyIndex legacy = (LegacyIndex) step;
        Value key =
            BigFloat.parse(legacy.index())
                .<Value>map(Value::number)
                .orElse(Value.unknown(Type.NUMBER));
        current = Traversals.index(current, key, legacy.range(), diagnostics);
      }
      if (errorsSince(mark)) {
        // The failed step's unknown result, of the best type known.
        return current;
      }
    }
    return current;
  }

  // ---- templates ----------------------------------------------------------------------------

  private Value template(TemplateExpr template, EvalContext ctx) {
    // TemplateExpr.unwrapped without its Optional (C1 allocates it for every template).
    List<TemplatePart> parts = template.parts();
    if (parts.size() == 1 && parts.get(0) instanceof TemplateInterpolation only) {
      return eval(only.expression(), ctx);
    }
    return templateParts(parts, ctx);
  }

  /** Literal text and interpolated values joined into a string (HCL's TemplateExpr). */
  Value templateParts(List<TemplatePart> parts, EvalContext ctx) {
    // The pieces are joined at the end into a builder of the exact size: one growing as it went
    // copied its text at every step (C1 keeps every one of those copies).
    String[] pieces = new String[parts.size()];
    Set<Mark> marks = null; // made for the first part that may carry marks
    boolean known = true;
    boolean failed = false;
    for (int i = 0, n = parts.size(); i < n; i++) {
      TemplatePart part = parts.get(i);
      if (part instanceof TemplateLiteral literal) {
        pieces[i] = literal.text();
        continue;
      }
      Value value;
      Range subject;
      int mark = diagnostics.size();
      if (part instanceof TemplateInterpolation interpolation) {
        value = eval(interpolation.expression(), ctx);
        subject = interpolation.expression().range();
      } else if (part instanceof TemplateIf directive) {
        value = templateIf(directive, ctx);
        subject = directive.range();
      } else {
        TemplateFor directive = (TemplateFor) part;
        if (watch != null) {
          watch.partial();
        }
        value = new ForExpressions(this).templateFor(directive, ctx);
        subject = directive.range();
      }
      if (errorsSince(mark)) {
        marks = withDeepMarks(marks, value);
        failed = true;
        continue;
      }
      if (value instanceof StringValue plain) {
        // The common case: a known string without marks is its own interpolation.
        pieces[i] = plain.value();
        continue;
      }
      marks = withDeepMarks(marks, value);
      try {
        Value s = Templates.interpolate(value).unmarked();
        if (s.isKnown()) {
          pieces[i] = s.asString();
        } else {
          known = false;
        }
      } catch (OperationException ex) {
        error(EvalCode.INVALID_TEMPLATE_INTERPOLATION, subject, ex.detail());
        failed = true;
      }
    }
    Set<Mark> found = marks == null ? Set.of() : marks;
    if (failed || !known) {
      return Value.unknown(Type.STRING).withMarks(found);
    }
    long length = 0;
    for (String piece : pieces) {
      length += piece.length();
    }
    if (length > ctx.budget().maxString()) {
      tooLarge(parts.get(0).range().to(parts.get(parts.size() - 1).range()), length, ctx);
      return Value.unknown(Type.STRING).withMarks(found);
    }
    return Value.string(joined(pieces)).withMarks(found);
  }

  /**
   * Reports a value that would hold more characters written out ({@link WrittenSize}) than a value
   * may: a collection, or a string found too long before it is made whole.
   */
  void valueTooLarge(Range subject, EvalContext ctx) {
    error(
        EvalCode.VALUE_TOO_LARGE,
        subject,
        String.format(
            java.util.Locale.ROOT,
            "This value would hold more than the %,d characters a value may hold once written out"
                + " (as much as file() reads), counting each string, key and element every time"
                + " it appears: 1,000 copies of a long string are 1,000 times its length. Repeat"
                + " large values fewer times, or use them where they are needed instead of"
                + " collecting them.",
            ctx.budget().maxString()));
  }

  /** Reports a string of {@code length} characters, more than a value may hold. */
  void tooLarge(Range subject, long length, EvalContext ctx) {
    error(
        EvalCode.VALUE_TOO_LARGE,
        subject,
        String.format(
            java.util.Locale.ROOT,
            "This string would be %,d characters long, more than the %,d a value may hold (as"
                + " much as file() reads); a template that needs more is doubling a value"
                + " somewhere.",
            length,
            ctx.budget().maxString()));
  }

  private static String joined(String[] pieces) {
    if (pieces.length == 1) {
      return pieces[0];
    }
    if (pieces.length == 2) {
      return pieces[0].concat(pieces[1]); // one exact copy, where a builder makes two
    }
    int length = 0;
    for (String piece : pieces) {
      length += piece.length();
    }
    StringBuilder text = new StringBuilder(length);
    for (String piece : pieces) {
      text.append(piece);
    }
    return text.toString();
  }

  /** {@code marks} (made if null) with the marks anywhere in {@code value} added. */
  private static Set<Mark> withDeepMarks(Set<Mark> marks, Value value) {
    Set<Mark> into = marks == null ? EnumSet.noneOf(Mark.class) : marks;
    value.addDeepMarksTo(into);
    return into;
  }

  private Value templateIf(TemplateIf directive, EvalContext ctx) {
    return choose(
        directive.condition(),
        new Branch(directive.thenParts(), directive.range()),
        new Branch(directive.elseParts(), directive.range()),
        ctx);
  }

  // ---- conditionals -------------------------------------------------------------------------

  /** A branch of a conditional: an expression, or the parts of a template directive. */
  private record Branch(Object body, Range range) {
    Branch(Expression e) {
      this(e, e.range());
    }
  }

  private Value branch(Branch b, EvalContext ctx) {
    if (b.body() instanceof Expression e) {
      return eval(e, ctx);
    }
    @SuppressWarnings("unchecked")
    List<TemplatePart> parts = (List<TemplatePart>) b.body();
    return templateParts(parts, ctx);
  }

  private Value conditional(Conditional c, EvalContext ctx) {
    return choose(c.condition(), new Branch(c.trueResult()), new Branch(c.falseResult()), ctx);
  }

  /**
   * HCL's conditional: both results are evaluated (only the chosen one's diagnostics are kept) and
   * unified to one type before the condition is looked at; the result carries the condition's
   * marks.
   */
  private Value choose(Expression condition, Branch whenTrue, Branch whenFalse, EvalContext ctx) {
    Evaluation trueEval = new Evaluation(watch);
    Value t = trueEval.branch(whenTrue, ctx);
    Evaluation falseEval = new Evaluation(watch);
    Value f = falseEval.branch(whenFalse, ctx);

    Type resultType;
    boolean convertTrue = false;
    boolean convertFalse = false;
    if (isUntypedNull(t)) {
      resultType = f.type();
      convertTrue = true;
    } else if (isUntypedNull(f)) {
      resultType = t.type();
      convertFalse = true;
    } else if (t.type() == Type.DYNAMIC || f.type() == Type.DYNAMIC) {
      resultType = Type.DYNAMIC;
    } else {
      Optional<Type> unified = Unify.unify(List.of(t.type(), f.type()), true);
      if (unified.isEmpty()) {
        error(
            EvalCode.INCONSISTENT_CONDITIONAL_TYPES,
            Ranges.between(whenTrue.range(), whenFalse.range()),
            "The true and false result expressions must have consistent types. The given"
                + " expressions are "
                + t.type().friendlyName()
                + " and "
                + f.type().friendlyName()
                + ", respectively.");
        // As in HCL the condition's problems are not reported, but its marks are kept.
        Value cond = new Evaluation().eval(condition, ctx);
        return unknown(Type.DYNAMIC, cond, t, f);
      }
      resultType = unified.get();
      convertTrue = !t.type().equals(resultType);
      convertFalse = !f.type().equals(resultType);
    }

    Value cond = eval(condition, ctx);
    Set<Mark> condMarks = cond.deepMarks();
    if (cond.isNull()) {
      error(
          EvalCode.NULL_CONDITION,
          condition.range(),
          "The condition value is null. Conditions must either be true or false.");
      return unknown(resultType, cond, t, f);
    }
    if (!cond.isKnown()) {
      // Either result may be the one: the unknown carries the marks of both.
      return unknown(resultType, cond, t, f);
    }
    Convert.Result asBool = Convert.to(Values.stripMarks(cond), Type.BOOL);
    if (!asBool.isOk()) {
      error(
          EvalCode.INCORRECT_CONDITION_TYPE,
          condition.range(),
          "The condition expression must be of type bool.");
      return unknown(resultType, cond, t, f);
    }
    if (!asBool.value().isKnown()) {
      return unknown(resultType, cond, t, f);
    }
    boolean which = asBool.value().asBoolean();
    Evaluation chosen = which ? trueEval : falseEval;
    Value result = which ? t : f;
    diagnostics.addAll(chosen.diagnostics);
    if (which ? convertTrue : convertFalse) {
      Convert.Result converted = Convert.to(result, resultType);
      if (!converted.isOk()) {
        error(
            EvalCode.INCONSISTENT_CONDITIONAL_TYPES,
            (which ? whenTrue : whenFalse).range(),
            "The "
                + (which ? "true" : "false")
                + " result value has the wrong type: "
                + ((Convert.Failed) converted).error()
                + ".");
        return unknown(resultType, cond, result);
      }
      result = converted.value();
    }
    return result.withMarks(condMarks);
  }

  /** The literal {@code null}: it converts to whatever type the other result has. */
  private static boolean isUntypedNull(Value v) {
    return v instanceof NullValue n && n.type() == Type.DYNAMIC;
  }

  // ---- operators ----------------------------------------------------------------------------

  /**
   * A chain of binary operators, {@code 1 + 2 + … + n}, which parses as {@code ((1 + 2) + …) + n}:
   * its left operands nest as deep as the chain is long, so they are followed with a loop, and the
   * operators applied from the innermost out, in the order the recursive evaluation had.
   */
  private Value binary(BinaryOp top, EvalContext ctx) {
    int mark = diagnostics.size();
    if (!(top.left() instanceof BinaryOp)) {
      Value left = eval(top.left(), ctx); // one operator, as most are: no stack
      return operate(top, left, eval(top.right(), ctx), mark);
    }
    Deque<BinaryOp> outer = new ArrayDeque<>();
    Expression e = top;
    while (e instanceof BinaryOp b) {
      outer.push(b);
      e = b.left();
    }
    Value result = eval(e, ctx);
    while (!outer.isEmpty()) {
      BinaryOp b = outer.pop();
      result = operate(b, result, eval(b.right(), ctx), mark);
    }
    return result;
  }

  /**
   * One operator applied to its evaluated operands; {@code mark} is where the diagnostics stood
   * before its left operand was evaluated (errors since then make the result unknown).
   */
  private Value operate(BinaryOp b, Value left, Value right, int mark) {
    BinaryOperator op = b.operator();
    if (op == BinaryOperator.EQUAL) {
      return Operations.equal(left, right);
    }
    if (op == BinaryOperator.NOT_EQUAL) {
      return Operations.notEqual(left, right);
    }
    Type operandType =
        op == BinaryOperator.AND || op == BinaryOperator.OR ? Type.BOOL : Type.NUMBER;
    Type resultType = isArithmetic(op) ? Type.NUMBER : Type.BOOL;
    checkOperand(left, operandType, "left", b.left().range());
    checkOperand(right, operandType, "right", b.right().range());
    if (errorsSince(mark)) {
      return unknown(resultType, left, right);
    }
    if (left.isNull() || right.isNull()) {
      error(
          EvalCode.OPERATION_FAILED,
          b.range(),
          "Error during operation: argument must not be null.");
      return unknown(resultType, left, right);
    }
    try {
      return apply(op, left, right);
    } catch (OperationException ex) {
      error(EvalCode.OPERATION_FAILED, b.range(), ex.detail());
      return unknown(resultType, left, right);
    }
  }

  private static boolean isArithmetic(BinaryOperator op) {
    return op == BinaryOperator.ADD
        || op == BinaryOperator.SUBTRACT
        || op == BinaryOperator.MULTIPLY
        || op == BinaryOperator.DIVIDE
        || op == BinaryOperator.MODULO;
  }

  private static Value apply(BinaryOperator op, Value l, Value r) throws OperationException {
    switch (op) {
      case OR:
        return Operations.or(l, r);
      case AND:
        return Operations.and(l, r);
      case GREATER_THAN:
        return Operations.greaterThan(l, r);
      case GREATER_THAN_OR_EQUAL:
        return Operations.greaterThanOrEqual(l, r);
      case LESS_THAN:
        return Operations.lessThan(l, r);
      case LESS_THAN_OR_EQUAL:
        return Operations.lessThanOrEqual(l, r);
      case ADD:
        return Operations.add(l, r);
      case SUBTRACT:
        return Operations.subtract(l, r);
      case MULTIPLY:
        return Operations.multiply(l, r);
      case DIVIDE:
        return Operations.divide(l, r);
      case MODULO:
        return Operations.modulo(l, r);
      default:
        throw new IllegalStateException("not an arithmetic, comparison or logic operator: " + op);
    }
  }

  private void checkOperand(Value v, Type want, String side, Range subject) {
    Convert.Result r = Convert.to(Values.stripMarks(v), want);
    if (!r.isOk()) {
      error(
          EvalCode.INVALID_OPERAND,
          subject,
          "Unsuitable value for " + side + " operand: " + ((Convert.Failed) r).error() + ".");
    }
  }

  private Value unary(UnaryOp u, EvalContext ctx) {
    int mark = diagnostics.size();
    Value operand = eval(u.operand(), ctx);
    Type type = u.operator() == UnaryOperator.NEGATE ? Type.NUMBER : Type.BOOL;
    checkOperand(operand, type, "unary", u.operand().range());
    if (errorsSince(mark)) {
      return unknown(type, operand);
    }
    if (operand.isNull()) {
      error(
          EvalCode.OPERATION_FAILED,
          u.range(),
          "Error during operation: argument must not be null.");
      return unknown(type, operand);
    }
    try {
      return u.operator() == UnaryOperator.NEGATE
          ? Operations.negate(operand)
          : Operations.not(operand);
    } catch (OperationException ex) {
      error(EvalCode.OPERATION_FAILED, u.range(), ex.detail());
      return unknown(type, operand);
    }
  }

  // ---- collections --------------------------------------------------------------------------

  /** {@code local.k = v} in an object: a reference or a name with periods? HCL asks to say. */
  private void ambiguousKey(Expression key) {
    String text = Excerpts.cut(HclPrinter.print(key), 60);
    error(
        EvalCode.AMBIGUOUS_ATTRIBUTE_KEY,
        key.range(),
        "This key could be a reference or a literal name. If it is meant as a reference, wrap it"
            + " in parentheses: ("
            + text
            + "). If it is meant as a name containing periods or brackets, quote it to make a"
            + " string: \""
            + text
            + "\".");
  }

  private Value object(ObjectCons object, EvalContext ctx) {
    // Sorted as the object keeps its attributes, so that it takes them over without comparing
    // keys again (TreeMap copies a map sorted by the same comparator in one linear pass).
    Map<String, Value> attributes = new TreeMap<>(Strings.CODE_POINT_ORDER);
    Map<String, Range> firstDefined = new HashMap<>();
    Set<String> sensitiveKeys = null; // the keys of firstDefined that came from sensitive values
    Set<Mark> marks = EnumSet.noneOf(Mark.class);
    List<Value> all = new ArrayList<>();
    boolean known = true;
    long size = 1; // WrittenSize, checked as the object grows (a duplicate key counts twice)
    for (ObjectItem item : object.items()) {
      Value key;
      int mark = diagnostics.size();
      Optional<String> literalName = item.literalName();
      if (item.hasAmbiguousKey()) {
        // As HCL's ObjectConsKeyExpr: refused when evaluated (not parsed), so try() can catch it.
        ambiguousKey(item.key());
        key = Value.unknown(Type.DYNAMIC);
      } else {
        // Not Optional.map/orElseGet: C1 allocates the capturing lambda for every item.
        key = literalName.isPresent() ? Value.string(literalName.get()) : eval(item.key(), ctx);
      }
      boolean keyFailed = errorsSince(mark);
      Value value = eval(item.value(), ctx);
      all.add(key);
      all.add(value);
      if (keyFailed) {
        known = false;
        continue;
      }
      if (key.isNull()) {
        error(EvalCode.NULL_OBJECT_KEY, item.key().range(), "Can't use a null value as a key.");
        known = false;
        continue;
      }
      key.addDeepMarksTo(marks);
      Convert.Result asString = Convert.to(Values.stripMarks(key), Type.STRING);
      if (!asString.isOk()) {
        error(
            EvalCode.INCORRECT_KEY_TYPE,
            item.key().range(),
            "Can't use this value as a key: " + ((Convert.Failed) asString).error() + ".");
        known = false;
        continue;
      }
      if (!asString.value().isKnown()) {
        known = false;
        continue;
      }
      String name = asString.value().asString();
      size = WrittenSize.plus(size, WrittenSize.plus(name.length(), WrittenSize.of(value)));
      if (size > ctx.budget().maxString()) {
        valueTooLarge(object.range(), ctx);
        return unknown(Type.DYNAMIC, all.toArray(new Value[0]));
      }
      boolean sensitive = key.containsSensitive();
      Range earlier = firstDefined.putIfAbsent(name, item.key().range());
      if (earlier == null) {
        if (sensitive) {
          // Made for the first sensitive key only: most objects have none.
          sensitiveKeys = sensitiveKeys == null ? new HashSet<>() : sensitiveKeys;
          sensitiveKeys.add(name);
        }
      } else {
        // Either key may be the secret: the other one has the same text.
        boolean hidden = sensitive || (sensitiveKeys != null && sensitiveKeys.contains(name));
        String already =
            hidden
                ? "A key was already defined at "
                    + earlier
                    + "; it comes from a sensitive value, which is not shown"
                : "The key \"" + name + "\" was already defined at " + earlier;
        if (object.uniqueKeys()) {
          // HCL's JSON syntax refuses the second key (its value is not taken), where an object
          // constructor of the native syntax keeps the last one.
          error(
              EvalCode.DUPLICATE_OBJECT_ATTRIBUTE,
              item.key().range(),
              already
                  + ". In HCL's JSON syntax each key of an object must name a different"
                  + " attribute; remove or rename one of them.");
          continue;
        }
        diagnostics.add(
            Diagnostic.of(
                EvalCode.DUPLICATE_OBJECT_KEY,
                item.key().range(),
                already + ". Packer keeps the last definition; remove the other one."));
      }
      attributes.put(name, value);
    }
    if (!known) {
      return unknown(Type.DYNAMIC, all.toArray(new Value[0]));
    }
    return new ObjectValue(attributes).withMarks(marks);
  }
}
