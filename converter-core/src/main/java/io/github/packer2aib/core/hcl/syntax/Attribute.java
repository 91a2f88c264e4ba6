package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/**
 * An attribute definition, {@code name = expression}.
 *
 * @param nameRange the name alone, the subject of diagnostics about the attribute itself
 * @param range from the name to the end of the expression
 */
public record Attribute(String name, Range nameRange, Expression expression, Range range)
    implements BodyItem {

  public Attribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(nameRange, "nameRange");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(range, "range");
  }
}
