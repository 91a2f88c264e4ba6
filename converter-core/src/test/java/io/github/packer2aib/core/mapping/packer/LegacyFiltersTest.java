package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.emit.TemplateWriter;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code only}/{@code except} of a legacy template read by the legacy loader and mapped: the golden
 * cases build their models in Java, so they cannot show that the loader and the mapper name a
 * builder the same way. A builder without {@code name} is named after its type, and {@code "only":
 * ["azure-arm"]} is how most multi-builder legacy templates keep steps to the Azure build.
 */
class LegacyFiltersTest {
  private static final String TEMPLATE =
      """
      {
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
          },
          {"type": "null", "name": "local", "communicator": "none"}
        ],
        "provisioners": [
          {"type": "shell", "only": ["azure-arm"], "inline": ["echo azure only"]},
          {"type": "shell", "except": ["azure-arm"], "inline": ["echo not on azure"]},
          {"type": "shell", "only": ["local"], "inline": ["echo local only"]},
          {"type": "shell", "except": ["local"], "inline": ["echo all but local"]}
        ]
      }
      """;

  @Test
  void onlyAndExceptNameBuildersAsTheLoaderReadsThem() {
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
    assertEquals(List.of(), loaded.diagnostics().stream().filter(Diagnostic::isError).toList());
    PackerTemplate template = loaded.template().orElseThrow();

    MapResult result = PackerMapper.map(template, MappingCases.opts(), fs);

    assertFalse(
        result.diagnostics().stream().anyMatch(d -> d.code().equals("PKRMAP-W005")),
        () -> "no filter entry is unmatched: " + result.diagnostics());
    assertEquals(1, result.templates().size());
    String json = TemplateWriter.toJson(result.templates().get(0).template());
    assertTrue(json.contains("echo azure only"), json);
    assertTrue(json.contains("echo all but local"), json);
    assertFalse(json.contains("echo not on azure"), json);
    assertFalse(json.contains("echo local only"), json);
  }
}
