package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/** {@code left op right}. */
public record BinaryOp(BinaryOperator operator, Expression left, Expression right, Range range)
    implements Expression {

  public BinaryOp {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    Objects.requireNonNull(range, "range");
  }
}
