package io.github.packer2aib.core;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;

/**
 * The outcome of converting or validating one input: the templates (empty when there are errors:
 * nothing is written for an input with errors), every diagnostic, sorted for reporting, and the
 * files read beyond the input itself (a Packer folder's files, var files), so that a renderer can
 * quote the lines the diagnostics point at.
 *
 * @param unselected how many templates the input makes when --only/--except select nothing out (a
 *     Packer template's azure-arm usages): whether it makes one or several decides how a bulk run
 *     names the outputs of a template file, and a selection must not change that
 */
public record ConversionResult(
    List<ConvertedTemplate> templates,
    List<Diagnostic> diagnostics,
    List<SourceFile> sources,
    int unselected) {
  public ConversionResult {
    templates = List.copyOf(templates);
    diagnostics = List.copyOf(diagnostics);
    sources = List.copyOf(sources);
  }

  /** A result of an input that has no selection: as many templates as it makes. */
  public ConversionResult(
      List<ConvertedTemplate> templates, List<Diagnostic> diagnostics, List<SourceFile> sources) {
    this(templates, diagnostics, sources, templates.size());
  }

  /** A result whose diagnostics point only into the input itself. */
  public ConversionResult(List<ConvertedTemplate> templates, List<Diagnostic> diagnostics) {
    this(templates, diagnostics, List.of());
  }

  // Loops, not streams: a bulk run asks each template's result, and C1 code runs a stream
  // pipeline object by object.
  public boolean hasErrors() {
    for (int i = 0, n = diagnostics.size(); i < n; i++) {
      if (diagnostics.get(i).isError()) {
        return true;
      }
    }
    return false;
  }

  public boolean hasWarnings() {
    for (int i = 0, n = diagnostics.size(); i < n; i++) {
      if (diagnostics.get(i).severity() == Severity.WARNING) {
        return true;
      }
    }
    return false;
  }
}
