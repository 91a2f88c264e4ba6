package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The note for the settings of Packer itself names what the template wrote: a legacy template's
 * min_packer_version, not an HCL2 packer block it does not have.
 */
class LegacyPackerSettingsTest {
  private static final String TEMPLATE =
      """
      {
        "min_packer_version": "0.12.0",
        "builders": [
          {
            "type": "azure-arm",
            "subscription_id": "00000000-0000-0000-0000-000000000001",
            "location": "westeurope",
            "os_type": "Linux",
            "image_publisher": "Canonical",
            "image_offer": "0001-com-ubuntu-server-jammy",
            "image_sku": "22_04-lts-gen2",
            "managed_image_name": "ubuntu-base",
            "managed_image_resource_group_name": "rg-images",
            "vm_size": "Standard_D2s_v5"
          }
        ],
        "provisioners": [{"type": "shell", "inline": ["echo hi"]}]
      }
      """;

  @Test
  void minPackerVersionIsNamedAsWritten() {
    MemoryFileView fs = new MemoryFileView("/work").put("/work/t.json", TEMPLATE);
    PackerOptions options =
        new PackerOptions(
            List.of(),
            List.of(),
            Map.of(),
            Path.of("/work"),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    LoadResult loaded =
        PackerTemplates.load(new PackerInput(Path.of("t.json"), "t.json"), options, fs);
    MapResult result = PackerMapper.map(loaded.template().orElseThrow(), MappingCases.opts(), fs);
    List<Diagnostic> notes =
        result.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-N132")).toList();
    assertEquals(1, notes.size(), result.diagnostics().toString());
    assertEquals(
        "min_packer_version configures Packer itself; Image Builder has no equivalent, so it is"
            + " not part of the image template.",
        notes.get(0).detail());
  }
}
