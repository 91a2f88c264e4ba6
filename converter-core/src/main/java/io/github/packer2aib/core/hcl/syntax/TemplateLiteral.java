package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/** Literal text of a template, final: escapes decoded, stripping and indentation applied. */
public record TemplateLiteral(String text, Range range) implements TemplatePart {

  public TemplateLiteral {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(range, "range");
  }
}
