package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/** An interpolation sequence, {@code ${expression}} (spec: "Template Interpolations"). */
public record TemplateInterpolation(Expression expression, Strip strip, Range range)
    implements TemplatePart {

  public TemplateInterpolation {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(strip, "strip");
    Objects.requireNonNull(range, "range");
  }
}
