package io.github.packer2aib.core.bind.settings;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the binder made of a settings file.
 *
 * @param settings present only when the file has no errors
 * @param diagnostics every problem of the file (syntax and settings), in the order found
 * @param source the settings file as renderers must quote it: the values of its {@code vars}
 *     masked ({@link SourceFile#withSecrets}), or all its values when it has syntax errors
 */
public record SettingsResult(
    Optional<Settings> settings, List<Diagnostic> diagnostics, SourceFile source) {
  public SettingsResult {
    Objects.requireNonNull(settings, "settings");
    diagnostics = List.copyOf(diagnostics);
    Objects.requireNonNull(source, "source");
  }
}
