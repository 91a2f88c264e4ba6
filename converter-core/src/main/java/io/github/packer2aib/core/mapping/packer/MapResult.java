package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;

/**
 * The outcome of mapping one Packer template.
 *
 * @param templates one per (build × azure-arm source usage) that mapped without errors, in build
 *     and usage order; a usage with an error gives no template (its diagnostics say why)
 * @param diagnostics everything dropped, rewritten, approximated or refused, in source order
 * @param usages how many azure-arm source usages the template has, whether --only/--except select
 *     them or not: how many templates it makes without a selection
 */
public record MapResult(
    List<MappedTemplate> templates,
    List<Diagnostic> diagnostics,
    List<String> secretTexts,
    int usages) {
  public MapResult {
    templates = List.copyOf(templates);
    diagnostics = List.copyOf(diagnostics);
    secretTexts = List.copyOf(secretTexts);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
