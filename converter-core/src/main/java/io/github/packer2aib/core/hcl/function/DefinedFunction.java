package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link HclFunction} made of parameters, a return-type rule and an implementation; all the
 * argument handling common to every function lives here.
 *
 * <p>Marks: the implementation only ever sees unmarked values; the result gets the union of the
 * marks found anywhere in the arguments. That is more conservative than cty for a few functions
 * ({@code element} of a list with one sensitive element is sensitive whichever element is picked)
 * and is chosen on purpose: a secret never escapes through a function. When a call with a sensitive
 * argument fails, its message is replaced by one that reveals nothing, because messages often quote
 * the argument.
 */
public final class DefinedFunction implements HclFunction {

  /** The function's body: arguments are converted, unmarked, non-null and known as declared. */
  @FunctionalInterface
  public interface Impl {
    Value call(List<Value> args) throws FunctionException;
  }

  /** Computes the result type from the (converted, unmarked) arguments. */
  @FunctionalInterface
  public interface ReturnType {
    Type of(List<Value> args) throws FunctionException;
  }

  private final String name;
  private final List<Parameter> parameters;
  private final Parameter variadic;
  private final ReturnType returnType;
  private final Impl impl;

  private DefinedFunction(
      String name,
      List<Parameter> parameters,
      Parameter variadic,
      ReturnType returnType,
      Impl impl) {
    this.name = name;
    this.parameters = List.copyOf(parameters);
    this.variadic = variadic;
    this.returnType = returnType;
    this.impl = impl;
  }

  public static Builder define(String name) {
    return new Builder(name);
  }

  /** Builds a {@link DefinedFunction}. */
  public static final class Builder {
    private final String name;
    private final List<Parameter> parameters = new ArrayList<>();
    private Parameter variadic;
    private ReturnType returnType = args -> Type.DYNAMIC;

    private Builder(String name) {
      this.name = name;
    }

    public Builder param(String paramName, Type type) {
      return param(Parameter.of(paramName, type));
    }

    public Builder param(Parameter p) {
      parameters.add(p);
      return this;
    }

    public Builder variadic(String paramName, Type type) {
      return variadic(Parameter.of(paramName, type));
    }

    public Builder variadic(Parameter p) {
      variadic = p;
      return this;
    }

    public Builder returns(Type type) {
      returnType = args -> type;
      return this;
    }

    public Builder returns(ReturnType rule) {
      returnType = Objects.requireNonNull(rule);
      return this;
    }

    public DefinedFunction impl(Impl impl) {
      return new DefinedFunction(name, parameters, variadic, returnType, impl);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  @Override
  public Optional<Parameter> variadic() {
    return Optional.ofNullable(variadic);
  }

  @Override
  public Type returnType(List<Value> args) throws FunctionException {
    return returnType.of(prepare(args).values);
  }

  @Override
  public Value call(List<Value> args) throws FunctionException {
    Prepared p = prepare(args);
    if (p.unknown) {
      return Value.unknown(returnType.of(p.values)).withMarks(p.marks);
    }
    try {
      return impl.call(p.values).withMarks(p.marks);
    } catch (FunctionException e) {
      if (p.marks.contains(Mark.SENSITIVE)
          && e.code() != FunctionCode.UNSUPPORTED_FUNCTION
          && !(e.quotesOnlyItsArgument() && !p.sensitiveArgs.get(e.argIndex()))) {
        throw new FunctionException(
            e.code(), e.argIndex(), "the details are hidden because an argument is sensitive");
      }
      throw e;
    }
  }

  private static final class Prepared {
    final List<Value> values = new ArrayList<>();
    final Set<Mark> marks = EnumSet.noneOf(Mark.class);

    /** The arguments that hold a sensitive value, by index. */
    final BitSet sensitiveArgs = new BitSet();

    boolean unknown;
  }

  private Prepared prepare(List<Value> args) throws FunctionException {
    if (args.size() < parameters.size()) {
      Parameter missing = parameters.get(args.size());
      throw new FunctionException(
          FunctionCode.NOT_ENOUGH_ARGUMENTS,
          -1,
          "Function \""
              + name
              + "\" expects "
              + (variadic == null ? "" : "at least ")
              + parameters.size()
              + " argument(s). Missing value for \""
              + missing.name()
              + "\"");
    }
    if (variadic == null && args.size() > parameters.size()) {
      throw new FunctionException(
          FunctionCode.TOO_MANY_ARGUMENTS,
          parameters.size(),
          "Function \"" + name + "\" expects only " + parameters.size() + " argument(s)");
    }
    Prepared p = new Prepared();
    for (int i = 0; i < args.size(); i++) {
      Parameter param = i < parameters.size() ? parameters.get(i) : variadic;
      Value arg = args.get(i);
      arg.addDeepMarksTo(p.marks);
      if (arg.containsSensitive()) {
        p.sensitiveArgs.set(i);
      }
      Value plain = Values.stripMarks(arg);
      Convert.Result r = Convert.to(plain, param.type());
      if (!r.isOk()) {
        throw FunctionException.arg(i, ((Convert.Failed) r).error().toString());
      }
      Value v = r.value();
      if (v.isNull() && !param.allowNull()) {
        throw FunctionException.arg(i, "argument must not be null");
      }
      if (!v.isWhollyKnown() && !param.allowUnknown()) {
        p.unknown = true;
      }
      p.values.add(v);
    }
    return p;
  }

  @Override
  public String toString() {
    return name;
  }
}
