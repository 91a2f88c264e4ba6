package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A VHD that is the source's only destination needs storage_account and resource_group_name, as the
 * Azure plugin requires them then (Config.Prepare: "A storage_account must be specified"). The
 * converter made a VHD whose blob Image Builder leaves in its staging resource group, deleted with
 * the template, from two corpus templates whose variables for them are empty (fidelity review).
 * Beside a managed image or gallery destination the plugin does not ask for them.
 */
class VhdStorageTest {
  private static final String VHD =
      "  capture_container_name = \"images\"\n  capture_name_prefix = \"ubuntu\"\n";

  /** Maps a Linux source with a VHD destination, {@code more}, and maybe its managed image. */
  private static MapResult map(String more, boolean keepManagedImage) {
    String source = LoadAndMap.linuxSource("u", VHD + more);
    if (!keepManagedImage) {
      source =
          source
              .replace("  managed_image_name = \"ubuntu-base\"\n", "")
              .replace("  managed_image_resource_group_name = \"rg-images\"\n", "");
    }
    return LoadAndMap.map(
        "t.pkr.hcl", source + "build {\n  sources = [\"source.azure-arm.u\"]\n}\n");
  }

  private static List<Diagnostic> refusals(MapResult r) {
    return r.diagnostics().stream()
        .filter(d -> d.detail().startsWith("Packer writes the VHD"))
        .toList();
  }

  @Test
  void aVhdAloneWithoutStorageIsRefusedAndNoTemplateIsMade() {
    MapResult r = map("", false);
    List<Diagnostic> d = refusals(r);
    assertEquals(1, d.size(), r.diagnostics()::toString);
    assertEquals("PKRMAP-E108", d.get(0).code());
    assertTrue(
        d.get(0)
            .detail()
            .contains("storage_account and resource_group_name are missing. Add them."),
        d.get(0).detail());
    assertEquals(List.of(), d.get(0).related(), "nothing is written to point at");
    assertTrue(r.templates().isEmpty());
    assertTrue(
        r.diagnostics().stream().noneMatch(x -> x.code().equals("PKRMAP-W122")),
        "no warning about where a VHD that is not made would go");
  }

  @Test
  void anEmptyStorageAccountIsTheRelatedPlace() {
    MapResult r = map("  storage_account = \"\"\n  resource_group_name = \"rg-storage\"\n", false);
    List<Diagnostic> d = refusals(r);
    assertEquals(1, d.size(), r.diagnostics()::toString);
    assertTrue(
        d.get(0).detail().contains("(\"A storage_account must be specified\")"), d.get(0).detail());
    assertTrue(d.get(0).detail().contains("storage_account is written but empty"));
    assertEquals(
        List.of("storage_account written but empty here"),
        d.get(0).related().stream().map(Related::label).toList());
    assertEquals(
        11, d.get(0).related().get(0).range().start().line(), () -> d.get(0).related().toString());
    assertEquals(9, d.get(0).subject().orElseThrow().start().line(), "at capture_container_name");
    assertTrue(
        r.diagnostics().stream().noneMatch(x -> x.code().equals("PKRMAP-N102")),
        "resource_group_name, named by the error, is not also said to be dropped");
  }

  @Test
  void aStorageAccountAzureRefusesIsToldInTheSameRun() {
    MapResult r = map("  storage_account = \"st.evil.example\"\n", false);
    assertEquals(1, refusals(r).size(), r.diagnostics()::toString);
    assertTrue(
        r.diagnostics().stream()
            .anyMatch(
                x ->
                    x.code().equals("PKRMAP-E106")
                        && x.detail().startsWith("storage_account is \"st.evil.example\"")),
        r.diagnostics()::toString);
  }

  @Test
  void aVhdWithStorageIsNotRefused() {
    MapResult r =
        map("  storage_account = \"stimages\"\n  resource_group_name = \"rg-storage\"\n", false);
    assertEquals(List.of(), refusals(r));
    assertEquals(1, r.templates().size(), r.diagnostics()::toString);
  }

  @Test
  void besideAGalleryDestinationTheyAreNotAskedFor() {
    MapResult r =
        map(
            "  shared_image_gallery_destination {\n"
                + "    resource_group = \"rg-gallery\"\n"
                + "    gallery_name = \"gallery\"\n"
                + "    image_name = \"ubuntu\"\n"
                + "    image_version = \"1.0.0\"\n"
                + "  }\n",
            false);
    assertEquals(List.of(), refusals(r), () -> r.diagnostics().toString());
  }

  @Test
  void besideAManagedImageTheyAreNotAskedFor() {
    assertEquals(List.of(), refusals(map("", true)));
  }
}
