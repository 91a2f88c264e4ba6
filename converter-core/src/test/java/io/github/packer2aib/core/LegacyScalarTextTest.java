package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scalars that are not strings where a legacy template expects a string: a YAML number keeps its
 * text (Packer never reads YAML), a JSON boolean is Packer's "1"/"0" (mapstructure's weak decoding,
 * checked with Packer 1.6.6).
 */
class LegacyScalarTextTest {
  private static final String BUILDER_YAML =
      """
      builders:
        - type: azure-arm
          os_type: Linux
          location: westeurope
          vm_size: Standard_D2s_v3
          subscription_id: 11111111-2222-3333-4444-555555555555
          image_publisher: Canonical
          image_offer: ubuntu
          image_sku: 20.10
          image_version: 1.10
          managed_image_name: img
          managed_image_resource_group_name: rg2
          os_disk_size_gb: 0x40
      """;

  private static ConversionResult convert(String name, String template) {
    MemoryFileView fs = new MemoryFileView("/work").put("/work/" + name, template);
    PackerOptions options =
        new PackerOptions(
            List.of(),
            List.of(),
            Map.of(),
            Path.of("/work"),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    return new PackerConversion()
        .convert(
            new PackerInput(Path.of(name), name),
            options,
            MapOptions.defaults(),
            OutputFormat.JSON,
            fs,
            true);
  }

  private static String output(ConversionResult r) {
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    assertEquals(1, r.templates().size());
    return r.templates().get(0).text();
  }

  @Test
  void yamlNumbersKeepTheirTextWhereAStringIsExpected() {
    String out =
        output(
            convert(
                "t.yaml",
                BUILDER_YAML
                    + """
                          azure_tags: { app_version: 2.10, hex: 0x1F, exp: 1e3, on: true }
                      provisioners:
                        - type: shell
                          inline: ["echo one", 010, 1.50, false]
                      """));
    assertTrue(out.contains("\"sku\": \"20.10\""), out);
    assertTrue(out.contains("\"version\": \"1.10\""), out);
    assertTrue(out.contains("\"app_version\": \"2.10\""), out);
    assertTrue(out.contains("\"hex\": \"0x1F\""), out);
    assertTrue(out.contains("\"exp\": \"1e3\""), out);
    // A YAML boolean keeps its word too: the "1"/"0" of Packer's weak decoding is JSON's.
    assertTrue(out.contains("\"on\": \"true\""), out);
    assertTrue(out.contains("\"010\",\n") && out.contains("\"1.50\",\n"), out);
    assertTrue(out.contains("\"false\"\n"), out);
    // Where a number is expected, the number: 0x40 is 64.
    assertTrue(out.contains("\"osDiskSizeGB\": 64"), out);
  }

  @Test
  void jsonNumbersAndBooleansAreWhatPackersWeakDecodingMakesOfThem() {
    ConversionResult r =
        convert(
            "t.json",
            """
            {"builders": [{"type": "azure-arm", "os_type": "Linux", "location": "westeurope",
              "vm_size": "Standard_D2s_v3",
              "subscription_id": "11111111-2222-3333-4444-555555555555",
              "image_publisher": "Canonical", "image_offer": "ubuntu", "image_sku": "s",
              "managed_image_name": "img", "managed_image_resource_group_name": "rg2",
              "azure_tags": {"enabled": true, "off": false, "ver": 1.50}}],
             "provisioners": [{"type": "shell", "inline": ["echo one", false, true, 20.10]}]}
            """);
    String out = output(r);
    assertTrue(out.contains("\"enabled\": \"1\""), out);
    assertTrue(out.contains("\"off\": \"0\""), out);
    assertTrue(out.contains("\"ver\": \"1.5\""), out);
    assertTrue(
        out.contains("\"echo one\",\n          \"0\",\n          \"1\",\n          \"20.1\""), out);
    List<String> notes =
        r.diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-N118"))
            .map(Diagnostic::detail)
            .toList();
    assertEquals(2, notes.size(), notes::toString);
    // Each note names the member or element that holds the boolean.
    assertTrue(
        notes.get(0).startsWith("The value of azure_tags.enabled holds a JSON true or false")
            && notes.get(0).contains("Packer reads true as \"1\""),
        notes::toString);
    assertTrue(notes.get(1).startsWith("Element 2 of 4 of inline holds"), notes::toString);
  }
}
