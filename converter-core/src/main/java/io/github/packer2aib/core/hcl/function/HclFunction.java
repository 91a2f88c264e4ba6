package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * A function callable from HCL expressions. {@link #call} converts the arguments to the parameter
 * types, returns an unknown of {@link #returnType} when an argument is unknown, marks the result
 * with every mark found in the arguments (so a result computed from a sensitive value is
 * sensitive), and reports bad arguments as {@link FunctionException}s.
 */
public interface HclFunction {
  String name();

  List<Parameter> parameters();

  /** The parameter that takes any number of trailing arguments, if any. */
  Optional<Parameter> variadic();

  /** The type of the result for these arguments (only their types and known parts are used). */
  Type returnType(List<Value> args) throws FunctionException;

  Value call(List<Value> args) throws FunctionException;

  /** The name of the parameter that argument {@code index} binds to, or null. */
  default String parameterName(int index) {
    if (index < 0) {
      return null;
    }
    if (index < parameters().size()) {
      return parameters().get(index).name();
    }
    return variadic().map(Parameter::name).orElse(null);
  }
}
