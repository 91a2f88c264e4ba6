package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The values an azure-arm build adds to {@code build.*} for its provisioners and post-processors
 * (TempResourceGroupName, TempPublicIPAddressName, …, the keys the Azure plugin's builder returns
 * from Prepare) are known names whose value only a running build has, as {@code build.ID} is: a
 * template that hands them to a local step must load, and one that would write them into the image
 * template gets PKRMAP-E107, not an unsupported-attribute error.
 */
class BuilderGeneratedDataTest {
  private static final String SOURCE =
      """
source "azure-arm" "vm" {
  os_type                           = "Linux"
  subscription_id                   = "00000000-0000-0000-0000-000000000001"
  location                          = "westeurope"
  vm_size                           = "Standard_D2s_v5"
  image_publisher                   = "Canonical"
  image_offer                       = "ubuntu-24_04-lts"
  image_sku                         = "server"
  managed_image_name                = "img"
  managed_image_resource_group_name = "rg"
}
""";

  private static List<Diagnostic> diagnostics(String build) {
    MemoryFileView files = new MemoryFileView("/work").put("/work/t.pkr.hcl", SOURCE + build);
    ConversionResult r = TemplateLoads.convert(files, "t.pkr.hcl");
    return r.diagnostics();
  }

  private static List<String> codes(List<Diagnostic> ds) {
    return ds.stream().map(Diagnostic::code).toList();
  }

  @Test
  void aLocalStepMayUseTheTemporaryResourceNames() {
    List<Diagnostic> ds =
        diagnostics(
            """
build {
  sources = ["source.azure-arm.vm"]
  provisioner "shell-local" {
    environment_vars = ["RG=${build.TempResourceGroupName}", "IP=${build.TempPublicIPAddressName}"]
    inline           = ["echo $RG $IP"]
  }
  post-processor "shell-local" {
    inline = ["echo ${build.SourceImageName} ${build.TempComputeName}"]
  }
}
""");
    assertTrue(codes(ds).stream().noneMatch(c -> c.startsWith("EVAL-")), ds.toString());
    // The local step itself is still refused by the mapper, as any shell-local is.
    assertTrue(codes(ds).contains("PKRMAP-E201"), ds.toString());
  }

  @Test
  void onTheVmTheyAreValuesKnownOnlyWhilePackerRuns() {
    List<Diagnostic> ds =
        diagnostics(
            """
build {
  sources = ["source.azure-arm.vm"]
  provisioner "shell" {
    inline = ["echo ${build.TempResourceGroupName}"]
  }
}
""");
    List<Diagnostic> unknown = ds.stream().filter(d -> d.code().equals("PKRMAP-E107")).toList();
    assertEquals(1, unknown.size(), ds.toString());
    assertTrue(
        unknown.get(0).detail().contains("build.TempResourceGroupName"), unknown.get(0).detail());
    assertTrue(codes(ds).stream().noneMatch(c -> c.startsWith("EVAL-")), ds.toString());
  }

  @Test
  void aNameNoBuilderGivesIsStillAnError() {
    List<Diagnostic> ds =
        diagnostics(
            """
build {
  sources = ["source.azure-arm.vm"]
  provisioner "shell" {
    inline = ["echo ${build.TempResourceGroup}"]
  }
}
""");
    assertTrue(codes(ds).contains("EVAL-E002"), ds.toString());
  }
}
