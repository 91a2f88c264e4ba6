package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;

/**
 * An {@code %{ if }…%{ else }…%{ endif }} directive (spec: "Template If Directive").
 *
 * @param hasElse whether an {@code %{ else }} was written (its parts may still be empty)
 * @param ifStrip the strip markers of {@code %{ if … }}
 * @param elseStrip the strip markers of {@code %{ else }}; {@link Strip#NONE} without else
 * @param endIfStrip the strip markers of {@code %{ endif }}
 */
public record TemplateIf(
    Expression condition,
    List<TemplatePart> thenParts,
    List<TemplatePart> elseParts,
    boolean hasElse,
    Strip ifStrip,
    Strip elseStrip,
    Strip endIfStrip,
    Range range)
    implements TemplatePart {

  public TemplateIf {
    Objects.requireNonNull(condition, "condition");
    thenParts = List.copyOf(thenParts);
    elseParts = List.copyOf(elseParts);
    Objects.requireNonNull(ifStrip, "ifStrip");
    Objects.requireNonNull(elseStrip, "elseStrip");
    Objects.requireNonNull(endIfStrip, "endIfStrip");
    Objects.requireNonNull(range, "range");
  }
}
