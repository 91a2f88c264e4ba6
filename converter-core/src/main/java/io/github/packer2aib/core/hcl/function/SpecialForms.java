package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.TypeConstraint;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The functions the evaluator must call specially, because their arguments are not plain values:
 * {@code try} and {@code can} take unevaluated expressions ({@link LazyArgument}); {@code convert}
 * takes a type expression as its second argument, which the evaluator reads into a {@link
 * TypeConstraint}. {@link FunctionRegistry#isSpecialForm} tells which names these are.
 */
public final class SpecialForms {
  private SpecialForms() {}

  public static final Set<String> NAMES = Set.of("try", "can", "convert");

  /** The first argument that evaluates without errors; unknown if one depends on unknowns. */
  public static Value tryEach(List<LazyArgument> args) throws FunctionException {
    if (args.isEmpty()) {
      // A failed call, not an arity error: try takes any number of arguments (Packer 1.6.6:
      // "Call to function "try" failed: at least one argument is required").
      throw FunctionException.call("at least one argument is required");
    }
    List<LazyArgument.Problem> problems = new ArrayList<>();
    for (LazyArgument arg : args) {
      if (arg.dependsOnUnknowns()) {
        return Value.unknown(Type.DYNAMIC);
      }
      LazyArgument.Outcome o = arg.evaluate();
      if (o instanceof LazyArgument.Success) {
        return ((LazyArgument.Success) o).value();
      }
      problems.addAll(((LazyArgument.Failure) o).problems());
    }
    StringBuilder sb = new StringBuilder("no expression succeeded:\n");
    for (LazyArgument.Problem p : problems) {
      sb.append("- ").append(p.summary());
      p.subject().ifPresent(s -> sb.append(" (at ").append(s).append(')'));
      sb.append("\n  ").append(p.detail()).append('\n');
    }
    sb.append("\nAt least one expression must produce a successful result");
    throw FunctionException.call(sb.toString());
  }

  /** Whether the argument evaluates without errors; unknown if it depends on unknowns. */
  public static Value can(List<LazyArgument> args) throws FunctionException {
    if (args.size() != 1) {
      throw new FunctionException(
          args.isEmpty() ? FunctionCode.NOT_ENOUGH_ARGUMENTS : FunctionCode.TOO_MANY_ARGUMENTS,
          args.isEmpty() ? -1 : 1,
          args.isEmpty()
              ? "Function \"can\" expects 1 argument(s). Missing value for \"expression\""
              : "Function \"can\" expects only 1 argument(s)");
    }
    LazyArgument arg = args.get(0);
    if (arg.dependsOnUnknowns()) {
      return Value.unknown(Type.BOOL);
    }
    return Value.bool(arg.evaluate() instanceof LazyArgument.Success);
  }

  /** {@code convert(value, type)}: HCL's conversion, defaults of optional attributes applied. */
  public static Value convert(Value value, TypeConstraint type) throws FunctionException {
    Convert.Result r = type.apply(value);
    if (!r.isOk()) {
      throw FunctionException.arg(0, ((Convert.Failed) r).error().toString());
    }
    return r.value();
  }
}
