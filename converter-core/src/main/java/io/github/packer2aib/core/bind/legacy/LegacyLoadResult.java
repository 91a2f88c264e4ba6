package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.packer.CredentialTexts;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Optional;

/**
 * What loading a legacy template gave.
 *
 * @param template the template whenever its document could be read as an object, even with errors
 *     (values that could not be evaluated are unknown); check {@link #hasErrors()} before
 *     converting it
 * @param diagnostics every problem found, in reporting order
 * @param secretRanges where the template writes the defaults of its {@code sensitive-variables} and
 *     the values of credential settings: a renderer masks them when it quotes those lines ({@code
 *     SourceFile.withSecrets})
 * @param credentials {@link CredentialTexts#of} the template, worked out once by the loader (for
 *     the variables it reads again as secret) and used again for the masks of the files it quotes
 */
public record LegacyLoadResult(
    Optional<PackerTemplate> template,
    List<Diagnostic> diagnostics,
    List<Range> secretRanges,
    List<CredentialTexts> credentials) {
  public LegacyLoadResult {
    diagnostics = List.copyOf(diagnostics);
    secretRanges = List.copyOf(secretRanges);
    credentials = List.copyOf(credentials);
  }

  /** A result without a template, so without credential texts. */
  static LegacyLoadResult failed(List<Diagnostic> diagnostics) {
    return new LegacyLoadResult(Optional.empty(), diagnostics, List.of(), List.of());
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
