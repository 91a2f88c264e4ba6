package io.github.packer2aib.core;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import java.util.List;

/**
 * The outcome of converting or validating one input: the templates (empty when there are errors:
 * nothing is written for an input with errors) and every diagnostic, sorted for reporting.
 */
public record ConversionResult(List<ConvertedTemplate> templates, List<Diagnostic> diagnostics) {
  public ConversionResult {
    templates = List.copyOf(templates);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public boolean hasWarnings() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.WARNING);
  }
}
