package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A field without an AIB equivalent set to false asks for what Packer does without it: a note that
 * it was dropped, not the warning that something was lost (which failed --strict for nothing).
 * Found reviewing the corpus (StevenNoel citrix-vda sets keep_os_disk = false).
 */
class FalseDefaultsTest {
  private static List<String> dropped(String name, String text) {
    return LoadAndMap.map(name, text).diagnostics().stream()
        .filter(d -> d.code().equals("PKRMAP-N102") || d.code().equals("PKRMAP-W103"))
        .map(d -> d.code() + " " + d.subject().orElseThrow().start().line())
        .collect(Collectors.toList());
  }

  @Test
  void falseIsANoteAndTrueAWarningInBothSyntaxes() {
    String hcl =
        LoadAndMap.linuxSource(
                "x",
                "  keep_os_disk = false\n"
                    // Not secure_boot_enabled: Packer refuses it beside a managed image (E109).
                    + "  accelerated_networking = true\n"
                    + "  encryption_at_host = \"false\"\n")
            + "build { sources = [\"source.azure-arm.x\"] }\n";
    assertEquals(
        List.of("PKRMAP-N102 11", "PKRMAP-W103 12", "PKRMAP-N102 13"), dropped("t.pkr.hcl", hcl));
    String legacy =
        "{\"builders\": [{\"type\": \"azure-arm\",\n"
            + LoadAndMap.LINUX_BUILDER_MEMBERS.strip()
            + ",\n\"keep_os_disk\": false,\n\"managed_image_zone_resilient\": true\n}]}\n";
    assertEquals(List.of("PKRMAP-N102 11", "PKRMAP-W103 12"), dropped("t.json", legacy));
    Diagnostic note =
        LoadAndMap.map("t.pkr.hcl", hcl).diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-N102"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "keep_os_disk = false is what Packer does without it, so nothing is lost: Image Builder"
            + " deletes the build VM's disks with its staging resources. It was dropped.",
        note.detail());
  }

  @Test
  void aFalseFromASecretIsNotTold() {
    String hcl =
        "variable \"flag\" {\n  default = false\n  sensitive = true\n}\n"
            + LoadAndMap.linuxSource("x", "  keep_os_disk = var.flag\n")
            + "build { sources = [\"source.azure-arm.x\"] }\n";
    List<Diagnostic> found =
        LoadAndMap.map("t.pkr.hcl", hcl).diagnostics().stream()
            .filter(d -> d.detail().contains("keep_os_disk"))
            .collect(Collectors.toList());
    assertEquals(1, found.size(), found::toString);
    assertEquals("PKRMAP-W103", found.get(0).code());
    assertTrue(!found.get(0).detail().contains("false"), found.get(0)::detail);
  }
}
