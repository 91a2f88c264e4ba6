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
 * {@code continue_on_error} of an HCL2 provisioner block, a setting of newer Packer (PR #13674): it
 * was refused as a field "Packer refuses" (PKRMAP-E128), which is not so for the Packer that has
 * it; the refusal now says why (Image Builder stops at the first failing step) and what to do
 * (mapping review, session 29). In a legacy template, where Packer has no such setting, it stays an
 * unknown field.
 */
class ContinueOnErrorConversionTest {
  private static final String SOURCE =
      """
      source "azure-arm" "x" {
        subscription_id                   = "00000000-0000-0000-0000-000000000000"
        location                          = "westeurope"
        image_publisher                   = "Canonical"
        image_offer                       = "ubuntu"
        image_sku                         = "22_04-lts"
        os_type                           = "%s"
        managed_image_name                = "app"
        managed_image_resource_group_name = "rg-images"
      }
      """;

  private static ConversionResult convert(String name, String text) {
    MemoryFileView fs = new MemoryFileView("/work").put("/work/" + name, text);
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

  private static ConversionResult hcl(String os, String provisioner) {
    return convert(
        "t.pkr.hcl",
        SOURCE.formatted(os)
            + "build {\n  sources = [\"source.azure-arm.x\"]\n"
            + provisioner
            + "}\n");
  }

  private static List<Diagnostic> withCode(ConversionResult r, String code) {
    return r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
  }

  @Test
  void continuingAfterAFailedShellStepIsRefusedWithWhatToDoInstead() {
    ConversionResult r =
        hcl(
            "Linux",
            """
              provisioner "shell" {
                inline            = ["apt-get install -y optional-tool"]
                continue_on_error = true
              }
            """);
    assertEquals(0, r.templates().size(), r.diagnostics()::toString);
    assertEquals(List.of(), withCode(r, "PKRMAP-E128"));
    List<Diagnostic> refused = withCode(r, "PKRMAP-E105");
    assertEquals(1, refused.size(), r.diagnostics()::toString);
    Diagnostic d = refused.get(0);
    assertEquals(15, d.subject().get().start().line(), d::toString);
    assertTrue(d.detail().contains("hashicorp/packer PR #13674"), d.detail());
    assertTrue(
        d.detail().contains("Image Builder stops the build at the first step that fails"),
        d.detail());
    assertTrue(d.detail().contains("|| true"), d.detail());
    assertTrue(d.detail().contains("or remove continue_on_error"), d.detail());
    assertFalse(d.detail().contains("Packer refuses"), d.detail());
  }

  @Test
  void aPowerShellStepIsToldAboutItsValidExitCodes() {
    ConversionResult r =
        hcl(
            "Windows",
            """
              provisioner "powershell" {
                inline            = ["choco install optional-tool"]
                continue_on_error = true
              }
            """);
    Diagnostic d = withCode(r, "PKRMAP-E105").get(0);
    assertTrue(d.detail().contains("valid_exit_codes"), d.detail());
    assertTrue(d.detail().contains("validExitCodes"), d.detail());
    assertFalse(d.detail().contains("|| true"), d.detail());
  }

  @Test
  void falseIsWhatImageBuilderDoesAnyway() {
    ConversionResult r =
        hcl(
            "Linux",
            """
              provisioner "shell" {
                inline            = ["echo hi"]
                continue_on_error = false
              }
            """);
    assertEquals(1, r.templates().size(), r.diagnostics()::toString);
    assertEquals(List.of(), withCode(r, "PKRMAP-E105"));
    assertEquals(List.of(), withCode(r, "PKRMAP-E128"));
  }

  @Test
  void aLegacyTemplateHasNoSuchSettingSoItIsAnUnknownField() {
    ConversionResult r =
        convert(
            "t.json",
            """
            {
              "builders": [{
                "type": "azure-arm",
                "subscription_id": "00000000-0000-0000-0000-000000000000",
                "location": "westeurope",
                "os_type": "Linux",
                "image_publisher": "Canonical", "image_offer": "o", "image_sku": "s",
                "managed_image_name": "m", "managed_image_resource_group_name": "rg"
              }],
              "provisioners": [
                {"type": "shell", "inline": ["echo hi"], "continue_on_error": true}
              ]
            }
            """);
    assertEquals(List.of(), withCode(r, "PKRMAP-E105"));
    List<Diagnostic> unknown = withCode(r, "PKRMAP-E128");
    assertEquals(1, unknown.size(), r.diagnostics()::toString);
    assertTrue(unknown.get(0).detail().contains("continue_on_error"), unknown.get(0).detail());
  }
}
