package io.github.packer2aib.core.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sensitive variable or credential setting written as {@code null} or {@code ""} holds no secret:
 * the messages that quote "null" elsewhere are not masked (kubernetes-sigs/image-builder declares
 * {@code "client_secret": null}, and every "its default is null" of its required variables read
 * "its default is ***").
 */
class NullSecretsTest {
  private static LoadResult load(String json) {
    MemoryFileView files = new MemoryFileView("/w").put("/w/t.json", json);
    PackerOptions options = PackerOptions.defaults(Path.of("/w"), Clock.frozenAt(Instant.EPOCH));
    return PackerTemplates.load(new PackerInput(Path.of("t.json"), "t.json"), options, files);
  }

  @Test
  void aNullOrEmptyCredentialMasksNothing() {
    LoadResult r =
        load(
            """
            {
              "variables": {"client_secret": null, "token": "", "image": null},
              "sensitive-variables": ["image"],
              "builders": [{"type": "azure-arm", "client_secret": null, "location": "westeurope"}]
            }
            """);
    List<String> details = r.diagnostics().stream().map(Diagnostic::detail).toList();

    assertTrue(
        details.stream()
            .anyMatch(d -> d.contains("\"client_secret\" is required (its default is null)")),
        details.toString());
    assertTrue(details.stream().noneMatch(d -> d.contains("***")), details.toString());
    assertEquals(List.of(), r.sources().get(0).secrets(), "no secret to mask in the file");
  }
}
