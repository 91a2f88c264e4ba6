package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/** {@code collection[key]} where the key is not a literal (a literal key is an {@link Index}). */
public record IndexExpr(Expression collection, Expression key, Range range) implements Expression {

  public IndexExpr {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(range, "range");
  }
}
