package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/**
 * A block label: a quoted string literal (escapes already decoded) or a bare identifier.
 *
 * @param range the label as written, quotes included
 */
public record Label(String value, boolean quoted, Range range) implements SyntaxNode {

  public Label {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(range, "range");
  }
}
