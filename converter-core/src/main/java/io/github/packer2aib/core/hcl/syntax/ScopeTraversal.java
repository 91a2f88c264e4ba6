package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;

/**
 * A variable with static steps, such as {@code var.image.sku[0]} (spec: "Static Traversal").
 *
 * @param root the variable name
 * @param rootRange the variable name alone
 */
public record ScopeTraversal(String root, Range rootRange, List<Traverser> traversers, Range range)
    implements Expression {

  public ScopeTraversal {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(rootRange, "rootRange");
    traversers = List.copyOf(traversers);
    Objects.requireNonNull(range, "range");
  }

  /** True for a bare name without steps, as an object key written {@code name = value}. */
  public boolean isBareName() {
    return traversers.isEmpty();
  }
}
