package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLI-W009: {@code convert -r -o repo/aib repo} with templates of the tree in {@code repo/aib}. The
 * search leaves the output folder out, so they are not converted; the only sign was a CLI-W001
 * calling them image templates "not written by this run" (README review).
 */
class TemplatesInOutputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void templatesOfTheTreeInTheOutputFolderAreCountedAndNamed() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "app/main.pkr.hcl", BulkTrees.hcl("app"));
    put(root, "aib/image.json", BulkTrees.AIB);
    put(root, "aib/legacy/web.json", BulkTrees.legacy("web"));
    put(root, "aib/packer/main.pkr.hcl", BulkTrees.hcl("pk"));
    put(root, "aib/tools/package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}\n");
    Path out = root.resolve("aib");
    String warning =
        "warning: 3 templates are left out of the run because they are inside the output folder "
            + out
            + " (aib/image.json, aib/legacy/web.json, aib/packer): the search never looks into the"
            + " output folder, whose files it takes for outputs. To convert them, write the outputs"
            + " into a folder that holds no templates (-o outside the input folders, or a new"
            + " folder), or move them out of "
            + out
            + ". [CLI-W009]\n";

    CliRun first = BulkTrees.bulk(CliRun.with(), "-o", out.toString(), root.toString());

    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.err().contains(warning), first.err());
    assertTrue(Files.exists(out.resolve("app/app.json")), "app is converted");
    // The package.json is no template; app/app.json, written by the first run, is an output: the
    // second run counts the same three.
    CliRun second =
        BulkTrees.bulk(
            CliRun.with(), "-o", out.toString(), "--diagnostics-format", "json", root.toString());
    assertEquals(0, second.exitCode(), second.err());
    JsonNode w009 = null;
    for (JsonNode d : JSON.readTree(second.err())) {
      if (d.get("code").asText().equals("CLI-W009")) {
        w009 = d;
      }
    }
    assertTrue(w009 != null, second.err());
    assertEquals("Templates in the output folder not converted", w009.get("summary").asText());
    assertTrue(w009.get("detail").asText().startsWith("3 templates are left out"), second.err());

    // What --exclude leaves out is not counted, and a run without such templates says nothing.
    CliRun excluded =
        BulkTrees.bulk(
            CliRun.with(),
            "-o",
            out.toString(),
            "--exclude",
            "aib/legacy/**",
            "--exclude",
            "aib/packer/**",
            root.toString());
    assertTrue(
        excluded.err().contains("warning: 1 template is left out of the run because it is inside"),
        excluded.err());
    Files.delete(out.resolve("image.json"));
    CliRun none =
        BulkTrees.bulk(
            CliRun.with(),
            "-o",
            out.toString(),
            "--exclude",
            "aib/legacy/**",
            "--exclude",
            "aib/packer/**",
            root.toString());
    assertEquals(0, none.exitCode(), none.err());
    assertFalse(none.err().contains("left out of the run"), none.err());
  }

  /**
   * A template CLI-W009 counts is no earlier output: CLI-W001 also named it, as an image template
   * packer2aib "has no record of writing" that "may be someone else's", right above the warning
   * that it is a source left out of the run (code review). An output of an earlier run whose
   * template was removed is still named by CLI-W001.
   */
  @Test
  void aTemplateTheWarningCountsIsNotAlsoNamedAsAnEarlierOutput() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "b.yaml", BulkTrees.AIB);
    Path gone = put(root, "gone.json", BulkTrees.AIB);
    Path out = root.resolve("sub/aib");
    CliRun first = BulkTrees.bulk(CliRun.with(), "-o", out.toString(), root.toString());
    assertEquals(0, first.exitCode(), first.err());
    Files.delete(gone); // its output, gone.json, is now an earlier run's
    put(out, "a.yaml", BulkTrees.AIB); // a template of the tree, kept in the output folder
    Path report = tmp.resolve("r.json");

    CliRun r =
        BulkTrees.bulk(
            CliRun.with(), "-o", out.toString(), "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "warning: 1 template is left out of the run because it is inside the"
                    + " output folder "
                    + out
                    + " (sub/aib/a.yaml)"),
        r.err());
    assertTrue(
        r.err()
            .contains(
                "warning: 1 image template in "
                    + out
                    + " was not written by this run (CLI-W001): an earlier run wrote it"),
        r.err());
    assertTrue(r.err().contains("\n  gone.json\n"), r.err());
    assertFalse(r.err().contains("  a.yaml\n"), r.err());
    assertFalse(r.err().contains("may be someone else's"), r.err());
    JsonNode earlier = JSON.readTree(report.toFile()).get("earlierOutputs");
    assertEquals("[\"gone.json\"]", earlier.toString());

    // Nor one diagnostic of its own in JSON.
    CliRun json =
        BulkTrees.bulk(
            CliRun.with(), "-o", out.toString(), "--diagnostics-format", "json", root.toString());
    List<String> w001 = new ArrayList<>();
    for (JsonNode d : JSON.readTree(json.err())) {
      if (d.get("code").asText().equals("CLI-W001")) {
        w001.add(d.get("detail").asText());
      }
    }
    assertEquals(1, w001.size(), json.err());
    assertTrue(w001.get(0).startsWith(out.resolve("gone.json") + " is an image template"), w001.toString());
  }

  /**
   * The warning reads each file as the run would (one {@code DocumentFile} for both): a template
   * saved as UTF-16, which the run fails with where its first bad byte is, is a template of the
   * tree left out too; the warning's own copy of the rules took it for no template.
   */
  @Test
  void aTemplateTheRunCannotReadAsUtf8IsCountedAsTheRunTakesIt() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "app/main.pkr.hcl", BulkTrees.hcl("app"));
    Path out = root.resolve("aib");
    Files.createDirectories(out);
    // With its byte order mark, as Windows PowerShell 5's Out-File writes it.
    Files.write(out.resolve("image.json"), BulkTrees.AIB.getBytes(StandardCharsets.UTF_16));
    // No template in any encoding: not counted.
    Files.write(out.resolve("notes.json"), "{\"a\": 1}".getBytes(StandardCharsets.UTF_16));

    CliRun r = BulkTrees.bulk(CliRun.with(), "-o", out.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "warning: 1 template is left out of the run because it is inside the"
                    + " output folder "
                    + out
                    + " (aib/image.json)"),
        r.err());
    // The same file as an input of its own fails, as the warning counts it.
    CliRun alone =
        BulkTrees.bulk(
            CliRun.with(),
            "-o",
            tmp.resolve("o2").toString(),
            out.resolve("image.json").toString());
    assertEquals(1, alone.exitCode(), alone.err());
  }

  /**
   * The warning names the first three, then how many more, and writes its counts with thousands
   * separators, as the usage errors of {@code convert} do (one {@code MessageLists} for both).
   */
  @Test
  void manyTemplatesAreCountedWithSeparatorsAndNamedUpToThree() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "app/main.pkr.hcl", BulkTrees.hcl("app"));
    Path out = root.resolve("aib");
    for (int i = 0; i < 1_003; i++) {
      put(out, String.format("t%04d.json", i), BulkTrees.AIB);
    }

    CliRun r = BulkTrees.bulk(CliRun.with(), "-o", out.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "warning: 1,003 templates are left out of the run because they are inside the"
                    + " output folder "
                    + out
                    + " (aib/t0000.json, aib/t0001.json, aib/t0002.json, and 1,000 more): "),
        r.err());
    assertFalse(r.err().contains("CLI-W001"), r.err());
  }
}
