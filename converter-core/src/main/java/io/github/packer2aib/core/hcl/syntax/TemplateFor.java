package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code %{ for k, v in collection }…%{ endfor }} directive (spec: "Template For Directive").
 *
 * @param keyVariable the key variable when two names are given
 * @param valueVariable the value variable (the only name when one is given)
 */
public record TemplateFor(
    Optional<String> keyVariable,
    String valueVariable,
    Expression collection,
    List<TemplatePart> bodyParts,
    Strip forStrip,
    Strip endForStrip,
    Range range)
    implements TemplatePart {

  public TemplateFor {
    Objects.requireNonNull(keyVariable, "keyVariable");
    Objects.requireNonNull(valueVariable, "valueVariable");
    Objects.requireNonNull(collection, "collection");
    bodyParts = List.copyOf(bodyParts);
    Objects.requireNonNull(forStrip, "forStrip");
    Objects.requireNonNull(endForStrip, "endForStrip");
    Objects.requireNonNull(range, "range");
  }
}
