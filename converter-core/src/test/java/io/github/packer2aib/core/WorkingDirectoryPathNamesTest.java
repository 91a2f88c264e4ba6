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
 * The mapper names a file outside the template's folder as the run names it, not by the absolute
 * path of the converting machine (backlog of session 28): PKRMAP-N309 and W318 named the working
 * directory's file absolutely, and the messages about a script's or file's content (inlined,
 * embedded, a directory) named even a file in the template's folder so, so the report of one tree
 * differed between checkouts and between users.
 */
class WorkingDirectoryPathNamesTest {
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
          script = "scripts/cwd-only.sh"
        }
        provisioner "shell" {
          script = "scripts/both.sh"
        }
        provisioner "shell" {
          script = "~/tools/home.sh"
        }
        provisioner "file" {
          source      = "files/"
          destination = "/tmp/files/"
        }
      }
      """;

  /** The details of converting {@code pj/sub} of a checkout at {@code checkout}, run from there. */
  private static List<String> details(String checkout) {
    MemoryFileView fs =
        new MemoryFileView(checkout)
            .put(checkout + "/pj/sub/t.pkr.hcl", TEMPLATE)
            .put(checkout + "/pj/sub/scripts/both.sh", "echo folder\n")
            .put(checkout + "/pj/sub/files/a.conf", "a=1\n")
            .put(checkout + "/scripts/both.sh", "echo working directory\n")
            .put(checkout + "/scripts/cwd-only.sh", "echo cwd\n")
            .put("/home/user/tools/home.sh", "echo home\n");
    PackerOptions options =
        new PackerOptions(
            List.of(),
            List.of(),
            Map.of(),
            Path.of(checkout),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    ConversionResult r =
        new PackerConversion()
            .convert(
                new PackerInput(Path.of("pj/sub"), "pj/sub"),
                options,
                MapOptions.defaults(),
                OutputFormat.JSON,
                fs,
                true);
    return r.diagnostics().stream()
        .filter(d -> d.code().startsWith("PKRMAP-"))
        .map(Diagnostic::detail)
        .toList();
  }

  @Test
  void filesAreNamedAsTheRunNamesThemInEveryCheckout() {
    List<String> here = details("/checkout-a");
    assertTrue(
        here.contains(
            "\"scripts/cwd-only.sh\" is not in the template's folder (pj/sub); the converter used"
                + " scripts/cwd-only.sh from the working directory."),
        () -> String.join("\n", here));
    assertTrue(
        here.stream()
            .anyMatch(
                d ->
                    d.startsWith(
                        "\"scripts/both.sh\" names something both in the template's folder"
                            + " (pj/sub/scripts/both.sh) and in the working directory"
                            + " (scripts/both.sh), and they differ. The converter used"
                            + " pj/sub/scripts/both.sh ")),
        () -> String.join("\n", here));
    assertTrue(
        here.stream().anyMatch(d -> d.startsWith("The script ~/tools/home.sh is written into")),
        () -> String.join("\n", here));
    assertTrue(
        here.stream().anyMatch(d -> d.startsWith("The source pj/sub/files is a directory.")),
        () -> String.join("\n", here));
    for (String d : here) {
      assertFalse(d.contains("/checkout-a") || d.contains("/home/user"), d);
    }
    assertEquals(here, details("/srv/ci/b"));
  }
}
