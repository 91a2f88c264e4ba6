package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A Packer template that builds in the group of its image (common, and fine for Packer) converts
 * with RULE-W321 at build_resource_group_name, naming where the image and the gallery are written.
 */
class StagingGroupConversionTest {
  private static final String TEMPLATE =
      """
      source "azure-arm" "x" {
        subscription_id                   = "00000000-0000-0000-0000-000000000000"
        image_publisher                   = "Canonical"
        image_offer                       = "ubuntu"
        image_sku                         = "22_04-lts"
        os_type                           = "Linux"
        build_resource_group_name         = "rg-images"
        managed_image_name                = "app"
        managed_image_resource_group_name = "RG-images"
        shared_image_gallery_destination {
          resource_group = "%s"
          gallery_name   = "gal"
          image_name     = "app"
          image_version  = "1.0.0"
        }
      }
      build { sources = ["source.azure-arm.x"] }
      """;

  private static List<Diagnostic> staging(String galleryGroup) {
    MemoryFileView fs =
        new MemoryFileView("/work").put("/work/t.pkr.hcl", TEMPLATE.formatted(galleryGroup));
    PackerOptions options =
        new PackerOptions(
            List.of(),
            List.of(),
            Map.of(),
            Path.of("/work"),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    MapOptions map = MapOptions.defaults().withLocation("westeurope");
    ConversionResult r =
        new PackerConversion()
            .convert(
                new PackerInput(Path.of("t.pkr.hcl"), "t.pkr.hcl"),
                options,
                map,
                OutputFormat.JSON,
                fs,
                true);
    assertEquals(1, r.templates().size(), r.diagnostics()::toString);
    return r.diagnostics().stream()
        .filter(d -> d.code().equals("RULE-W321"))
        .collect(Collectors.toList());
  }

  @Test
  void buildingInTheGroupOfTheImageIsToldWhereEachIsWritten() {
    List<Diagnostic> found = staging("rg-images");
    assertEquals(1, found.size(), found::toString);
    Diagnostic d = found.get(0);
    assertEquals(7, d.subject().get().start().line(), d::toString);
    assertTrue(d.detail().startsWith("The staging resource group \"rg-images\" holds the gallery"));
    assertEquals(
        List.of("the managed image of distribute[0] 8", "the gallery of distribute[1] 10"),
        d.related().stream()
            .map(x -> x.label() + " " + x.range().start().line())
            .collect(Collectors.toList()));
    // The gallery elsewhere: the image alone, which makes the group not empty from its 2nd build.
    Diagnostic image = staging("rg-galleries").get(0);
    assertTrue(
        image.detail().contains("receives the managed image of distribute[0]"), image::toString);
  }
}
