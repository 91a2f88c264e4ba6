package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.FunctionCode;
import io.github.packer2aib.core.hcl.function.FunctionException;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.function.HclFunction;
import io.github.packer2aib.core.hcl.function.LazyArgument;
import io.github.packer2aib.core.hcl.function.Parameter;
import io.github.packer2aib.core.hcl.function.RegexBudget;
import io.github.packer2aib.core.hcl.function.SpecialForms;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.ListType;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.SetType;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.TupleType;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.TypeConstraint;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.hcl.value.WrittenSize;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Function calls as HCL's {@code FunctionCallExpr} evaluates them: the function is looked up (with
 * a "did you mean" for unknown names), a final {@code args...} is spread into arguments, the arity
 * is checked before any argument is evaluated, every argument is converted to its parameter's type
 * (all mismatches are reported) and only then is the function called. {@code try}, {@code can} and
 * {@code convert} are special forms with unevaluated arguments.
 */
final class Calls {
  private final Evaluation ev;

  Calls(Evaluation ev) {
    this.ev = ev;
  }

  Value call(FunctionCall call, EvalContext ctx) {
    FunctionRegistry registry = ctx.functions();
    String name = call.name();
    if (registry == null) {
      ev.error(EvalCode.FUNCTIONS_NOT_ALLOWED, call.range(), "Functions may not be called here.");
      return Value.unknown(Type.DYNAMIC);
    }
    if (registry.isSpecialForm(name)) {
      return specialForm(call, ctx);
    }
    Optional<HclFunction> found = registry.lookup(name);
    if (found.isEmpty()) {
      if (name.equals("templatefile") && ctx.isInsideTemplateFile()) {
        ev.diagnostics.add(
            FunctionException.call(
                    "cannot recursively call templatefile from inside templatefile call")
                .toDiagnostic(name, null, call.range()));
      } else {
        ev.diagnostics.add(
            registry.unknownFunction(name).toDiagnostic(name, null, call.nameRange()));
      }
      return unknownFrom(call, ctx);
    }
    HclFunction f = found.get();
    List<Parameter> params = f.parameters();
    boolean variadic = f.variadic().isPresent();

    // Arguments: expressions, with the final one's elements spread out when it ends with "...".
    List<Expression> expressions = new ArrayList<>(call.arguments());
    List<Value> spread = null;
    Range spreadRange = null;
    // The marks of the expanded collection itself: an empty one gives no element to carry them,
    // and [for x in l : x if s == p]... says whether s equals p.
    Set<Mark> spreadMarks = Set.of();
    if (call.expandFinal() && !expressions.isEmpty()) {
      Expression last = expressions.remove(expressions.size() - 1);
      int mark = ev.diagnostics.size();
      Value expand = ev.eval(last, ctx);
      if (ev.errorsSince(mark)) {
        return Evaluation.unknown(Type.DYNAMIC, expand);
      }
      Type t = expand.type();
      boolean sequence = t instanceof TupleType || t instanceof ListType || t instanceof SetType;
      if (t != Type.DYNAMIC && !sequence) {
        ev.error(
            EvalCode.INVALID_EXPANDING_ARGUMENT,
            last.range(),
            "The expanding argument (indicated by ...) must be of a tuple, list, or set type.");
        return Evaluation.unknown(Type.DYNAMIC, expand);
      }
      if (expand.isNull()) {
        ev.error(
            EvalCode.INVALID_EXPANDING_ARGUMENT,
            last.range(),
            "The expanding argument (indicated by ...) must not be null.");
        return Evaluation.unknown(Type.DYNAMIC, expand);
      }
      if (t == Type.DYNAMIC || !expand.isKnown()) {
        return Evaluation.unknown(Type.DYNAMIC, expand);
      }
      Value.Unmarked um = expand.unmark();
      spreadMarks = um.marks();
      spread = new ArrayList<>();
      for (Value element : um.value().elements()) {
        spread.add(element.withMarks(um.marks()));
      }
      spreadRange = last.range();
    }
    int count = expressions.size() + (spread == null ? 0 : spread.size());
    if (count < params.size()) {
      ev.diagnostics.add(
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
      return unknownFrom(call, ctx).withMarks(spreadMarks);
    }
    List<Range> ranges = new ArrayList<>();
    for (Expression e : expressions) {
      ranges.add(e.range());
    }
    for (int i = 0; spread != null && i < spread.size(); i++) {
      ranges.add(spreadRange);
    }
    if (!variadic && count > params.size()) {
      ev.diagnostics.add(
          new FunctionException(
                  FunctionCode.TOO_MANY_ARGUMENTS,
                  params.size(),
                  "Function \"" + name + "\" expects only " + params.size() + " argument(s)")
              .toDiagnostic(name, null, ranges.get(params.size())));
      return unknownFrom(call, ctx).withMarks(spreadMarks);
    }

    int mark = ev.diagnostics.size();
    List<Value> args = new ArrayList<>(count);
    // Each argument is evaluated and then converted before the next, as HCL does, so that the
    // problems come in HCL's order: a wrong first argument before an error inside the second.
    for (int i = 0; i < count; i++) {
      Value arg =
          i < expressions.size()
              ? ev.eval(expressions.get(i), ctx)
              : spread.get(i - expressions.size());
      args.add(arg);
      Parameter p = i < params.size() ? params.get(i) : f.variadic().get();
      Convert.Result r = Convert.to(Values.stripMarks(arg), p.type());
      if (!r.isOk()) {
        ev.diagnostics.add(
            FunctionException.arg(i, ((Convert.Failed) r).error().toString())
                .toDiagnostic(name, p.name(), ranges.get(i)));
      }
    }
    Value[] all = args.toArray(new Value[0]);
    if (ev.errorsSince(mark)) {
      return Evaluation.unknown(Type.DYNAMIC, all).withMarks(spreadMarks);
    }
    // The template's regular expressions share one budget: the functions are shared by every
    // template, so it is put where they find it for the call. Only around the functions that
    // spend it: a thread-local's set and removal around every evaluation cost 1% of a bulk run.
    try (RegexBudget.Scope regex =
        RegexBudget.isSpentBy(name) ? ctx.budget().regex().use() : RegexBudget.NONE) {
      Value result = f.call(args);
      if (result instanceof StringValue text) {
        if (text.value().length() > ctx.budget().maxString()) {
          ev.tooLarge(call.range(), text.value().length(), ctx);
          return Evaluation.unknown(Type.STRING, all).withMarks(spreadMarks);
        }
      } else if (WrittenSize.of(result) > ctx.budget().maxString()) {
        // concat, flatten, chunklist … of references to long strings: small here, not written.
        ev.valueTooLarge(call.range(), ctx);
        return Evaluation.unknown(Type.DYNAMIC, all).withMarks(spreadMarks);
      }
      return spreadMarks.isEmpty() ? result : result.withMarks(spreadMarks);
    } catch (FunctionException ex) {
      int i = ex.argIndex();
      Range subject = i >= 0 && i < ranges.size() ? ranges.get(i) : call.range();
      ev.diagnostics.add(ex.toDiagnostic(name, f.parameterName(i), subject));
      return Evaluation.unknown(Type.DYNAMIC, all).withMarks(spreadMarks);
    } catch (RuntimeException bug) {
      // A function must report bad arguments as FunctionExceptions; anything else is its bug,
      // but bad input still must not stop the whole evaluation.
      ev.diagnostics.add(
          FunctionException.call("internal error: " + bug).toDiagnostic(name, null, call.range()));
      return Evaluation.unknown(Type.DYNAMIC, all).withMarks(spreadMarks);
    }
  }

  /**
   * The unknown result of a call that failed before its arguments were evaluated (as HCL does,
   * their problems are not reported), with the marks the arguments would have given it.
   */
  private static Value unknownFrom(FunctionCall call, EvalContext ctx) {
    return unknownFrom(call, ctx, Type.DYNAMIC);
  }

  private static Value unknownFrom(FunctionCall call, EvalContext ctx, Type type) {
    Evaluation scratch = new Evaluation();
    Set<Mark> marks = EnumSet.noneOf(Mark.class);
    for (Expression argument : call.arguments()) {
      scratch.eval(argument, ctx).addDeepMarksTo(marks);
    }
    return Value.unknown(type).withMarks(marks);
  }

  private Value specialForm(FunctionCall call, EvalContext ctx) {
    String name = call.name();
    List<Expression> arguments = call.arguments();
    List<Lazy> lazies = new ArrayList<>();
    for (Expression e : arguments) {
      lazies.add(new Lazy(e, ctx));
    }
    try {
      switch (name) {
        case "try":
          return SpecialForms.tryEach(List.copyOf(lazies));
        case "can":
          return SpecialForms.can(List.copyOf(lazies));
        default:
          return convertCall(call, ctx);
      }
    } catch (FunctionException ex) {
      int i = ex.argIndex();
      Range subject = i >= 0 && i < arguments.size() ? arguments.get(i).range() : call.range();
      String parameter = name.equals("convert") ? (i == 0 ? "value" : "type") : "expression";
      ev.diagnostics.add(ex.toDiagnostic(name, i >= 0 ? parameter : null, subject));
      if (name.equals("convert")) {
        return unknownFrom(call, ctx);
      }
      // The arguments were evaluated (and failed): their results' marks go to the unknown.
      Set<Mark> marks = EnumSet.noneOf(Mark.class);
      lazies.forEach(l -> marks.addAll(l.marks));
      return Value.unknown(name.equals("can") ? Type.BOOL : Type.DYNAMIC).withMarks(marks);
    }
  }

  private Value convertCall(FunctionCall call, EvalContext ctx) throws FunctionException {
    List<Expression> arguments = call.arguments();
    if (arguments.size() < 2) {
      ev.diagnostics.add(
          new FunctionException(
                  FunctionCode.NOT_ENOUGH_ARGUMENTS,
                  -1,
                  "Function \"convert\" expects 2 argument(s). Missing value for \""
                      + (arguments.isEmpty() ? "value" : "type")
                      + "\"")
              .toDiagnostic("convert", null, Ranges.lastCharacter(call.range())));
      return unknownFrom(call, ctx);
    }
    if (arguments.size() > 2) {
      ev.diagnostics.add(
          new FunctionException(
                  FunctionCode.TOO_MANY_ARGUMENTS,
                  2,
                  "Function \"convert\" expects only 2 argument(s)")
              .toDiagnostic("convert", null, arguments.get(2).range()));
      return unknownFrom(call, ctx);
    }
    int mark = ev.diagnostics.size();
    Value value = ev.eval(arguments.get(0), ctx);
    TypeConstraintResult type = TypeExpressions.read(arguments.get(1));
    ev.diagnostics.addAll(type.diagnostics());
    if (ev.errorsSince(mark) || type.constraint().isEmpty()) {
      return Evaluation.unknown(
          type.constraint().map(TypeConstraint::type).orElse(Type.DYNAMIC), value);
    }
    return SpecialForms.convert(value, type.constraint().get());
  }

  /**
   * An argument of {@code try} or {@code can}: evaluated only when asked, remembering the marks of
   * what it evaluated to (even when that failed).
   */
  private static final class Lazy implements LazyArgument {
    private final Expression expression;
    private final EvalContext ctx;
    final Set<Mark> marks = EnumSet.noneOf(Mark.class);

    Lazy(Expression expression, EvalContext ctx) {
      this.expression = expression;
      this.ctx = ctx;
    }

    @Override
    public Outcome evaluate() {
      Evaluation evaluation = new Evaluation();
      Value v = evaluation.eval(expression, ctx);
      v.addDeepMarksTo(marks);
      List<Problem> problems = new ArrayList<>();
      for (Diagnostic d : evaluation.diagnostics) {
        if (d.isError()) {
          problems.add(new Problem(d.summary(), d.detail(), d.subject().map(Ranges::hcl)));
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
