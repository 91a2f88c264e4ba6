package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PKRMAP-E306 names the template's folder as the run names the input, not by its absolute path
 * (review session 28): the report of one tree was different in every checkout of it.
 */
class MissingFileFolderNameTest {
  private static final String TEMPLATE =
      """
      source "azure-arm" "x" {
        subscription_id                   = "00000000-0000-0000-0000-000000000000"
        location                          = "westeurope"
        image_publisher                   = "Canonical"
        image_offer                       = "ubuntu"
        image_sku                         = "22_04-lts"
        os_type                           = "Linux"
        managed_image_name                = "app"
        managed_image_resource_group_name = "rg-images"
      }
      build {
        sources = ["source.azure-arm.x"]
        provisioner "shell" {
          script = "scripts/missing.sh"
        }
        provisioner "shell" {
          script = ".\\\\scripts\\\\setup.sh"
        }
        provisioner "shell" {
          script = abspath("${path.root}/scripts/gone.sh")
        }
      }
      """;

  /**
   * The E306 details of converting {@code pj/sub} of a checkout at {@code checkout}: {@code path}
   * is the input's path from {@code base}, the working directory (a bulk run's is the template's
   * folder, and names the folder {@code .}).
   */
  private static List<String> missing(String checkout, String base, String path) {
    MemoryFileView fs =
        new MemoryFileView(base)
            .put(checkout + "/pj/sub/t.pkr.hcl", TEMPLATE)
            .put(checkout + "/pj/sub/scripts/setup.sh", "echo\n");
    PackerOptions options =
        new PackerOptions(
            List.of(),
            List.of(),
            Map.of(),
            Path.of(base),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    ConversionResult r =
        new PackerConversion()
            .convert(
                new PackerInput(Path.of(path), "pj/sub"),
                options,
                MapOptions.defaults(),
                OutputFormat.JSON,
                fs,
                true);
    return r.diagnostics().stream()
        .filter(d -> d.code().equals("PKRMAP-E306"))
        .map(d -> d.detail())
        .toList();
  }

  @Test
  void theFolderIsNamedAsTheRunNamesTheInput() {
    List<String> here = missing("/checkout-a", "/checkout-a", "pj/sub");
    assertEquals(
        List.of(
            "The script \"scripts/missing.sh\" was found neither in the template's folder (pj/sub)"
                + " nor in the working directory. Check the path.",
            "The script \".\\scripts\\setup.sh\" was found neither in the template's folder"
                + " (pj/sub) nor in the working directory. Backslashes separate folders only for"
                + " Packer on Windows; with slashes, which Packer reads everywhere, the path names"
                + " pj/sub/scripts/setup.sh. Write it with /.",
            // An absolute path into the folder, as {{template_dir}} gives one, by its name too.
            "The script \"pj/sub/scripts/gone.sh\" was found neither in the template's folder"
                + " (pj/sub) nor in the working directory. Check the path."),
        here);
    // Another checkout, converted as a bulk run converts it (from the template's folder): the
    // same messages.
    assertEquals(here, missing("/srv/ci/b", "/srv/ci/b/pj/sub", "."));
  }
}
