package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;

/**
 * A function call, {@code name(arg, ...)} (spec: "Functions and Function Calls").
 *
 * @param name the function name; namespaced names keep their {@code ::} separators
 * @param expandFinal true when the last argument is followed by {@code ...}
 */
public record FunctionCall(
    String name, Range nameRange, List<Expression> arguments, boolean expandFinal, Range range)
    implements Expression {

  public FunctionCall {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(nameRange, "nameRange");
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(range, "range");
  }
}
