package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code for} expression (spec: "For Expressions"): {@code [for v in c : value if cond]} builds a
 * tuple, {@code {for k, v in c : key => value... if cond}} an object.
 *
 * @param keyVariable the first name when two are given
 * @param valueVariable the value name (the only name when one is given)
 * @param keyExpr the expression before {@code =>}; present exactly for the object form
 * @param grouping the {@code ...} after the value of the object form
 */
public record ForExpr(
    Optional<String> keyVariable,
    String valueVariable,
    Expression collection,
    Optional<Expression> keyExpr,
    Expression valueExpr,
    Optional<Expression> condition,
    boolean grouping,
    Range range)
    implements Expression {

  public ForExpr {
    Objects.requireNonNull(keyVariable, "keyVariable");
    Objects.requireNonNull(valueVariable, "valueVariable");
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(keyExpr, "keyExpr");
    Objects.requireNonNull(valueExpr, "valueExpr");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(range, "range");
  }

  /** True for the object form. */
  public boolean isObject() {
    return keyExpr.isPresent();
  }
}
