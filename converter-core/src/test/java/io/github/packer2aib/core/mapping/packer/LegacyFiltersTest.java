package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.emit.TemplateWriter;
import io.github.packer2aib.core.packer.UsageGlob;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code only}/{@code except} of a legacy template read by the legacy loader and mapped: the golden
 * cases build their models in Java, so they cannot show that the loader and the mapper name a
 * builder the same way. A builder without {@code name} is named after its type, and {@code "only":
 * ["azure-arm"]} is how most multi-builder legacy templates keep steps to the Azure build.
 */
class LegacyFiltersTest {
  private static final String TEMPLATE =
      """
      {
        "builders": [
          {
            "type": "azure-arm",
            "subscription_id": "00000000-0000-0000-0000-000000000001",
            "location": "westeurope",
            "os_type": "Linux",
            "image_publisher": "Canonical",
            "image_offer": "0001-com-ubuntu-server-jammy",
            "image_sku": "22_04-lts-gen2",
            "managed_image_name": "ubuntu-base",
            "managed_image_resource_group_name": "rg-images",
            "vm_size": "Standard_D2s_v5"
          },
          {"type": "null", "name": "local", "communicator": "none"}
        ],
        "provisioners": [
          {"type": "shell", "only": ["azure-arm"], "inline": ["echo azure only"]},
          {"type": "shell", "except": ["azure-arm"], "inline": ["echo not on azure"]},
          {"type": "shell", "only": ["local"], "inline": ["echo local only"]},
          {"type": "shell", "except": ["local"], "inline": ["echo all but local"]}
        ]
      }
      """;

  @Test
  void onlyAndExceptNameBuildersAsTheLoaderReadsThem() {
    MapResult result = LoadAndMap.map("t.json", TEMPLATE);

    assertFalse(
        result.diagnostics().stream().anyMatch(d -> d.code().equals("PKRMAP-W005")),
        () -> "no filter entry is unmatched: " + result.diagnostics());
    assertEquals(1, result.templates().size());
    String json = TemplateWriter.toJson(result.templates().get(0).template());
    assertTrue(json.contains("echo azure only"), json);
    assertTrue(json.contains("echo all but local"), json);
    assertFalse(json.contains("echo not on azure"), json);
    assertFalse(json.contains("echo local only"), json);
  }

  /**
   * Packer's -except skips post-processors by name, or by type when they have no name: such an
   * entry is not reported as matching nothing (every post-processor is dropped anyway).
   */
  @Test
  void exceptMayNameAPostProcessor() {
    String template =
        TEMPLATE.replace(
            "  \"provisioners\"",
            "  \"post-processors\": [{\"type\": \"manifest\", \"name\": \"mf\"},"
                + " \"checksum\"],\n  \"provisioners\"");
    for (String except : List.of("mf", "m*", "checksum")) {
      MapResult result =
          LoadAndMap.map("t.json", template, MappingCases.opts().withExcept(List.of(except)));
      assertFalse(
          result.diagnostics().stream().anyMatch(d -> d.code().equals("PKRMAP-W005")),
          () -> except + ": " + result.diagnostics());
      assertEquals(1, result.templates().size(), except);
    }
    // A named post-processor is not matched by its type; nor is a name nothing has.
    for (String except : List.of("manifest", "nothing")) {
      MapResult result =
          LoadAndMap.map("t.json", template, MappingCases.opts().withExcept(List.of(except)));
      assertEquals(
          1,
          result.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-W005")).count(),
          except);
    }
  }

  /**
   * A pattern Packer cannot compile (an unclosed [) matches nothing, in Packer and here; the
   * warning says why instead of only "matches no usage" beside a usage whose name looks as if it
   * should match (README review).
   */
  @Test
  void aPatternPackerCannotCompileIsSaidToBeInvalidAndWhy() {
    MapResult only =
        LoadAndMap.map(
            "t.json", TEMPLATE, MappingCases.opts().withOnly(List.of("azure-arm.[a", "local")));
    List<String> details =
        only.diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-W005"))
            .map(d -> d.detail())
            .toList();
    assertEquals(
        List.of(
            "--only azure-arm.[a is no valid glob: the [ at character 11 opens a"
                + " class that is never closed with ] (close it, as in [ab], or write \\[ for a"
                + " bracket meant as such). It matches nothing (as with Packer's -only). The usages"
                + " are \"azure-arm\".",
            // A valid pattern that matches no azure-arm usage keeps its words.
            "--only local matches no azure-arm source usage. The usages are \"azure-arm\"."),
        details);

    MapResult except =
        LoadAndMap.map("t.json", TEMPLATE, MappingCases.opts().withExcept(List.of("azure-arm\\")));
    assertEquals(
        List.of(
            "--except azure-arm\\ is no valid glob: it ends with a \\ that escapes"
                + " nothing (write \\\\ for a backslash meant as such). It matches nothing (as"
                + " with Packer's -except), so it excludes nothing."),
        except.diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-W005"))
            .map(d -> d.detail())
            .toList());
    assertEquals(1, except.templates().size());
    assertEquals(Optional.empty(), UsageGlob.problem("azure-arm.[ab]"), "a closed class is valid");
    assertEquals(
        "the [ at character 3 opens an empty class, [] (write \\[ for a bracket meant as such)",
        UsageGlob.problem("a.[]").orElseThrow());
    assertTrue(
        UsageGlob.problem("a.[b-").orElseThrow().contains("starts a range"),
        UsageGlob.problem("a.[b-").toString());
  }
}
