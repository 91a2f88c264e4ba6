package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.bind.aib.AibResourceLocator;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Packer's HCL2 text read as an image template (standard input, a .json or .yaml file, the
 * library's Converter) is BIND-E002 at the line that opens its first block, saying to give it as a
 * .pkr.hcl file or folder. It was "No image template found ... The document is a string" (YAML
 * reads such text as one), or a YAML syntax error in a line of HCL.
 */
class HclTextAsImageTemplateTest {
  private static final String SOURCE_AND_BUILD =
      """
      # a Packer template
      source "azure-arm" "x" {
        location = "westeurope"
      }
      build {
        sources = ["source.azure-arm.x"]
      }
      """;

  /** YAML reads this one as a mapping value error ("inline: a: b"), not as a string. */
  private static final String YAML_SYNTAX_ERROR =
      """
      packer {
        required_plugins {
          azure = { source = "github.com/hashicorp/azure", version = ">= 2.0.0" }
        }
      }
      build {
        provisioner "shell" {
          inline = ["echo key: value"]
        }
      }
      """;

  private static List<Diagnostic> convert(String name, String text) {
    return new Converter()
        .convert(new SourceFile(name, text), ConvertOptions.defaults())
        .diagnostics();
  }

  @Test
  void hcl2TextIsAPackerTemplateAtTheLineThatOpensItsFirstBlock() {
    for (String name : List.of("t.pkr.hcl", "<stdin>", "t.yaml", "t.json")) {
      List<Diagnostic> ds = convert(name, SOURCE_AND_BUILD);

      assertEquals(1, ds.size(), ds::toString);
      Diagnostic d = ds.get(0);
      assertEquals("BIND-E002", d.code());
      assertEquals(name + ":2:1", d.subject().orElseThrow().toString());
      assertEquals(
          "This text looks like a Packer template in HCL2 syntax (a source block), but it was"
              + " read as an Azure VM Image Builder template, which is JSON or YAML: Packer"
              + " templates are read from files and folders (a .pkr.hcl or .pkr.json file, or a"
              + " folder of them), not from standard input or a file named .json, .yaml or .yml."
              + " Give the template as a .pkr.hcl file or its folder, or give an image template"
              + " here.",
          d.detail());
    }
  }

  @Test
  void hcl2TextThatYamlCannotReadIsOneAsWell() {
    List<Diagnostic> ds = convert("t.yaml", YAML_SYNTAX_ERROR);

    assertEquals(List.of("BIND-E002"), ds.stream().map(Diagnostic::code).toList());
    assertTrue(ds.get(0).detail().contains("(a packer block)"), ds.get(0).detail());
  }

  @Test
  void noJsonOrYamlTextIsTakenForHcl2() {
    // A key named like a block, a flow mapping after it, a block scalar holding HCL.
    String yaml =
        """
        source: {type: PlatformImage}
        build {: x
        description: |
          source "azure-arm" "x" {
          }
        """;
    String json = "{\"source\": {\"type\": \"PlatformImage\"}, \"build\": {}}\n";

    assertTrue(AibResourceLocator.hcl2Template(new SourceFile("t.yaml", yaml)).isEmpty());
    assertTrue(AibResourceLocator.hcl2Template(new SourceFile("t.json", json)).isEmpty());
    assertTrue(
        AibResourceLocator.hcl2Template(new SourceFile("t", "variable \"v\" {}\n")).isPresent());
    assertTrue(AibResourceLocator.hcl2Template(new SourceFile("t", "locals {\n}\n")).isPresent());
    assertTrue(
        AibResourceLocator.hcl2Template(new SourceFile("t", "data \"amazon-ami\" \"x\" {\n"))
            .isPresent());
  }
}
