package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;

/** Static steps applied to the result of another expression, such as {@code f(x).a[0]}. */
public record RelativeTraversal(Expression source, List<Traverser> traversers, Range range)
    implements Expression {

  public RelativeTraversal {
    Objects.requireNonNull(source, "source");
    traversers = List.copyOf(traversers);
    if (traversers.isEmpty()) {
      throw new IllegalArgumentException("a relative traversal needs at least one step");
    }
    Objects.requireNonNull(range, "range");
  }
}
