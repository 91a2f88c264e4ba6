package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.DiagnosticStream;
import io.github.packer2aib.core.diag.JsonRenderer;
import io.github.packer2aib.core.diag.SarifRenderer;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;

/** How diagnostics are written to stderr. */
enum DiagnosticsFormat {
  /** For people: one block per diagnostic with the source line, then a summary line. */
  TEXT,
  /** For machines: one JSON array for the whole run and nothing else on stderr. */
  JSON,
  /**
   * For code-scanning services: one SARIF 2.1.0 log for the whole run and nothing else on stderr;
   * relative file names are relative to the working directory, which the log names.
   */
  SARIF;

  /** Whether the run writes one document for machines instead of text (and no summary). */
  boolean machine() {
    return this != TEXT;
  }

  /** The document of a machine format, written to {@code out} as diagnostics come. */
  DiagnosticStream stream(Writer out) {
    return switch (this) {
      case JSON -> new JsonRenderer().stream(out);
      case SARIF ->
          new SarifRenderer(
                  VersionProvider.version(),
                  Optional.of(Path.of("").toAbsolutePath().toUri().toString()))
              .stream(out);
      case TEXT -> throw new IllegalStateException("text diagnostics are printed, not streamed");
    };
  }

  /** The whole document of a machine format for {@code diagnostics}. */
  String render(Iterable<Diagnostic> diagnostics) {
    return DiagnosticStream.render(this::stream, diagnostics);
  }
}
