package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/** {@code condition ? trueResult : falseResult} (spec: "Conditional Operator"). */
public record Conditional(
    Expression condition, Expression trueResult, Expression falseResult, Range range)
    implements Expression {

  public Conditional {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(trueResult, "trueResult");
    Objects.requireNonNull(falseResult, "falseResult");
    Objects.requireNonNull(range, "range");
  }
}
