package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packer-only options (variables, usage filters, the mapping's settings) given to a run without a
 * Packer template change nothing: the run says so once (CLI-W004) instead of ignoring them
 * silently, and fails nothing for it.
 */
class PackerOptionsUnusedTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LINE =
      "warning: --var, --location and --build-timeout apply to Packer templates only, and no"
          + " input is one: not used [CLI-W004]\n";

  @TempDir Path tmp;

  @Test
  void aRunOfAibTemplatesOnlySaysThePackerOptionsWereNotUsed() {
    String aib = put(tmp, "image.json", BulkTrees.AIB).toString();
    CliRun run =
        CliRun.run(
            "convert",
            "--strict",
            "--build-timeout",
            "120",
            "--var",
            "admin_password=hunter2",
            "--location",
            "northeurope",
            aib);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains(LINE), run.err());
    assertTrue(run.err().endsWith("; 1 warning\n"), run.err());
    assertFalse(run.err().contains("hunter2"), "a --var value is never shown");
    assertFalse(run.out().contains("\"buildTimeoutInMinutes\": 120"), run.out());

    CliRun validate = CliRun.run("validate", "--only", "x", "--diagnostics-format", "json", aib);
    JsonNode d = only(validate.err());
    assertEquals("CLI-W004", d.get("code").asText());
    assertEquals(
        "--only applies to Packer templates only, and no input of this run is one ("
            + aib
            + " is an AIB template), so it changed nothing. Set the values in the AIB template"
            + " itself, or leave the option out.",
        d.get("detail").asText());
  }

  @Test
  void nothingIsSaidWithAPackerInputOrWithoutPackerOptions() {
    String aib = put(tmp, "image.json", BulkTrees.AIB).toString();
    String hcl = put(tmp, "t/t.pkr.hcl", BulkTrees.hcl("t")).toString();
    CliRun mixed =
        CliRun.run("convert", "-o", tmp.resolve("out").toString(), "--location", "x", aib, hcl);
    assertFalse(mixed.err().contains("no input is one"), mixed.err());
    CliRun plain = CliRun.run("convert", "--api-version", "2022-07-01", aib);
    assertEquals("converted 1 template from 1 input\n", plain.err());
  }

  @Test
  void aBulkRunSaysItOnceAtTheEnd() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a/image.json", BulkTrees.AIB);
    put(root, "b/image.json", BulkTrees.AIB);
    String[] args = {
      "convert",
      "-r",
      "--progress",
      "none",
      "--var",
      "v=1",
      "--location",
      "x",
      "--build-timeout",
      "120",
      "-o",
      tmp.resolve("out").toString(),
      root.toString()
    };
    CliRun run = CliRun.run(args);
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, run.err().split(java.util.regex.Pattern.quote(LINE), -1).length - 1, run.err());

    put(root, "c/c.pkr.hcl", BulkTrees.hcl("c"));
    CliRun withPacker = CliRun.run(args);
    assertFalse(withPacker.err().contains("no input is one"), withPacker.err());

    CliRun json =
        CliRun.run(
            "validate",
            "-r",
            "--skip-unsupported",
            "--diagnostics-format",
            "json",
            tmp.resolve("out").toString());
    assertEquals("CLI-W004", only(json.err()).get("code").asText());

    // With a filter warning too: JSON diagnostics come in the order the text prints them.
    String[] both = {
      "validate",
      "-r",
      "--skip-unsupported",
      "--exclude",
      "nothing/**",
      tmp.resolve("out").toString()
    };
    CliRun text = CliRun.run(both);
    String[] asJson = java.util.Arrays.copyOf(both, both.length + 2);
    asJson[both.length] = "--diagnostics-format";
    asJson[both.length + 1] = "json";
    JsonNode all = JSON.readTree(CliRun.run(asJson).err());
    assertTrue(
        text.err().indexOf("[CLI-W004]") < text.err().indexOf("[CLI-W006]")
            && text.err().contains("[CLI-W006]"),
        text.err());
    assertEquals("CLI-W004", all.get(0).get("code").asText(), all.toString());
    assertEquals("CLI-W006", all.get(1).get("code").asText(), all.toString());
  }

  private static JsonNode only(String err) {
    try {
      JsonNode all = JSON.readTree(err);
      assertEquals(1, all.size(), err);
      return all.get(0);
    } catch (Exception e) {
      throw new AssertionError(err, e);
    }
  }
}
