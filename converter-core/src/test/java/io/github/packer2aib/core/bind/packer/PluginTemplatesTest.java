package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.packer.Build;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go templates in HCL2 source, provisioner and post-processor bodies: Packer's plugins render them
 * when they decode the evaluated body (checked with Packer 1.6.6: {@code managed_image_name =
 * "img-{{ nosuchfunc }}"} fails {@code packer validate} with 'function "nosuchfunc" not defined',
 * and so does a shell provisioner's {@code inline}). Before, {@code "img-{{timestamp}}"} reached
 * the image template as written.
 */
class PluginTemplatesTest {
  private static final String SOURCE =
      """
      source "azure-arm" "ubuntu" {
        os_type                           = "Linux"
        subscription_id                   = "00000000-0000-0000-0000-000000000001"
        location                          = "westeurope"
        image_publisher                   = "Canonical"
        image_offer                       = "0001-com-ubuntu-server-jammy"
        image_sku                         = "22_04-lts-gen2"
        managed_image_name                = "img-{{timestamp}}-{{ build_name }}"
        managed_image_resource_group_name = "rg-images"
        azure_tags = {
          built = "{{ isotime \\"2006-01-02\\" }}"
        }
      }
      """;

  private static LoadResult load(String build) {
    return TemplateLoads.load(
        new MemoryFileView("/work").put("/work/t.pkr.hcl", SOURCE + "build {\n" + build + "}\n"),
        "t.pkr.hcl");
  }

  private static String setting(Config c, String name) {
    return c.setting(name).orElseThrow().value().unmarked().toString();
  }

  @Test
  void sourceAndProvisionerStringsAreRenderedAsPluginsDo() {
    LoadResult r =
        load(
            """
              sources = ["source.azure-arm.ubuntu"]
              provisioner "shell" {
                execute_command = "sudo sh -c '{{ .Vars }} {{ .Path }}'"
                inline          = ["echo {{ build_name }} {{ build_type }}"]
              }
            """);
    assertEquals(List.of(), r.diagnostics().stream().filter(Diagnostic::isError).toList());
    Build b = r.template().orElseThrow().builds().get(0);
    Config source = b.sources().get(0).config();
    // {{timestamp}} is Unix seconds, as in legacy templates.
    assertEquals("\"img-1704164645-ubuntu\"", setting(source, "managed_image_name"));
    assertEquals("{built = \"2024-01-02\"}", setting(source, "azure_tags"));
    Config shell = b.provisioners().get(0).config();
    assertEquals("[\"echo ubuntu azure-arm\"]", setting(shell, "inline"));
    // Provisioner-time data stays for the mapper to read.
    assertEquals("\"sudo sh -c '{{ .Vars }} {{ .Path }}'\"", setting(shell, "execute_command"));
  }

  @Test
  void anUnknownFunctionIsAnErrorAsInPacker() {
    LoadResult r =
        load(
            """
              sources = ["source.azure-arm.ubuntu"]
              provisioner "shell" {
                inline = ["echo {{ nosuchfunc }}"]
              }
            """);
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).detail().contains("\"nosuchfunc\""), errors.get(0).detail());
  }

  @Test
  void userFailsAsInPackerAndNamesTheHcl2Reference() {
    // hcl2_upgrade leaves {{user `x`}} inside strings; Packer 1.6.6 fails on it with "error calling
    // user" whether or not x is declared.
    LoadResult r =
        load(
            """
              sources = ["source.azure-arm.ubuntu"]
              provisioner "shell" {
                inline = ["mkdir {{user `image_folder`}}"]
              }
            """);
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("GOTPL-E109", errors.get(0).code());
    assertTrue(errors.get(0).detail().contains("${var.image_folder}"), errors.get(0).detail());
  }

  @Test
  void envFailsAsInPackerAndNamesHclsOwnEnv() {
    // Packer 1.6.6: "error calling env: env vars are not allowed here" in an azure_tags value.
    LoadResult r =
        load(
            """
              sources = ["source.azure-arm.ubuntu"]
              provisioner "shell" {
                inline = ["echo {{env `HOME`}}"]
              }
            """);
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("GOTPL-E105", errors.get(0).code());
    assertTrue(errors.get(0).detail().contains("env(\"HOME\")"), errors.get(0).detail());
    assertTrue(errors.get(0).detail().contains("${var."), errors.get(0).detail());
  }

  @Test
  void templateDirFailsAsInPackerAndNamesPathRoot() {
    // HCL2 gives plugins no packer_template_path; Packer 1.6.6: "error calling template_dir:
    // template path not available", in a source's azure_tags as in a provisioner's script.
    LoadResult r =
        load(
            """
              sources = ["source.azure-arm.ubuntu"]
              provisioner "shell" {
                script = "{{template_dir}}/setup.sh"
              }
            """);
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("GOTPL-E109", errors.get(0).code());
    assertTrue(
        errors.get(0).detail().contains("template path not available"), errors.get(0).detail());
    assertTrue(errors.get(0).detail().contains("${path.root}"), errors.get(0).detail());
  }
}
