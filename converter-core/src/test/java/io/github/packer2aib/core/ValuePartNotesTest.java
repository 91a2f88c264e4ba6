package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A note about one element of a list ({@code inline}) or one member of an object ({@code
 * azure_tags}) points at that element or member and names it: PKRMAP-N131 (a value frozen at
 * conversion) and PKRMAP-N118 (a JSON boolean read as "1"). At the whole list, a template with 30
 * commands left the user to find the one that was meant. A value not written out where it is used
 * ({@code inline = local.cmds}) is still located as a whole.
 */
class ValuePartNotesTest {
  private static final String LEGACY =
      """
      {"builders": [{"type": "azure-arm", "os_type": "Linux", "location": "westeurope",
        "vm_size": "Standard_D2s_v3",
        "subscription_id": "11111111-2222-3333-4444-555555555555",
        "image_publisher": "Canonical", "image_offer": "ubuntu", "image_sku": "s",
        "managed_image_name": "img", "managed_image_resource_group_name": "rg2",
        "azure_tags": {"owner": "sre", "on": true, "built": "{{timestamp}}"}}],
       "provisioners": [{"type": "shell", "inline": [
         "echo a",
         "echo {{timestamp}}",
         true
       ]}]}
      """;

  private static final String HCL =
      """
      source "azure-arm" "u" {
        os_type = "Linux"
        image_publisher = "Canonical"
        image_offer = "ubuntu"
        image_sku = "s"
        location = "westeurope"
        vm_size = "Standard_D2s_v3"
        managed_image_name = "img"
        managed_image_resource_group_name = "rg"
        subscription_id = "11111111-2222-3333-4444-555555555555"
        azure_tags = { owner = "sre", built = timestamp() }
      }
      locals { cmds = ["echo a", "echo ${timestamp()}"] }
      build {
        sources = ["source.azure-arm.u"]
        provisioner "shell" {
          inline = ["echo a", "echo ${timestamp()}", "echo c"]
        }
        provisioner "shell" {
          inline = local.cmds
        }
      }
      """;

  private static List<Diagnostic> convert(String name, String template) {
    MemoryFileView fs = new MemoryFileView("/work").put("/work/" + name, template);
    PackerOptions options =
        new PackerOptions(
            List.of(),
            List.of(),
            Map.of(),
            Path.of("/work"),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    ConversionResult r =
        new PackerConversion()
            .convert(
                new PackerInput(Path.of(name), name),
                options,
                MapOptions.defaults(),
                OutputFormat.JSON,
                fs,
                true);
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    return r.diagnostics();
  }

  /** The code's diagnostics as "line:column subject" (the detail up to its verb), in order. */
  private static List<String> at(List<Diagnostic> ds, String code) {
    return ds.stream()
        .filter(d -> d.code().equals(code))
        .map(
            d -> {
              Range r = d.subject().orElseThrow();
              return r.start().line()
                  + ":"
                  + r.start().column()
                  + " "
                  + d.detail().split(" (comes from|holds) ")[0];
            })
        .toList();
  }

  @Test
  void legacyNotesPointAtTheElementOrMemberAndNameIt() {
    List<Diagnostic> ds = convert("t.json", LEGACY);

    // Line 9 is "echo {{timestamp}}", line 10 the bare true; line 6 holds the tags.
    assertEquals(
        List.of("6:55 The value of azure_tags.built", "9:4 Element 2 of 3 of inline"),
        at(ds, "PKRMAP-N131"));
    assertEquals(
        List.of("6:40 The value of azure_tags.on", "10:4 Element 3 of 3 of inline"),
        at(ds, "PKRMAP-N118").stream().filter(s -> !s.contains("replication")).toList());
    assertTrue(
        ds.stream()
            .anyMatch(
                d ->
                    d.detail()
                        .startsWith(
                            "Element 3 of 3 of inline holds a JSON true or false where Packer"
                                + " expects text; Packer reads true as \"1\"")),
        ds::toString);
  }

  @Test
  void hclNoteAboutOneCommandPointsAtItAndOneFromAVariableAtTheWholeValue() {
    List<Diagnostic> ds = convert("t.pkr.hcl", HCL);

    // The first step's second command; the second step's local.cmds, not written out there, as a
    // whole (one note per field name: the second inline is its own step, so its own note).
    List<String> frozen = at(ds, "PKRMAP-N131");
    assertTrue(frozen.contains("11:41 The value of azure_tags.built"), frozen::toString);
    assertTrue(frozen.contains("17:25 Element 2 of 3 of inline"), frozen::toString);
    assertTrue(frozen.contains("20:14 The value of inline"), frozen::toString);
  }

  /**
   * Of an object, the note is about the first member by name that holds such a value (the value
   * keeps its members sorted), not the first written: README says so.
   */
  @Test
  void ofAnObjectTheFirstMemberByNameIsNamed() {
    List<Diagnostic> ds =
        convert(
            "t.pkr.hcl",
            HCL.replace(
                "azure_tags = { owner = \"sre\", built = timestamp() }",
                "azure_tags = { zeta = timestamp(), alpha = timestamp() }"));

    List<String> frozen = at(ds, "PKRMAP-N131");
    assertTrue(frozen.contains("11:46 The value of azure_tags.alpha"), frozen::toString);
    assertFalse(frozen.stream().anyMatch(f -> f.contains("azure_tags.zeta")), frozen::toString);
  }
}
