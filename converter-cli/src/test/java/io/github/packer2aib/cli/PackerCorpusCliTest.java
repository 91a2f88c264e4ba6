package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two corpus cases of the core's {@code PackerCorpusVerdictTest}, through {@code Main.run} with the
 * same options as command-line flags: one that converts once the user gives its required variables
 * and one that fails for the template's own fault. Skips when {@code ../shared} is absent.
 */
class PackerCorpusCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IDENTITY =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aib/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/id-aib";
  private static final String SUBSCRIPTION = "11111111-1111-1111-1111-111111111111";
  private static final String GUID = "22222222-2222-2222-2222-222222222222";
  private static final String BASE_URI = "https://example.blob.core.windows.net/build/";

  /**
   * The shared corpus: the {@code packer2aib.shared} property, else a {@code shared} folder beside
   * the working directory or one of its parents (as the core's test {@code SharedFolder}, which
   * this module's tests cannot see).
   */
  static Path corpus() {
    String prop = System.getProperty("packer2aib.shared");
    if (prop != null && Files.isDirectory(Path.of(prop, "corpus"))) {
      return Path.of(prop, "corpus");
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/corpus"))) {
        return p.resolve("shared/corpus");
      }
    }
    assumeTrue(false, "../shared/corpus is absent");
    return null;
  }

  private static List<String> common() {
    return new ArrayList<>(
        List.of(
            "convert",
            "--identity",
            IDENTITY,
            "--subscription",
            SUBSCRIPTION,
            "--location",
            "westeurope",
            "--script-base-uri",
            BASE_URI,
            "--file-base-uri",
            BASE_URI,
            "--skip-unsupported"));
  }

  @Test
  void aTemplateWithRequiredVariablesConvertsOnceTheyAreGiven() throws Exception {
    Path input = corpus().resolve("packer-hcl/gutt02__terraform-azure-packer__ubuntu-image");
    assumeTrue(Files.isDirectory(input), input + " is absent");
    List<String> args = common();
    String[][] vars = {
      {"client_id", GUID},
      {"client_secret", "example-client-secret"},
      {"gallery_name", "example_gallery_name"}, // no hyphen in a gallery's name
      {"resource_group_name_managed_image", "example-resource-group-name-managed-image"},
      {"resource_group_name_shared_image_gallery", "example-rg-gallery"},
      {"shared_image_name", "example-shared-image-name"},
      {"subscription_id", GUID},
      {"tenant_id", GUID}
    };
    for (String[] v : vars) {
      args.add("--var");
      args.add(v[0] + "=" + v[1]);
    }
    args.add(input.toString());

    CliRun run = CliRun.run(args.toArray(String[]::new));

    assertEquals(0, run.exitCode(), run.err());
    JsonNode template = JSON.readTree(run.out());
    assertEquals("Microsoft.VirtualMachineImages/imageTemplates", template.path("type").asText());
    assertTrue(template.path("identity").path("userAssignedIdentities").has(IDENTITY), run.out());
    assertTrue(!run.out().contains("example-client-secret"), run.out());
    assertTrue(!run.err().contains("example-client-secret"), run.err());
  }

  @Test
  void aTemplateWhoseVariableDefaultsUseVariablesFailsWithExitOne() {
    Path input = corpus().resolve("packer-hcl/DanielMabbett__azure-packer-images__ws2019-cis-l1");
    assumeTrue(Files.isDirectory(input), input + " is absent");
    List<String> args = common();
    args.add(input.toString());

    CliRun run = CliRun.run(args.toArray(String[]::new));

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().contains("[EVAL-E025]"), run.err());
    assertTrue(run.err().contains("variables.pkr.hcl:13:16"), run.err());
  }
}
