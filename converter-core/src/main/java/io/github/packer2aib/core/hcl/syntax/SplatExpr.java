package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/**
 * A splat (spec: "Splat Operators"): {@code source.*.a.b} (attribute-only) or {@code
 * source[*].a[0]} (full). {@code each} is evaluated for every element, starting from a {@link
 * SplatItem}; it is the bare {@link SplatItem} when no step follows the marker.
 *
 * @param full true for {@code [*]}, false for {@code .*}
 */
public record SplatExpr(Expression source, Expression each, boolean full, Range range)
    implements Expression {

  public SplatExpr {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(each, "each");
    Objects.requireNonNull(range, "range");
  }
}
