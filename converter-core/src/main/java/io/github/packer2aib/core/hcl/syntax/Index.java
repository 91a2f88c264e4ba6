package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/**
 * {@code [key]} with a literal key: a number, bool or null literal, or a string when the key was a
 * template without interpolation. An index by any other expression is an {@link IndexExpr}.
 */
public record Index(LiteralValue key, Range range) implements Traverser {

  public Index {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(range, "range");
  }
}
