package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/** {@code -operand} or {@code !operand}. A negative number literal is a negation of a literal. */
public record UnaryOp(UnaryOperator operator, Expression operand, Range range)
    implements Expression {

  public UnaryOp {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(operand, "operand");
    Objects.requireNonNull(range, "range");
  }
}
