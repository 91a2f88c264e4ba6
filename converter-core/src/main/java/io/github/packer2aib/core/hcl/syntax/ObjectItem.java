package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code key = value} (or {@code key: value}) of an object. A key written as a bare identifier
 * is a {@link ScopeTraversal} without steps and names the attribute literally (as do the keywords
 * {@code null}, {@code true} and {@code false}, {@link LiteralValue}s); wrap it in parentheses
 * ({@link Parenthesized}) to use the variable's value instead. A key with steps ({@code local.k})
 * must be wrapped so, or quoted: see {@link #hasAmbiguousKey}.
 */
public record ObjectItem(Expression key, Expression value, Range range) implements SyntaxNode {

  public ObjectItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(range, "range");
  }

  /**
   * The literal attribute name when the key is a bare identifier, or one of the keywords {@code
   * null}, {@code true} and {@code false} (hcl.ExprAsKeyword reads those as names too: {@code {null
   * = 1}} has the attribute {@code "null"}).
   */
  public Optional<String> literalName() {
    if (key instanceof ScopeTraversal traversal && traversal.isBareName()) {
      return Optional.of(traversal.root());
    }
    if (key instanceof LiteralValue literal
        && (literal.kind() == LiteralValue.Kind.NULL || literal.kind() == LiteralValue.Kind.BOOL)) {
      return Optional.of(literal.text());
    }
    return Optional.empty();
  }

  /**
   * Whether the key is a traversal with steps not wrapped in parentheses ({@code local.k = v},
   * {@code a[0] = v}), which HCL refuses when it evaluates the object ("Ambiguous attribute key"):
   * a bare name is literal, so whether {@code foo.bar} names a reference or the key "foo.bar"
   * cannot be told.
   */
  public boolean hasAmbiguousKey() {
    return key instanceof ScopeTraversal traversal && !traversal.isBareName();
  }
}
