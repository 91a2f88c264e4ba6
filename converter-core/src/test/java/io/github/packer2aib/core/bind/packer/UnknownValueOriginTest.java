package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A value that is not known at conversion time names what it depends on (PKRMAP-E107): the binder
 * traces an unknown setting to the references of its expression that have no value, and the message
 * says what to give for each, so that a user of a data source knows which {@code --data} to pass.
 */
class UnknownValueOriginTest {
  private static final String TEMPLATE =
      """
data "hcp-packer-artifact" "ubuntu" {
  bucket_name  = "ubuntu"
  channel_name = "prod"
  platform     = "azure"
  region       = "westeurope"
}

locals {
  image = data.hcp-packer-artifact.ubuntu.external_identifier
}

variable "rg" {
  type    = string
  default = "rg-images"
}

source "azure-arm" "web" {
  os_type                                  = "Linux"
  subscription_id                          = "00000000-0000-0000-0000-000000000001"
  location                                 = "westeurope"
  vm_size                                  = "Standard_D2s_v5"
  custom_managed_image_name                = local.image
  custom_managed_image_resource_group_name = var.rg
  managed_image_name                       = "web-${data.hcp-packer-artifact.ubuntu.labels["v"]}"
  managed_image_resource_group_name        = var.rg
}

build {
  sources = ["source.azure-arm.web"]
  provisioner "shell" {
    inline = ["echo ${build.ID} ${var.rg}", "echo ${data.hcp-packer-artifact.ubuntu.id}"]
  }
}
""";

  private static MemoryFileView files() {
    return new MemoryFileView("/work").put("/work/t.pkr.hcl", TEMPLATE);
  }

  @Test
  void unknownSettingsAreTracedToTheReferencesWithoutAValue() {
    LoadResult r = TemplateLoads.load(files(), "t.pkr.hcl");
    var source = r.template().orElseThrow().sources().get(0);
    var settings = source.config().settings();

    // Through the local, to the data source behind it.
    assertEquals(
        List.of("data.hcp-packer-artifact.ubuntu.external_identifier"),
        find(settings, "custom_managed_image_name").unknownFrom());
    assertEquals(
        List.of(), find(settings, "custom_managed_image_resource_group_name").unknownFrom());
    assertEquals(
        List.of("data.hcp-packer-artifact.ubuntu.labels[\"v\"]"),
        find(settings, "managed_image_name").unknownFrom());
    var inline =
        find(
            r.template().orElseThrow().builds().get(0).provisioners().get(0).config().settings(),
            "inline");
    // In source order, without var.rg, which has a value.
    assertEquals(List.of("build.ID", "data.hcp-packer-artifact.ubuntu.id"), inline.unknownFrom());
  }

  @Test
  void theErrorNamesThemAndSaysWhatToGive() {
    ConversionResult r = TemplateLoads.convert(files(), "t.pkr.hcl");
    List<String> details =
        r.diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-E107"))
            .map(Diagnostic::detail)
            .toList();

    assertEquals(
        List.of(
            "The value of custom_managed_image_name is not known at conversion time: it depends on"
                + " data.hcp-packer-artifact.ubuntu.external_identifier, which has a value only"
                + " while Packer runs, so it cannot be written into the image template. Give"
                + " data.hcp-packer-artifact.ubuntu.external_identifier with --data"
                + " data.hcp-packer-artifact.ubuntu.external_identifier=VALUE (the value Packer's"
                + " data source would read).",
            "The value of managed_image_name is not known at conversion time: it depends on"
                + " data.hcp-packer-artifact.ubuntu.labels[\"v\"], which has a value only while"
                + " Packer runs, so it cannot be written into the image template. --data gives a"
                + " data source's attributes as text, not the parts of a map or list such as"
                + " data.hcp-packer-artifact.ubuntu.labels[\"v\"]: replace the expression with a"
                + " value the template can hold.",
            "The value of inline is not known at conversion time: it depends on build.ID and"
                + " data.hcp-packer-artifact.ubuntu.id, which have a value only while Packer runs,"
                + " so it cannot be written into the image template. build.ID exists only while"
                + " Packer builds: replace it with a value the template can hold. Give"
                + " data.hcp-packer-artifact.ubuntu.id with --data"
                + " data.hcp-packer-artifact.ubuntu.id=VALUE (the value Packer's data source would"
                + " read)."),
        details);
  }

  /**
   * HCP Packer's packer.iterationID and packer.versionFingerprint (Packer 1.10+) are unknown, not
   * missing attributes: a template that writes them into a step is refused with PKRMAP-E107, which
   * names them in one sentence.
   */
  @Test
  void hcpPackerValuesAreUnknownAndNamed() {
    MemoryFileView files =
        new MemoryFileView("/work")
            .put(
                "/work/t.pkr.hcl",
"""
source "azure-arm" "web" {
  os_type                           = "Linux"
  subscription_id                   = "00000000-0000-0000-0000-000000000001"
  location                          = "westeurope"
  vm_size                           = "Standard_D2s_v5"
  image_publisher                   = "Canonical"
  image_offer                       = "0001-com-ubuntu-server-jammy"
  image_sku                         = "22_04-lts-gen2"
  managed_image_name                = "web"
  managed_image_resource_group_name = "rg"
}
build {
  sources = ["source.azure-arm.web"]
  provisioner "shell" {
    inline = ["echo ${packer.iterationID} ${packer.versionFingerprint} ${packer.version}"]
  }
}
""");
    ConversionResult r = TemplateLoads.convert(files, "t.pkr.hcl");
    List<String> details =
        r.diagnostics().stream()
            .filter(d -> d.isError())
            .map(d -> d.code() + " " + d.detail())
            .toList();

    assertEquals(
        List.of(
            "PKRMAP-E107 The value of inline is not known at conversion time: it depends on"
                + " packer.iterationID and packer.versionFingerprint, which have a value only while"
                + " Packer runs, so it cannot be written into the image template."
                + " packer.iterationID and packer.versionFingerprint are set by Packer only while"
                + " it builds and publishes to HCP Packer, which Image Builder does not: replace"
                + " them with a value the template can hold."),
        details);
  }

  private static Setting find(List<Setting> settings, String name) {
    return settings.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }
}
