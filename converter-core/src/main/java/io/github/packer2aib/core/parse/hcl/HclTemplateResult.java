package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import java.util.List;
import java.util.Objects;

/**
 * A parsed standalone template, such as a {@code templatefile} source: always a template ({@link
 * TemplateExpr.Form#STANDALONE}), partial when there were syntax errors.
 */
public record HclTemplateResult(TemplateExpr template, List<Diagnostic> diagnostics) {

  public HclTemplateResult {
    Objects.requireNonNull(template, "template");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
