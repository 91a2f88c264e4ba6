package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
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
      "{\n  \"builders\": [{\n    \"type\": \"azure-arm\",\n"
          + LoadAndMap.LINUX_BUILDER_MEMBERS.indent(4).stripTrailing()
          + """
            ,
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

  /** The diagnostics of {@code code}, each as the range of its subject. */
  private static List<Range> at(List<Diagnostic> all, String code) {
    return all.stream()
        .filter(d -> d.code().equals(code))
        .map(d -> d.subject().orElseThrow())
        .toList();
  }

  /** The range of the {@code n}th (from 1) occurrence of {@code text} in {@code file}. */
  private static Range find(SourceFile file, String text, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = file.text().indexOf(text, at + 1);
    }
    return file.range(at, at + text.length());
  }

  @Test
  void legacyMembersOfAnObjectAndOfAnArrayElementAreLocatedAtTheirKeys() {
    SourceFile file = new SourceFile("t.json", LEGACY);
    List<Diagnostic> all = LoadAndMap.map("t.json", LEGACY).diagnostics();

    assertEquals(List.of(find(file, "\"image_version\"", 1)), at(all, "PKRMAP-W115"));
    assertEquals(
        List.of(find(file, "\"replica_count\"", 1), find(file, "\"galery_typo\"", 1)),
        at(all, "PKRMAP-W101"),
        all::toString);
  }

  @Test
  void anHclTagIsLocatedAtItsKeyAndATagOfAVariableAtTheArgument() {
    String tooLong = "k".repeat(600);
    String written =
        LoadAndMap.linuxSource(
                "x",
                "  azure_tags = {\n    owner = \"sre\"\n    \"" + tooLong + "\" = \"x\"\n  }\n")
            + "build { sources = [\"source.azure-arm.x\"] }\n";
    assertEquals(
        List.of(find(new SourceFile("t.pkr.hcl", written), "\"" + tooLong + "\"", 1)),
        at(LoadAndMap.map("t.pkr.hcl", written).diagnostics(), "PKRMAP-E106"));

    String fromVariable =
        "variable \"tags\" {\n  default = { \""
            + tooLong
            + "\" = \"x\" }\n}\n"
            + LoadAndMap.linuxSource("x", "  azure_tags = var.tags\n")
            + "build { sources = [\"source.azure-arm.x\"] }\n";
    assertEquals(
        List.of(find(new SourceFile("t.pkr.hcl", fromVariable), "azure_tags", 1)),
        at(LoadAndMap.map("t.pkr.hcl", fromVariable).diagnostics(), "PKRMAP-E106"),
        "the argument's name");
  }
}
