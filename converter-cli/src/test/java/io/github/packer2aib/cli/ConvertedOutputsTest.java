package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code convert} writes is a template of its own: {@code validate} finds nothing to warn
 * about that the converter put there, and converting it again gives the same bytes.
 */
class ConvertedOutputsTest {

  /** Outputs of the README's examples: no JSON-W102 about the strings the converter wrote. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "../testdata/examples/packer-ubuntu/ubuntu.pkr.hcl",
        "../testdata/examples/packer-scripts",
        "../testdata/examples/linux-yaml/template.yaml"
      })
  void examplesConvertToOutputsWithoutWindowsPathWarnings(String example, @TempDir Path tmp)
      throws IOException {
    assertTrue(Files.exists(Path.of(example)), example);
    List<Path> outputs = convert(tmp, example);
    for (Path output : outputs) {
      CliRun validate = CliRun.run("validate", output.toString());
      assertFalse(validate.err().contains("JSON-W102"), output + ":\n" + validate.err());
    }
  }

  /**
   * A line that ends in a drive ("Set-Location D:"), written by convert as {@code "D:\nGet-...\n"}
   * from a YAML literal block or a heredoc, is no Windows path with an escape: validate --strict of
   * the output passes, and the output converts to itself.
   */
  @ParameterizedTest
  @ValueSource(strings = {"t.yaml", "t.pkr.hcl"})
  void aLineEndingInADriveIsNoWindowsPathInTheOutput(String name, @TempDir Path tmp)
      throws IOException {
    Path input = tmp.resolve("in").resolve(name);
    Files.createDirectories(input.getParent());
    Files.writeString(input, name.endsWith(".yaml") ? YAML_SCRIPT : HCL_SCRIPT);
    // A Packer template names no identity: the one the output needs is given.
    List<Path> outputs = convert(tmp.resolve("out"), input, "--identity", IDENTITY);
    assertEquals(1, outputs.size());
    String text = Files.readString(outputs.get(0));
    assertTrue(text.contains("\"Set-Location D:\\nGet-ChildItem\\n\""), text);
    CliRun validate = CliRun.run("validate", "--strict", outputs.get(0).toString());
    assertEquals(0, validate.exitCode(), validate.err());
    assertEquals(
        text,
        Files.readString(
            convert(tmp.resolve("again"), outputs.get(0), "--identity", IDENTITY).get(0)));
  }

  /**
   * An ARM deployment template whose apiVersion is {@code [parameters('v')]}: convert writes the
   * parameter's default in place of the expression, so the output (the resource alone, without the
   * parameters) is read again in the version the template was checked against.
   */
  @ParameterizedTest
  @ValueSource(strings = {"2025-10-01", "2019-05-01-preview"})
  void aParameterApiVersionIsWrittenAsItsDefault(String version, @TempDir Path tmp)
      throws IOException {
    Path input = tmp.resolve("in/arm.json");
    Files.createDirectories(input.getParent());
    boolean preview = version.startsWith("2019");
    Files.writeString(
        input,
        ARM.replace("<version>", version)
            .replace(
                "<identity>",
                preview
                    ? ""
                    : "\"identity\": {\"type\": \"UserAssigned\", \"userAssignedIdentities\": {\""
                        + IDENTITY
                        + "\": {}}},")
            .replace(
                "<extra>",
                preview
                    ? "\"vmProfile\": {\"vmSize\": \"Standard_D2s_v3\", \"vnetConfig\": {\"name\":"
                        + " \"vnet\", \"subnetName\": \"build\", \"resourceGroupName\": \"net\"}},"
                    : "\"additionalDataDisks\": [{\"sizeGB\": 10}],"));
    List<Path> outputs = convert(tmp.resolve("out"), input);
    String text = Files.readString(outputs.get(0));
    assertTrue(text.contains("\"apiVersion\": \"" + version + "\","), text);
    CliRun validate = CliRun.run("validate", "--strict", outputs.get(0).toString());
    assertEquals(0, validate.exitCode(), validate.err());
    assertEquals(text, Files.readString(convert(tmp.resolve("again"), outputs.get(0)).get(0)));
  }

  private static List<Path> convert(Path out, Object input, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("convert", "-q", "-o", out.toString()));
    args.addAll(List.of(options));
    args.add(input.toString());
    CliRun run = CliRun.run(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(out)) {
      s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
    }
    assertFalse(files.isEmpty(), "no output in " + out);
    return files;
  }

  /**
   * A deployment whose template uses what only its default version has: 2025-10-01's
   * additionalDataDisks, or 2019-05-01-preview's vnetConfig name form without an identity.
   */
  private static final String ARM =
      """
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {"v": {"type": "string", "defaultValue": "<version>"}},
  "resources": [{
    "type": "Microsoft.VirtualMachineImages/imageTemplates",
    "apiVersion": "[parameters('v')]",
    "name": "img",
    "location": "westeurope",
    <identity>
    "properties": {
      "source": {"type": "PlatformImage", "publisher": "Canonical", "offer": "o", "sku": "s",
                 "version": "latest"},
      <extra>
      "customize": [{"type": "Shell", "name": "a", "inline": ["echo hi"]}],
      "distribute": [{"type": "ManagedImage", "runOutputName": "mi",
        "imageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/mi",
        "location": "westeurope"}]
    }
  }]
}
""";

  private static final String IDENTITY =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/aib";

  private static final String YAML_SCRIPT =
      """
type: Microsoft.VirtualMachineImages/imageTemplates
apiVersion: 2024-02-01
name: winpath
location: westeurope
identity:
  type: UserAssigned
  userAssignedIdentities:
    /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib: {}
properties:
  source:
    type: PlatformImage
    publisher: MicrosoftWindowsServer
    offer: WindowsServer
    sku: 2022-datacenter
    version: latest
  customize:
    - type: PowerShell
      name: setloc
      inline:
        - |
          Set-Location D:
          Get-ChildItem
  distribute:
    - type: ManagedImage
      imageId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/x
      location: westeurope
      runOutputName: x
""";

  private static final String HCL_SCRIPT =
      """
      source "azure-arm" "w" {
        subscription_id = "00000000-0000-0000-0000-000000000000"
        os_type = "Windows"
        image_publisher = "MicrosoftWindowsServer"
        image_offer = "WindowsServer"
        image_sku = "2022-datacenter"
        location = "westeurope"
        vm_size = "Standard_D2s_v5"
        managed_image_name = "img"
        managed_image_resource_group_name = "rg"
        communicator = "winrm"
        winrm_username = "packer"
      }
      build {
        sources = ["source.azure-arm.w"]
        provisioner "powershell" {
          inline = [<<-EOT
            Set-Location D:
            Get-ChildItem
            EOT
          ]
        }
      }
      """;
}
