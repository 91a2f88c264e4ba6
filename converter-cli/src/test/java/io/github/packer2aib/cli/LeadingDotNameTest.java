package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template named with a leading dot ({@code .a}: a valid image template name, as AIB's pattern
 * {@code ^[A-Za-z0-9-_.]{1,64}$} allows it) is converted and written under a name that is not a
 * hidden file, as other names that cannot be file names are; never an internal error.
 */
class LeadingDotNameTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static String aib(String name) {
    return "type: Microsoft.VirtualMachineImages/imageTemplates\n"
        + "apiVersion: 2024-02-01\n"
        + "name: '"
        + name
        + "'\n"
        + "location: westeurope\n"
        + "identity:\n"
        + "  type: UserAssigned\n"
        + "  userAssignedIdentities:\n"
        + "    /subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id:"
        + " {}\n"
        + "properties:\n"
        + "  source: {type: PlatformImage, publisher: Canonical, offer: o, sku: s, version:"
        + " latest}\n"
        + "  distribute:\n"
        + "    - {type: ManagedImage, imageId:"
        + " /subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/images/i, location:"
        + " westeurope, runOutputName: r}\n";
  }

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  /** The files below {@code dir}, relative, with '/' separators. */
  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  @Test
  void anImageTemplateNamedWithALeadingDotIsWrittenUnderTheInputsName() throws Exception {
    for (String name : List.of(".a", ".json", ".-", "..a")) {
      Path input = write("golden.yaml", aib(name));
      Path out = tmp.resolve("out-" + name);
      CliRun r = CliRun.run("convert", "-o", out.toString(), input.toString());
      assertEquals(0, r.exitCode(), name + ": " + r.err());
      assertFalse(r.err().contains("internal error"), r.err());
      assertEquals(List.of("golden.json"), files(out), name);
      // The template keeps its name: the spec allows it, so validation has nothing to say.
      assertEquals(name, JSON.readTree(out.resolve("golden.json").toFile()).get("name").asText());
      CliRun v = CliRun.run("validate", input.toString());
      assertEquals(0, v.exitCode(), v.err());
      assertEquals(input + ": ok\n", v.out());
      assertEquals("validated 1 input\n", v.err());
    }
  }

  @Test
  void aDeploymentWithATemplateNamedWithALeadingDotConvertsInABulkRun() throws Exception {
    String template =
        "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"apiVersion\":"
            + " \"2024-02-01\", \"name\": \"NAME\", \"location\": \"westeurope\", \"identity\":"
            + " {\"type\": \"UserAssigned\", \"userAssignedIdentities\": {\"/subscriptions/0/"
            + "resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id\":"
            + " {}}}, \"properties\":"
            + " {\"source\": {\"type\": \"PlatformImage\", \"publisher\": \"Canonical\", \"offer\":"
            + " \"o\", \"sku\": \"s\", \"version\": \"latest\"}, \"distribute\": [{\"type\":"
            + " \"ManagedImage\", \"imageId\": \"/subscriptions/0/resourceGroups/rg/providers/"
            + "Microsoft.Compute/images/i\", \"location\": \"westeurope\", \"runOutputName\":"
            + " \"r\"}]}}";
    String deployment =
        "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", \"resources\": ["
            + template.replace("NAME", ".a")
            + ", "
            + template.replace("NAME", "b")
            + "]}\n";
    write("repo/arm/t.json", deployment);
    Path out = tmp.resolve("out");
    CliRun r =
        CliRun.run("convert", "-r", "-q", "-o", out.toString(), tmp.resolve("repo").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertEquals(List.of(".packer2aib-outputs.json", "arm/t.b.json", "arm/t.t-1.json"), files(out));
  }

  @Test
  void aPackerSourceUsageNamedWithALeadingDotGetsItsNameWithoutTheDots() throws Exception {
    String hcl =
        "source \"azure-arm\" \"a\" {\n"
            + "  location = \"westeurope\"\n"
            + "  os_type = \"Linux\"\n"
            + "  image_publisher = \"Canonical\"\n"
            + "  image_offer = \"UbuntuServer\"\n"
            + "  image_sku = \"18.04-LTS\"\n"
            + "  managed_image_name = \"img\"\n"
            + "  managed_image_resource_group_name = \"rg\"\n"
            + "  subscription_id = \"0000\"\n"
            + "}\n"
            + "build {\n"
            + "  name = \".b\"\n"
            + "  source \"source.azure-arm.a\" {\n"
            + "    name = \".x\"\n"
            + "  }\n"
            + "  source \"source.azure-arm.a\" {\n"
            + "    name = \"...\"\n"
            + "  }\n"
            + "  source \"source.azure-arm.a\" {\n"
            + "    name = \"y\"\n"
            + "  }\n"
            + "}\n";
    Path input = write("t.pkr.hcl", hcl);
    Path out = tmp.resolve("out");
    CliRun r = CliRun.run("convert", "-o", out.toString(), input.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertEquals(List.of("template.json", "x.json", "y.json"), files(out));
    assertEquals("x", JSON.readTree(out.resolve("x.json").toFile()).get("name").asText());
    assertTrue(
        r.err().contains("t.pkr.hcl:13:3: note: Template name changed [PKRMAP-N007]"), r.err());
    assertTrue(
        r.err()
            .contains(
                "is named \"x\": the name also names the output file, which must not start with"
                    + " '.' (a hidden file)."),
        r.err());
  }
}
