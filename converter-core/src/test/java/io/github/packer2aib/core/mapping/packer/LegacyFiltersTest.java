package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.emit.TemplateWriter;
import java.util.List;
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
    MapResult result = LoadAndMap.map("t.json", TEMPLATE);

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

  /**
   * Packer's -except skips post-processors by name, or by type when they have no name: such an
   * entry is not reported as matching nothing (every post-processor is dropped anyway).
   */
  @Test
  void exceptMayNameAPostProcessor() {
    String template =
        TEMPLATE.replace(
            "  \"provisioners\"",
            "  \"post-processors\": [{\"type\": \"manifest\", \"name\": \"mf\"},"
                + " \"checksum\"],\n  \"provisioners\"");
    for (String except : List.of("mf", "m*", "checksum")) {
      MapResult result =
          LoadAndMap.map("t.json", template, MappingCases.opts().withExcept(List.of(except)));
      assertFalse(
          result.diagnostics().stream().anyMatch(d -> d.code().equals("PKRMAP-W005")),
          () -> except + ": " + result.diagnostics());
      assertEquals(1, result.templates().size(), except);
    }
    // A named post-processor is not matched by its type; nor is a name nothing has.
    for (String except : List.of("manifest", "nothing")) {
      MapResult result =
          LoadAndMap.map("t.json", template, MappingCases.opts().withExcept(List.of(except)));
      assertEquals(
          1,
          result.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-W005")).count(),
          except);
    }
  }
}
