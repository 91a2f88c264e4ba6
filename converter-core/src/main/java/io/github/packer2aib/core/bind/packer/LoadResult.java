package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading a template gave.
 *
 * @param template the evaluated model; empty when there were errors
 * @param diagnostics everything found, in reporting order
 * @param sources every file read (template files, var files, and the text of {@code --var} and
 *     {@code PKR_VAR_*} values of variables that are not sensitive), so a renderer can quote them
 */
public record LoadResult(
    Optional<PackerTemplate> template, List<Diagnostic> diagnostics, List<SourceFile> sources) {
  public LoadResult {
    Objects.requireNonNull(template, "template");
    diagnostics = List.copyOf(diagnostics);
    sources = List.copyOf(sources);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
