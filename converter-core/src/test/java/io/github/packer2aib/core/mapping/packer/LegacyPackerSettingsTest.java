package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
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
    MapResult result = LoadAndMap.map("t.json", TEMPLATE);
    List<Diagnostic> notes =
        result.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-N132")).toList();
    assertEquals(1, notes.size(), result.diagnostics().toString());
    assertEquals(
        "min_packer_version configures Packer itself; Image Builder has no equivalent, so it is"
            + " not part of the image template.",
        notes.get(0).detail());
  }
}
