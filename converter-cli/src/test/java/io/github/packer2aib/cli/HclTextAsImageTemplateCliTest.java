package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HCL2 text on standard input, or in a .yaml file, is refused as a Packer template ({@code
 * BIND-E002}), as the README's {@code INPUT...} row says, instead of "The document is a string".
 */
class HclTextAsImageTemplateCliTest {
  @TempDir Path tmp;

  private static final String HCL =
      "source \"azure-arm\" \"x\" {\n  location = \"westeurope\"\n}\n"
          + "build {\n  sources = [\"source.azure-arm.x\"]\n}\n";

  @Test
  void onStandardInputOrInAYamlFile() throws Exception {
    CliRun stdin = CliRun.with().stdin(HCL).run("convert", "-", "-o", tmp.toString());
    Path yaml = Files.writeString(tmp.resolve("t.yaml"), HCL);
    CliRun file = CliRun.run("validate", yaml.toString());

    assertEquals(1, stdin.exitCode(), stdin.err());
    assertTrue(
        stdin.err().startsWith("<stdin>:1:1: error: Packer template where an image template was"),
        stdin.err());
    assertTrue(stdin.err().contains("Give the template as a .pkr.hcl file or its folder"));
    assertEquals(1, file.exitCode(), file.err());
    assertTrue(file.err().contains("t.yaml:1:1: error: Packer template where"), file.err());
  }
}
