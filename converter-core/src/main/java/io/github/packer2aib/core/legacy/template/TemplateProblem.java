package io.github.packer2aib.core.legacy.template;

import java.util.Objects;

/**
 * A problem in one template string, located by a span of the string; the caller turns it into a
 * located diagnostic.
 *
 * @param code what is wrong
 * @param span where, in the string's decoded value
 * @param detail full sentences: what is wrong and what to do
 */
public record TemplateProblem(GoTemplateCode code, Span span, String detail) {
  public TemplateProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(detail, "detail");
  }
}
