package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message about a member of an object value points at that member, as one about a block's
 * argument does: in a legacy template every nested structure is such a value, and in HCL2 {@code
 * azure_tags = { ... }} is one. A value whose parts are not written out (a variable's) is still
 * located as a whole.
 */
class NestedFieldLocationsTest {
  private static final String LEGACY =
      """
      {
        "builders": [{
          "type": "azure-arm",
          "subscription_id": "00000000-0000-0000-0000-000000000001",
          "location": "westeurope",
          "os_type": "Linux",
          "image_publisher": "Canonical",
          "image_offer": "0001-com-ubuntu-server-jammy",
          "image_sku": "22_04-lts-gen2",
          "vm_size": "Standard_D2s_v5",
          "shared_image_gallery_destination": {
            "resource_group": "rg-gallery",
            "gallery_name": "gallery",
            "image_name": "ubuntu",
            "image_version": "1.0.0",
            "target_region": [
              {"name": "westeurope"},
              {"name": "eastus", "replica_count": 2}
            ],
            "galery_typo": "x"
          }
        }]
      }
      """;

  /** The diagnostic of {@code code}, at a single place. */
  private static Diagnostic only(List<Diagnostic> all, String code) {
    List<Diagnostic> found = all.stream().filter(d -> d.code().equals(code)).toList();
    assertEquals(1, found.size(), all::toString);
    return found.get(0);
  }

  private static String at(Diagnostic d) {
    Range r = d.subject().orElseThrow();
    return r.start().line() + ":" + r.start().column() + "-" + r.end().column();
  }

  @Test
  void legacyMembersOfAnObjectAndOfAnArrayElementAreLocatedAtTheirKeys() {
    List<Diagnostic> all = LoadAndMap.map("t.json", LEGACY).diagnostics();

    assertEquals("15:7-22", at(only(all, "PKRMAP-W115")), "image_version");
    List<String> unknown =
        all.stream().filter(d -> d.code().equals("PKRMAP-W101")).map(d -> at(d)).toList();
    // replica_count in the second element of target_region, then the misspelt key.
    assertEquals(List.of("18:28-43", "20:7-20"), unknown, all::toString);
  }

  @Test
  void anHclTagIsLocatedAtItsKeyAndATagOfAVariableAtTheArgument() {
    String tooLong = "k".repeat(600);
    String written =
        """
        source "azure-arm" "x" {
          subscription_id = "00000000-0000-0000-0000-000000000001"
          location = "westeurope"
          os_type = "Linux"
          image_publisher = "Canonical"
          image_offer = "0001-com-ubuntu-server-jammy"
          image_sku = "22_04-lts-gen2"
          vm_size = "Standard_D2s_v5"
          managed_image_name = "ubuntu-base"
          managed_image_resource_group_name = "rg-images"
          azure_tags = {
            owner = "sre"
            "LONG" = "x"
          }
        }
        build { sources = ["source.azure-arm.x"] }
        """
            .replace("LONG", tooLong);
    Diagnostic tag = only(LoadAndMap.map("t.pkr.hcl", written).diagnostics(), "PKRMAP-E106");
    assertEquals("13:5-" + (5 + tooLong.length() + 2), at(tag));

    String fromVariable =
        ("variable \"tags\" {\n  default = { \"LONG\" = \"x\" }\n}\n"
                + written.replaceAll("(?s)azure_tags = \\{.*?\\n  \\}", "azure_tags = var.tags"))
            .replace("LONG", tooLong);
    Diagnostic whole = only(LoadAndMap.map("t.pkr.hcl", fromVariable).diagnostics(), "PKRMAP-E106");
    assertEquals("14:3-13", at(whole), "the argument's name");
  }
}
