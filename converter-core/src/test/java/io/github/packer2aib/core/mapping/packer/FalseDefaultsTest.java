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
  void aStringPackerReadsAsFalseIsFalseToo() {
    // "0" is false to both of Packer's decoders, "F" to a legacy template's; they got the warning
    // that something was lost (review).
    String hcl =
        LoadAndMap.linuxSource("x", "  keep_os_disk = \"0\"\n  encryption_at_host = \"1\"\n")
            + "build { sources = [\"source.azure-arm.x\"] }\n";
    assertEquals(List.of("PKRMAP-N102 11", "PKRMAP-W103 12"), dropped("t.pkr.hcl", hcl));
    Diagnostic note =
        LoadAndMap.map("t.pkr.hcl", hcl).diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-N102"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        note.detail().startsWith("keep_os_disk = \"0\", which Packer reads as false, is what"),
        note::detail);
    String legacy =
        "{\"builders\": [{\"type\": \"azure-arm\",\n"
            + LoadAndMap.LINUX_BUILDER_MEMBERS.strip()
            + ",\n\"keep_os_disk\": \"F\",\n\"managed_image_zone_resilient\": \"f\"\n}]}\n";
    assertEquals(List.of("PKRMAP-N102 11", "PKRMAP-N102 12"), dropped("t.json", legacy));
    // HCL2 reads only "true", "false", "1" and "0" as bools: "F" is no false there.
    String hclF =
        LoadAndMap.linuxSource("x", "  keep_os_disk = \"F\"\n")
            + "build { sources = [\"source.azure-arm.x\"] }\n";
    assertEquals(List.of("PKRMAP-W103 11"), dropped("t.pkr.hcl", hclF));
  }

  @Test
  void anInvalidNumberOrBoolIsShownAsWritten() {
    // "must be a whole number, but it is a number", "… true or false, but it is a string" (review).
    String hcl =
        LoadAndMap.linuxSource("x", "  os_disk_size_gb = 64.5\n  skip_create_image = \"T\"\n")
            + "build { sources = [\"source.azure-arm.x\"] }\n";
    List<String> details =
        LoadAndMap.map("t.pkr.hcl", hcl).diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-E106"))
            .map(Diagnostic::detail)
            .collect(Collectors.toList());
    assertEquals(
        List.of(
            "The value of os_disk_size_gb must be a whole number, but it is 64.5. Fix the value in"
                + " the template.",
            "The value of skip_create_image must be true or false (or the string \"true\","
                + " \"false\", \"1\" or \"0\"), but it is \"T\". Fix the value in the template."),
        details);
    String legacy =
        "{\"builders\": [{\"type\": \"azure-arm\",\n"
            + LoadAndMap.LINUX_BUILDER_MEMBERS.strip()
            + ",\n\"skip_create_image\": \"T\"\n}]}\n";
    List<Diagnostic> refused =
        LoadAndMap.map("t.json", legacy).diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-E105"))
            .collect(Collectors.toList());
    assertEquals(1, refused.size(), "\"T\" is true to a legacy template's decoding");
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
