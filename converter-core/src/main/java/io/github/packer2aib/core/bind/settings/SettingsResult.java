package io.github.packer2aib.core.bind.settings;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the binder made of a settings file.
 *
 * @param settings present only when the file has no errors
 * @param diagnostics every problem of the file (syntax and settings), in the order found
 */
public record SettingsResult(Optional<Settings> settings, List<Diagnostic> diagnostics) {
  public SettingsResult {
    Objects.requireNonNull(settings, "settings");
    diagnostics = List.copyOf(diagnostics);
  }
}
