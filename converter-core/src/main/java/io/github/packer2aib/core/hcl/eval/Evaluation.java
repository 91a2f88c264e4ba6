package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.FunctionCode;
import io.github.packer2aib.core.hcl.function.FunctionException;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.function.HclFunction;
import io.github.packer2aib.core.hcl.function.LazyArgument;
import io.github.packer2aib.core.hcl.function.Parameter;
import io.github.packer2aib.core.hcl.function.SpecialForms;
import io.github.packer2aib.core.hcl.syntax.BinaryOp;
import io.github.packer2aib.core.hcl.syntax.BinaryOperator;
import io.github.packer2aib.core.hcl.syntax.Conditional;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.ForExpr;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.GetAttr;
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
import io.github.packer2aib.core.hcl.value.ListType;
import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.NullValue;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.OperationException;
import io.github.packer2aib.core.hcl.value.Operations;
import io.github.packer2aib.core.hcl.value.SetType;
import io.github.packer2aib.core.hcl.value.Templates;
import io.github.packer2aib.core.hcl.value.TupleType;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.TypeConstraint;
import io.github.packer2aib.core.hcl.value.Unify;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One evaluation: walks an expression tree and computes its value with the semantics of
 * HashiCorp's {@code hclsyntax}, collecting diagnostics. Every node evaluates to a value; a node
 * that fails reports why and evaluates to an unknown of the best type known (carrying the marks of
 * what it was computed from), so its parents go on and report their own problems.
 */
final class Evaluation {
  final List<Diagnostic> diagnostics = new ArrayList<>();

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
      return call(call, ctx);
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
      List<Value> elements = new ArrayList<>();
      for (Expression element : tuple.elements()) {
        elements.add(eval(element, ctx));
      }
      return Value.tuple(elements);
    }
    if (e instanceof ObjectCons object) {
      return object(object, ctx);
    }
    if (e instanceof ForExpr forExpr) {
      return forExpr(forExpr, ctx);
    }
    if (e instanceof SplatExpr splat) {
      return splat(splat, ctx);
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

  // ---- bookkeeping --------------------------------------------------------------------------

  private void error(EvalCode code, Range subject, String detail) {
    diagnostics.add(Diagnostic.of(code, subject, detail));
  }

  private boolean errorsSince(int mark) {
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
      marks.addAll(v.deepMarks());
    }
    return marks;
  }

  private static Value unknown(Type type, Value... from) {
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
                  + literal.text()
                  + " is too large or too small to compute with. Write a number whose decimal"
                  + " exponent lies between -10000 and 10000.");
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
    if (!ctx.variablesAllowed()) {
      error(EvalCode.VARIABLES_NOT_ALLOWED, traversal.range(), "Variables may not be used here.");
      return Value.unknown(Type.DYNAMIC);
    }
    Optional<Value> root = ctx.lookup(traversal.root());
    if (root.isEmpty()) {
      error(
          EvalCode.UNKNOWN_VARIABLE,
          traversal.rootRange(),
          "There is no variable named \""
              + traversal.root()
              + "\"."
              + Names.didYouMean(traversal.root(), ctx.names()));
      return Value.unknown(Type.DYNAMIC);
    }
    return steps(root.get(), traversal.traversers());
  }

  /** Applies static steps; the first failing step ends the traversal with an unknown. */
  private Value steps(Value value, List<Traverser> steps) {
    Value current = value;
    for (Traverser step : steps) {
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
    Optional<Expression> unwrapped = template.unwrapped();
    if (unwrapped.isPresent()) {
      return eval(unwrapped.get(), ctx);
    }
    return templateParts(template.parts(), ctx);
  }

  /** Literal text and interpolated values joined into a string (HCL's TemplateExpr). */
  private Value templateParts(List<TemplatePart> parts, EvalContext ctx) {
    StringBuilder text = new StringBuilder();
    Set<Mark> marks = EnumSet.noneOf(Mark.class);
    boolean known = true;
    boolean failed = false;
    for (TemplatePart part : parts) {
      if (part instanceof TemplateLiteral literal) {
        text.append(literal.text());
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
        value = templateFor(directive, ctx);
        subject = directive.range();
      }
      marks.addAll(value.deepMarks());
      if (errorsSince(mark)) {
        failed = true;
        continue;
      }
      try {
        Value s = Templates.interpolate(value).unmarked();
        if (s.isKnown()) {
          text.append(s.asString());
        } else {
          known = false;
        }
      } catch (OperationException ex) {
        error(EvalCode.INVALID_TEMPLATE_INTERPOLATION, subject, ex.detail());
        failed = true;
      }
    }
    if (failed || !known) {
      return Value.unknown(Type.STRING).withMarks(marks);
    }
    return Value.string(text.toString()).withMarks(marks);
  }

  private Value templateIf(TemplateIf directive, EvalContext ctx) {
    return choose(
        directive.condition(),
        new Branch(directive.thenParts(), directive.range()),
        new Branch(directive.elseParts(), directive.range()),
        ctx);
  }

  private Value templateFor(TemplateFor directive, EvalContext ctx) {
    Value collection = eval(directive.collection(), ctx);
    Range subject = directive.collection().range();
    Optional<Value> problem = checkIterable(collection, subject, Type.STRING);
    if (problem.isPresent()) {
      return problem.get();
    }
    if (!collection.isKnown()) {
      return unknown(Type.STRING, collection);
    }
    Value.Unmarked um = collection.unmark();
    Set<Mark> marks = EnumSet.noneOf(Mark.class);
    marks.addAll(um.marks());
    StringBuilder text = new StringBuilder();
    boolean known = true;
    boolean failed = false;
    for (Value[] pair : Iteration.pairs(um.value())) {
      EvalContext child = ctx.child(symbols(directive.keyVariable(), directive.valueVariable(), pair));
      int mark = diagnostics.size();
      Value body = templateParts(directive.bodyParts(), child);
      marks.addAll(body.deepMarks());
      if (errorsSince(mark)) {
        failed = true;
      } else if (body.isKnown()) {
        text.append(body.unmarked().asString());
      } else {
        known = false;
      }
    }
    if (failed || !known) {
      return Value.unknown(Type.STRING).withMarks(marks);
    }
    return Value.string(text.toString()).withMarks(marks);
  }

  /**
   * Null, unknown-typed and non-iterable collections of {@code for}: the value to return
   * instead of iterating (reporting the errors), or empty when the collection can be iterated.
   */
  private Optional<Value> checkIterable(Value collection, Range subject, Type resultType) {
    if (collection.isNull()) {
      error(
          EvalCode.NULL_ITERATION,
          subject,
          "A null value cannot be used as the collection in a 'for' expression.");
      return Optional.of(unknown(resultType, collection));
    }
    if (collection.type() == Type.DYNAMIC) {
      return Optional.of(unknown(resultType, collection));
    }
    if (!Iteration.canIterate(collection.type())) {
      error(
          EvalCode.NON_ITERABLE,
          subject,
          "A value of type "
              + collection.type().friendlyName()
              + " cannot be used as the collection in a 'for' expression.");
      return Optional.of(unknown(resultType, collection));
    }
    return Optional.empty();
  }

  private static Map<String, Value> symbols(
      Optional<String> keyVariable, String valueVariable, Value[] pair) {
    Map<String, Value> m = new LinkedHashMap<>();
    keyVariable.ifPresent(k -> m.put(k, pair[0]));
    m.put(valueVariable, pair[1]);
    return m;
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
    Evaluation trueEval = new Evaluation();
    Value t = trueEval.branch(whenTrue, ctx);
    Evaluation falseEval = new Evaluation();
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
        return unknown(Type.DYNAMIC, t, f);
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

  private Value binary(BinaryOp b, EvalContext ctx) {
    int mark = diagnostics.size();
    Value left = eval(b.left(), ctx);
    Value right = eval(b.right(), ctx);
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

  private Value object(ObjectCons object, EvalContext ctx) {
    Map<String, Value> attributes = new TreeMap<>();
    Map<String, Range> firstDefined = new TreeMap<>();
    Set<Mark> marks = EnumSet.noneOf(Mark.class);
    List<Value> all = new ArrayList<>();
    boolean known = true;
    for (ObjectItem item : object.items()) {
      Value key;
      int mark = diagnostics.size();
      Optional<String> literalName = item.literalName();
      key = literalName.<Value>map(Value::string).orElseGet(() -> eval(item.key(), ctx));
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
      marks.addAll(key.deepMarks());
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
      Range earlier = firstDefined.putIfAbsent(name, item.key().range());
      if (earlier != null) {
        diagnostics.add(
            Diagnostic.of(
                EvalCode.DUPLICATE_OBJECT_KEY,
                item.key().range(),
                "The key \""
                    + name
                    + "\" was already defined at "
                    + earlier
                    + ". Packer keeps the last definition; remove the other one."));
      }
      attributes.put(name, value);
    }
    if (!known) {
      return unknown(Type.DYNAMIC, all.toArray(new Value[0]));
    }
    return new ObjectValue(attributes).withMarks(marks);
  }

  private Value forExpr(ForExpr e, EvalContext ctx) {
    Value collection = eval(e.collection(), ctx);
    Optional<Value> problem = checkIterable(collection, e.collection().range(), Type.DYNAMIC);
    if (problem.isPresent()) {
      return problem.get();
    }
    Set<Mark> marks = EnumSet.noneOf(Mark.class);
    // An early look at the condition with unknown symbols catches a wrong type once rather than
    // once per element.
    if (e.condition().isPresent()) {
      Expression condition = e.condition().get();
      Map<String, Value> unknowns = new LinkedHashMap<>();
      e.keyVariable().ifPresent(k -> unknowns.put(k, Value.unknown(Type.DYNAMIC)));
      unknowns.put(e.valueVariable(), Value.unknown(Type.DYNAMIC));
      int mark = diagnostics.size();
      Value result = eval(condition, ctx.child(unknowns));
      if (result.isNull()) {
        error(
            EvalCode.NULL_FOR_CONDITION,
            condition.range(),
            "The value of the 'if' clause must not be null.");
        return unknown(Type.DYNAMIC, collection);
      }
      Convert.Result asBool = Convert.to(Values.stripMarks(result), Type.BOOL);
      if (!asBool.isOk()) {
        error(
            EvalCode.INVALID_FOR_CONDITION,
            condition.range(),
            "The 'if' clause value is invalid: " + ((Convert.Failed) asBool).error() + ".");
        return unknown(Type.DYNAMIC, collection);
      }
      if (errorsSince(mark)) {
        return unknown(Type.DYNAMIC, collection);
      }
      marks.addAll(result.deepMarks());
    }
    if (!collection.isKnown()) {
      return unknown(Type.DYNAMIC, collection).withMarks(marks);
    }

    Value.Unmarked um = collection.unmark();
    marks.addAll(um.marks());
    boolean known = true;
    boolean failed = false;
    List<Value> tupleElements = new ArrayList<>();
    Map<String, Value> attributes = new TreeMap<>();
    Map<String, List<Value>> groups = new LinkedHashMap<>();
    for (Value[] pair : Iteration.pairs(um.value())) {
      EvalContext child = ctx.child(symbols(e.keyVariable(), e.valueVariable(), pair));
      if (e.condition().isPresent()) {
        Expression condition = e.condition().get();
        Value include = eval(condition, child);
        if (include.isNull()) {
          if (known) {
            error(
                EvalCode.INVALID_FOR_CONDITION,
                condition.range(),
                "The value of the 'if' clause must not be null.");
          }
          known = false;
          continue;
        }
        Convert.Result asBool = Convert.to(Values.stripMarks(include), Type.BOOL);
        if (!asBool.isOk()) {
          if (known) {
            error(
                EvalCode.INVALID_FOR_CONDITION,
                condition.range(),
                "The 'if' clause value is invalid: " + ((Convert.Failed) asBool).error() + ".");
          }
          known = false;
          continue;
        }
        marks.addAll(include.deepMarks());
        if (!asBool.value().isKnown()) {
          known = false;
          continue;
        }
        if (!asBool.value().asBoolean()) {
          continue;
        }
      }
      if (e.keyExpr().isEmpty()) {
        tupleElements.add(eval(e.valueExpr(), child));
        continue;
      }
      Expression keyExpr = e.keyExpr().get();
      Value keyRaw = eval(keyExpr, child);
      marks.addAll(keyRaw.deepMarks());
      if (keyRaw.isNull()) {
        if (known) {
          error(
              EvalCode.INVALID_FOR_KEY,
              keyExpr.range(),
              "Key expression in 'for' expression must not produce a null value.");
        }
        known = false;
        continue;
      }
      if (!keyRaw.isKnown()) {
        known = false;
        continue;
      }
      Convert.Result key = Convert.to(Values.stripMarks(keyRaw), Type.STRING);
      if (!key.isOk()) {
        if (known) {
          error(
              EvalCode.INVALID_FOR_KEY,
              keyExpr.range(),
              "The key expression produced an invalid result: "
                  + ((Convert.Failed) key).error()
                  + ".");
        }
        known = false;
        continue;
      }
      if (!key.value().isKnown()) {
        known = false;
        continue;
      }
      String name = key.value().asString();
      Value value = eval(e.valueExpr(), child);
      if (e.grouping()) {
        groups.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else if (attributes.containsKey(name)) {
        error(
            EvalCode.DUPLICATE_FOR_KEY,
            keyExpr.range(),
            "Two different items produced the key \""
                + name
                + "\" in this 'for' expression. If duplicates are expected, use the ellipsis"
                + " (...) after the value expression to enable grouping by key.");
        failed = true;
      } else {
        attributes.put(name, value);
      }
    }
    if (!known || failed) {
      return Value.unknown(Type.DYNAMIC).withMarks(marks);
    }
    if (e.keyExpr().isEmpty()) {
      return Value.tuple(tupleElements).withMarks(marks);
    }
    if (e.grouping()) {
      groups.forEach((k, vs) -> attributes.put(k, Value.tuple(vs)));
    }
    return new ObjectValue(attributes).withMarks(marks);
  }

  // ---- splats -------------------------------------------------------------------------------

  private Value splat(SplatExpr s, EvalContext ctx) {
    int start = diagnostics.size();
    Value source = eval(s.source(), ctx);
    if (errorsSince(start)) {
      return unknown(Type.DYNAMIC, source);
    }
    Type sourceType = source.type();
    boolean sequence =
        sourceType instanceof TupleType
            || sourceType instanceof ListType
            || sourceType instanceof SetType;
    if (source.isNull()) {
      if (!sequence) {
        return Value.tuple().withMarks(source.marks());
      }
      error(
          EvalCode.NULL_SPLAT,
          s.source().range(),
          "Splat expressions (with the * symbol) cannot be applied to null sequences.");
      return unknown(Type.DYNAMIC, source);
    }
    if (sourceType == Type.DYNAMIC) {
      // It may be a list or a single value: nothing is known of the result.
      return unknown(Type.DYNAMIC, source);
    }
    if (!sequence) {
      source = Value.tuple(source);
      sourceType = source.type();
    }
    if (!source.isKnown()) {
      return Value.unknown(resultType(s, sourceType, ctx, this)).withMarks(source.marks());
    }
    Value.Unmarked um = source.unmark();
    List<Value> values = new ArrayList<>();
    boolean known = true;
    for (Value item : um.value().elements()) {
      int mark = diagnostics.size();
      values.add(eval(s.each(), ctx.withSplatItem(item)));
      if (errorsSince(mark)) {
        known = false;
      }
    }
    if (!known) {
      Type t = resultType(s, sourceType, ctx, new Evaluation());
      return Value.unknown(t).withMarks(marksOf(values.toArray(new Value[0]))).withMarks(um.marks());
    }
    if (sourceType instanceof TupleType) {
      return Value.tuple(values).withMarks(um.marks());
    }
    if (values.isEmpty()) {
      Type t = resultType(s, sourceType, ctx, this);
      return new ListValue(Traversals.elementType(t), List.of()).withMarks(um.marks());
    }
    return list(values).withMarks(um.marks());
  }

  /** The elements as a list; a tuple when they have no common type (cannot happen in HCL). */
  private static Value list(List<Value> values) {
    List<Type> types = new ArrayList<>();
    for (Value v : values) {
      types.add(v.type());
    }
    Optional<Type> common = Unify.unify(types, true);
    if (common.isPresent()) {
      List<Value> converted = new ArrayList<>();
      for (Value v : values) {
        Convert.Result r = Convert.to(v, common.get());
        if (!r.isOk()) {
          return Value.tuple(values);
        }
        converted.add(r.value());
      }
      return new ListValue(common.get(), converted);
    }
    return Value.tuple(values);
  }

  /** The type a splat would produce, found by applying it to unknown elements. */
  private Type resultType(SplatExpr s, Type sourceType, EvalContext ctx, Evaluation sink) {
    if (sourceType instanceof TupleType tuple) {
      List<Type> types = new ArrayList<>();
      for (Type t : tuple.elements()) {
        types.add(sink.eval(s.each(), ctx.withSplatItem(Value.unknown(t))).type());
      }
      return Type.tuple(types);
    }
    Type element = Traversals.elementType(sourceType);
    return Type.list(sink.eval(s.each(), ctx.withSplatItem(Value.unknown(element))).type());
  }

  // ---- function calls -----------------------------------------------------------------------

  private Value call(FunctionCall call, EvalContext ctx) {
    FunctionRegistry registry = ctx.functions();
    String name = call.name();
    if (registry == null) {
      error(EvalCode.FUNCTIONS_NOT_ALLOWED, call.range(), "Functions may not be called here.");
      return Value.unknown(Type.DYNAMIC);
    }
    if (registry.isSpecialForm(name)) {
      return specialForm(call, ctx);
    }
    Optional<HclFunction> found = registry.lookup(name);
    if (found.isEmpty()) {
      if (name.equals("templatefile") && ctx.isInsideTemplateFile()) {
        diagnostics.add(
            FunctionException.call(
                    "cannot recursively call templatefile from inside templatefile call")
                .toDiagnostic(name, null, call.range()));
      } else {
        diagnostics.add(registry.unknownFunction(name).toDiagnostic(name, null, call.nameRange()));
      }
      return Value.unknown(Type.DYNAMIC);
    }
    HclFunction f = found.get();
    List<Parameter> params = f.parameters();
    boolean variadic = f.variadic().isPresent();

    // Arguments: expressions, with the final one's elements spread out when it ends with "...".
    List<Expression> expressions = new ArrayList<>(call.arguments());
    List<Value> spread = null;
    Range spreadRange = null;
    if (call.expandFinal() && !expressions.isEmpty()) {
      Expression last = expressions.remove(expressions.size() - 1);
      int mark = diagnostics.size();
      Value expand = eval(last, ctx);
      if (errorsSince(mark)) {
        return unknown(Type.DYNAMIC, expand);
      }
      Type t = expand.type();
      boolean sequence = t instanceof TupleType || t instanceof ListType || t instanceof SetType;
      if (t != Type.DYNAMIC && !sequence) {
        error(
            EvalCode.INVALID_EXPANDING_ARGUMENT,
            last.range(),
            "The expanding argument (indicated by ...) must be of a tuple, list, or set type.");
        return unknown(Type.DYNAMIC, expand);
      }
      if (expand.isNull()) {
        error(
            EvalCode.INVALID_EXPANDING_ARGUMENT,
            last.range(),
            "The expanding argument (indicated by ...) must not be null.");
        return unknown(Type.DYNAMIC, expand);
      }
      if (t == Type.DYNAMIC || !expand.isKnown()) {
        return unknown(Type.DYNAMIC, expand);
      }
      Value.Unmarked um = expand.unmark();
      spread = new ArrayList<>();
      for (Value element : um.value().elements()) {
        spread.add(element.withMarks(um.marks()));
      }
      spreadRange = last.range();
    }
    int count = expressions.size() + (spread == null ? 0 : spread.size());
    if (count < params.size()) {
      diagnostics.add(
          new FunctionException(
                  FunctionCode.NOT_ENOUGH_ARGUMENTS,
                  -1,
                  "Function \""
                      + name
                      + "\" expects"
                      + (variadic ? " at least " : " ")
                      + params.size()
                      + " argument(s). Missing value for \""
                      + params.get(count).name()
                      + "\"")
              .toDiagnostic(name, null, Ranges.lastCharacter(call.range())));
      return Value.unknown(Type.DYNAMIC);
    }
    List<Range> ranges = new ArrayList<>();
    for (Expression e : expressions) {
      ranges.add(e.range());
    }
    for (int i = 0; spread != null && i < spread.size(); i++) {
      ranges.add(spreadRange);
    }
    if (!variadic && count > params.size()) {
      diagnostics.add(
          new FunctionException(
                  FunctionCode.TOO_MANY_ARGUMENTS,
                  params.size(),
                  "Function \"" + name + "\" expects only " + params.size() + " argument(s)")
              .toDiagnostic(name, null, ranges.get(params.size())));
      return Value.unknown(Type.DYNAMIC);
    }

    int mark = diagnostics.size();
    List<Value> args = new ArrayList<>();
    for (Expression e : expressions) {
      args.add(eval(e, ctx));
    }
    if (spread != null) {
      args.addAll(spread);
    }
    for (int i = 0; i < args.size(); i++) {
      Parameter p = i < params.size() ? params.get(i) : f.variadic().get();
      Convert.Result r = Convert.to(Values.stripMarks(args.get(i)), p.type());
      if (!r.isOk()) {
        diagnostics.add(
            FunctionException.arg(i, ((Convert.Failed) r).error().toString())
                .toDiagnostic(name, p.name(), ranges.get(i)));
      }
    }
    Value[] all = args.toArray(new Value[0]);
    if (errorsSince(mark)) {
      return unknown(Type.DYNAMIC, all);
    }
    try {
      return f.call(args);
    } catch (FunctionException ex) {
      int i = ex.argIndex();
      Range subject = i >= 0 && i < ranges.size() ? ranges.get(i) : call.range();
      diagnostics.add(ex.toDiagnostic(name, f.parameterName(i), subject));
      return unknown(Type.DYNAMIC, all);
    } catch (RuntimeException bug) {
      // A function must report bad arguments as FunctionExceptions; anything else is its bug,
      // but bad input still must not stop the whole evaluation.
      diagnostics.add(
          FunctionException.call("internal error: " + bug)
              .toDiagnostic(name, null, call.range()));
      return unknown(Type.DYNAMIC, all);
    }
  }

  private Value specialForm(FunctionCall call, EvalContext ctx) {
    String name = call.name();
    List<Expression> arguments = call.arguments();
    try {
      switch (name) {
        case "try":
          return SpecialForms.tryEach(lazy(arguments, ctx));
        case "can":
          return SpecialForms.can(lazy(arguments, ctx));
        default:
          return convertCall(call, ctx);
      }
    } catch (FunctionException ex) {
      int i = ex.argIndex();
      Range subject = i >= 0 && i < arguments.size() ? arguments.get(i).range() : call.range();
      String parameter = name.equals("convert") ? (i == 0 ? "value" : "type") : "expression";
      diagnostics.add(ex.toDiagnostic(name, i >= 0 ? parameter : null, subject));
      return Value.unknown(name.equals("can") ? Type.BOOL : Type.DYNAMIC);
    }
  }

  private Value convertCall(FunctionCall call, EvalContext ctx) throws FunctionException {
    List<Expression> arguments = call.arguments();
    if (arguments.size() < 2) {
      diagnostics.add(
          new FunctionException(
                  FunctionCode.NOT_ENOUGH_ARGUMENTS,
                  -1,
                  "Function \"convert\" expects 2 argument(s). Missing value for \""
                      + (arguments.isEmpty() ? "value" : "type")
                      + "\"")
              .toDiagnostic("convert", null, Ranges.lastCharacter(call.range())));
      return Value.unknown(Type.DYNAMIC);
    }
    if (arguments.size() > 2) {
      diagnostics.add(
          new FunctionException(
                  FunctionCode.TOO_MANY_ARGUMENTS, 2, "Function \"convert\" expects only 2 argument(s)")
              .toDiagnostic("convert", null, arguments.get(2).range()));
      return Value.unknown(Type.DYNAMIC);
    }
    int mark = diagnostics.size();
    Value value = eval(arguments.get(0), ctx);
    TypeConstraintResult type = TypeExpressions.read(arguments.get(1));
    diagnostics.addAll(type.diagnostics());
    if (errorsSince(mark) || type.constraint().isEmpty()) {
      return unknown(
          type.constraint().map(TypeConstraint::type).orElse(Type.DYNAMIC), value);
    }
    return SpecialForms.convert(value, type.constraint().get());
  }

  /** Arguments of {@code try} and {@code can}: evaluated only when asked. */
  private static List<LazyArgument> lazy(List<Expression> arguments, EvalContext ctx) {
    List<LazyArgument> out = new ArrayList<>();
    for (Expression e : arguments) {
      out.add(new Lazy(e, ctx));
    }
    return out;
  }

  private record Lazy(Expression expression, EvalContext ctx) implements LazyArgument {
    @Override
    public Outcome evaluate() {
      Evaluation evaluation = new Evaluation();
      Value v = evaluation.eval(expression, ctx);
      List<Problem> problems = new ArrayList<>();
      for (Diagnostic d : evaluation.diagnostics) {
        if (d.isError()) {
          problems.add(
              new Problem(d.summary(), d.detail(), d.subject().map(Ranges::hcl)));
        }
      }
      return problems.isEmpty() ? new Success(v) : new Failure(problems);
    }

    @Override
    public boolean dependsOnUnknowns() {
      for (ScopeTraversal reference : References.of(expression)) {
        Evaluation evaluation = new Evaluation();
        Value v = evaluation.eval(reference, ctx);
        if (!evaluation.errorsSince(0) && !v.isWhollyKnown()) {
          return true;
        }
      }
      return false;
    }
  }
}
