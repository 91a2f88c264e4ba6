package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A managed_image_name the Azure plugin refuses ({@code img-{{isotime}}} holds colons) is refused
 * here too: it was written into the imageId, and Image Builder would have failed only when it
 * distributed the image, after the whole build.
 */
class ManagedImageNameTest {
  private static List<Diagnostic> errors(String name) {
    String template =
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
            "managed_image_name": "NAME",
            "managed_image_resource_group_name": "rg-images",
            "vm_size": "Standard_D2s_v5"
          }]
        }
        """
            .replace("NAME", name);
    MapResult result = LoadAndMap.map("t.json", template);
    return result.diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  @Test
  void aNameWithColonsFromIsotimeIsRefusedAtItsValue() {
    List<Diagnostic> errors = errors("img-{{isotime}}");
    assertEquals(1, errors.size(), errors::toString);
    Diagnostic d = errors.get(0);
    assertEquals("PKRMAP-E106", d.code());
    assertEquals(10, d.subject().orElseThrow().start().line());
    assertTrue(d.detail().contains("\"img-2026-01-01T00:00:00Z\""), d.detail());
  }

  @Test
  void namesThePluginAcceptsAreKept() {
    for (String ok :
        List.of("ubuntu-{{isotime `20060102`}}", "a", "A1_b-c.d)e", "x".repeat(80), "1-img")) {
      assertEquals(List.of(), errors(ok), ok);
    }
  }

  @Test
  void namesThePluginRefusesAreRefused() {
    for (String bad :
        List.of("-", "img-", "img.", "_img", ".img", "my image", "x".repeat(81), "imäge", "(a)")) {
      assertFalse(errors(bad).isEmpty(), bad);
    }
  }
}
