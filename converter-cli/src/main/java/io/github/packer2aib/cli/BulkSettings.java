package io.github.packer2aib.cli;

import io.github.packer2aib.core.bind.settings.Settings;
import io.github.packer2aib.core.bind.settings.SettingsBinder;
import io.github.packer2aib.core.bind.settings.SettingsResult;
import io.github.packer2aib.core.bind.settings.TemplateSettings;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.SourceFile;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --settings} file of a {@code convert -r} run: read from disk here, bound by the core's
 * {@link SettingsBinder}, and kept with its text so that later warnings about it (entries that
 * match no template) can show their source line.
 */
final class BulkSettings {
  private final Settings settings;
  private final SourceFile source;

  private BulkSettings(Settings settings, SourceFile source) {
    this.settings = settings;
    this.source = source;
  }

  /**
   * Reads and binds the file, reporting its problems; empty when it cannot be read or has errors
   * (then nothing may be converted).
   */
  static Optional<BulkSettings> read(Path path, Report report) {
    Input input = InputReader.readNamed(path, path.toString());
    if (input instanceof Input.Unreadable u) {
      report.cli(
          CliCode.UNREADABLE_INPUT,
          "cannot read settings file " + u.displayName() + ": " + u.reason(),
          "The settings file " + u.displayName() + " could not be read: " + u.reason() + ".",
          u.displayName());
      return Optional.empty();
    }
    SettingsResult bound = SettingsBinder.bind(((Input.Loaded) input).source());
    // The binder's copy of the file: its variable values are masked when a line is quoted.
    SourceFile source = bound.source();
    report.file(source);
    report.diagnostics(source.name(), bound.diagnostics());
    return bound.settings().map(s -> new BulkSettings(s, source));
  }

  /** The settings of the template at {@code relativePath} ('/'-separated, from its root). */
  TemplateSettings forTemplate(String relativePath) {
    return settings.forTemplate(relativePath);
  }

  /** Warnings for the entries that match none of the run's templates. */
  List<Diagnostic> unused(Collection<String> templatePaths) {
    return settings.unused(templatePaths);
  }

  SourceFile source() {
    return source;
  }
}
