package io.github.packer2aib.core.emit;

import io.github.packer2aib.core.aib.BoolValue;
import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.aib.Distributor;
import io.github.packer2aib.core.aib.ErrorHandling;
import io.github.packer2aib.core.aib.Identity;
import io.github.packer2aib.core.aib.ImageSource;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.aib.ImageTemplateProperties;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.aib.Optimize;
import io.github.packer2aib.core.aib.TargetRegion;
import io.github.packer2aib.core.aib.Versioning;
import io.github.packer2aib.core.aib.VmProfile;
import io.github.packer2aib.core.aib.VnetConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Two hand-written templates for the golden emitter tests. */
final class Samples {
  private Samples() {}

  static final String ID =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aib/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/aib-builder";

  static ImageTemplate linux() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("team", "platform");
    tags.put("version", "1.10");
    tags.put("enabled", "yes");
    tags.put("owner", "Zoë Müller");
    Map<String, String> artifactTags = new LinkedHashMap<>();
    artifactTags.put("source", "packer2aib");
    artifactTags.put("baseosimg", "ubuntu2204");
    return new ImageTemplate(
        ImageTemplate.RESOURCE_TYPE,
        "2024-02-01",
        "ubuntu-2204",
        "westeurope",
        tags,
        Identity.userAssigned(ID),
        ImageTemplateProperties.builder()
            .buildTimeoutInMinutes(IntValue.of(80))
            .customize(
                List.of(
                    new Customizer.Shell(
                        "install-packages",
                        null,
                        null,
                        List.of(
                            "sudo apt-get update",
                            "sudo apt-get install -y nginx # web server",
                            "echo 'done: ok'")),
                    new Customizer.File(
                        "motd", "https://example.com/files/motd", "/tmp/motd", "abc123"),
                    new Customizer.Shell(
                        "write-config",
                        null,
                        null,
                        List.of("cat > /tmp/app.conf <<'EOF'\nport: 8080\n  indented\nEOF\n"))))
            .errorHandling(new ErrorHandling("abort", "cleanup"))
            .distribute(
                List.of(
                    new Distributor.SharedImage(
                        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aib/"
                            + "providers/Microsoft.Compute/galleries/gal/images/ubuntu",
                        "ubuntu-sig",
                        artifactTags,
                        null,
                        List.of(
                            new TargetRegion("westeurope", IntValue.of(1), "Standard_ZRS"),
                            new TargetRegion("northeurope", null, null)),
                        new Versioning.Latest(IntValue.of(-1)),
                        BoolValue.FALSE,
                        null,
                        null)))
            .optimize(new Optimize(new Optimize.VmBoot("Enabled"), null))
            .source(
                new ImageSource.PlatformImage(
                    "Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", "latest", null))
            .vmProfile(
                new VmProfile(
                    "Standard_D2s_v3",
                    IntValue.of(64),
                    VnetConfig.ofSubnet("/subscriptions/x/subnets/build"),
                    List.of()))
            .build());
  }

  static ImageTemplate windows() {
    return new ImageTemplate(
        ImageTemplate.RESOURCE_TYPE,
        "2022-07-01",
        "[parameters('imageTemplateName')]",
        "[resourceGroup().location]",
        Map.of(),
        Identity.userAssigned("[variables('identityId')]"),
        ImageTemplateProperties.builder()
            .buildTimeoutInMinutes(IntValue.expression("[parameters('timeout')]"))
            .customize(
                List.of(
                    new Customizer.PowerShell(
                        "install-choco",
                        "https://example.com/scripts/choco.ps1",
                        "0f1e",
                        null,
                        BoolValue.TRUE,
                        BoolValue.TRUE,
                        List.of(IntValue.of(0), IntValue.of(3010))),
                    new Customizer.PowerShell(
                        "env",
                        null,
                        null,
                        List.of("$env:Path += ';C:\\tools'", "Write-Host \"on\""),
                        BoolValue.expression("[parameters('elevated')]"),
                        null,
                        null),
                    new Customizer.WindowsRestart(null, null, null, "10m"),
                    new Customizer.WindowsUpdate(
                        "updates",
                        "IsInstalled=0",
                        List.of("exclude:$_.Title -like '*Preview*'", "include:$true"),
                        IntValue.of(40))))
            .distribute(
                List.of(
                    new Distributor.ManagedImage(
                        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/win",
                        "westus2",
                        "win-managed",
                        null),
                    new Distributor.Vhd(null, "win-vhd", Map.of())))
            .source(
                new ImageSource.PlatformImage(
                    "MicrosoftWindowsServer", "WindowsServer", "2019-Datacenter", "latest", null))
            .vmProfile(new VmProfile("Standard_D4s_v3", IntValue.of(127), null, null))
            .build());
  }
}
