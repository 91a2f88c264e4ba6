package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;

/** {@code [a, b, ...]} (spec: "Collection Values"). */
public record Tuple(List<Expression> elements, Range range) implements Expression {

  public Tuple {
    elements = List.copyOf(elements);
    Objects.requireNonNull(range, "range");
  }
}
