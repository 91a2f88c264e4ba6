package io.github.packer2aib.core.example;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * README's "Using the library" example is {@link LibraryExample} verbatim (but its package line),
 * so the README cannot show code that no longer compiles; and it converts what it says it does.
 */
class LibraryExampleTest {
  private static final String AIB =
      """
      {
        "type": "Microsoft.VirtualMachineImages/imageTemplates",
        "apiVersion": "2024-02-01",
        "name": "ubuntu",
        "location": "westeurope",
        "identity": {
          "type": "UserAssigned",
          "userAssignedIdentities": {
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib": {}
          }
        },
        "properties": {
          "source": {"type": "PlatformImage", "publisher": "Canonical",
            "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts", "version": "latest"},
          "customize": [{"type": "Shell", "name": "hello", "inline": ["echo hello"]}],
          "distribute": [{"type": "ManagedImage", "runOutputName": "ubuntu", "location": "westeurope",
            "imageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/ubuntu"}]
        }
      }
      """;

  private static final String HCL =
      """
      source "azure-arm" "ubuntu" {
        subscription_id                   = "00000000-0000-0000-0000-000000000000"
        location                          = "westeurope"
        os_type                           = "Linux"
        image_publisher                   = "Canonical"
        image_offer                       = "0001-com-ubuntu-server-jammy"
        image_sku                         = "22_04-lts"
        vm_size                           = "Standard_D2s_v3"
        managed_image_name                = "ubuntu"
        managed_image_resource_group_name = "rg"
      }
      build {
        sources = ["source.azure-arm.ubuntu"]
        provisioner "shell" {
          inline = ["echo hello"]
        }
      }
      """;

  @Test
  void theReadmeShowsTheExampleVerbatim() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/io/github/packer2aib/core/example/LibraryExample.java"));
    String example = source.substring(source.indexOf("import "));
    String readme = Files.readString(Path.of("../README.md"));
    assertTrue(readme.contains("```java\n" + example + "```\n"), "README's example is stale");
  }

  @Test
  void theExampleConvertsAnImageTemplateAndAPackerTemplate() {
    String aib = LibraryExample.convertImageTemplate("image.json", AIB);
    String packer = LibraryExample.convertPackerTemplate("image.pkr.hcl", HCL);

    assertFalse(aib.contains("error:"), aib);
    assertTrue(aib.contains("== ubuntu\n"), aib);
    assertTrue(aib.contains("\"echo hello\""), aib);
    assertFalse(packer.contains("error:"), packer);
    assertTrue(packer.contains("== ubuntu\n"), packer);
    assertTrue(packer.contains("\"echo hello\""), packer);
  }

  @Test
  void aPackerTemplateGivenAsTextReadsNoOtherFile() {
    String packer =
        LibraryExample.convertPackerTemplate(
            "image.pkr.hcl", HCL.replace("\"echo hello\"", "file(\"/etc/hostname\")"));

    assertTrue(packer.contains("error:"), packer);
    assertFalse(packer.contains("== ubuntu"), packer);
  }
}
