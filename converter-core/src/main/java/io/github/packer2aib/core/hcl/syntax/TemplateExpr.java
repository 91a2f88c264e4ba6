package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A template: a quoted string, a heredoc or a standalone template (spec: "Template Expressions",
 * "Templates"). The parts hold final literal text: escapes decoded, strip markers ({@code ~})
 * applied to adjacent literals and, for {@code <<-} heredocs, the common indentation removed. A
 * quoted string without interpolation is a template with one {@link TemplateLiteral} part; an empty
 * template has one empty literal, as in HashiCorp's parser.
 *
 * @param form how the template was written
 * @param heredocMarker the heredoc delimiter (such as {@code EOT}); empty for other forms
 */
public record TemplateExpr(List<TemplatePart> parts, Form form, String heredocMarker, Range range)
    implements Expression {

  /** How a template was written. */
  public enum Form {
    /** {@code "..."}, with escapes. */
    QUOTED,
    /** {@code <<EOT}. */
    HEREDOC,
    /** {@code <<-EOT}: the common leading whitespace of the lines was removed. */
    INDENTED_HEREDOC,
    /** A whole file or string read as a template, such as a {@code templatefile} source. */
    STANDALONE;

    public boolean isHeredoc() {
      return this == HEREDOC || this == INDENTED_HEREDOC;
    }
  }

  public TemplateExpr {
    parts = List.copyOf(parts);
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(heredocMarker, "heredocMarker");
    Objects.requireNonNull(range, "range");
  }

  /** The literal text when the template has no interpolation or directive. */
  public Optional<String> literalText() {
    if (parts.size() == 1 && parts.get(0) instanceof TemplateLiteral literal) {
      return Optional.of(literal.text());
    }
    return Optional.empty();
  }

  /**
   * The expression of a template that is a single interpolation and nothing else, which HCL
   * evaluates to the expression's own value rather than a string (spec: "Template Interpolation
   * Unwrapping").
   */
  public Optional<Expression> unwrapped() {
    if (parts.size() == 1 && parts.get(0) instanceof TemplateInterpolation interpolation) {
      return Optional.of(interpolation.expression());
    }
    return Optional.empty();
  }
}
