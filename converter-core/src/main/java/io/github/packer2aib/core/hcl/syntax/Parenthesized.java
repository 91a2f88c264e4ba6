package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/** {@code (expression)}; kept so the tree records the grouping and object keys can be computed. */
public record Parenthesized(Expression expression, Range range) implements Expression {

  public Parenthesized {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(range, "range");
  }
}
