package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convert --check}: compares what a conversion would write with the files in its output
 * folder, writes nothing, and exits 1 when any file would be created, changed or (with --prune)
 * deleted.
 */
class ConvertCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static CliRun bulk(String... extra) {
    return BulkTrees.bulk(CliRun.with(), extra);
  }

  private Path tree() {
    return BulkTrees.threeKinds(tmp.resolve("repo"));
  }

  /** Every file below {@code dir}, the run's list of outputs included: path → content. */
  private static TreeMap<String, String> everything(Path dir) throws Exception {
    TreeMap<String, String> all = BulkTrees.files(dir);
    Path manifest = dir.resolve(OutputManifest.FILE_NAME);
    if (Files.exists(manifest)) {
      all.put(OutputManifest.FILE_NAME, Files.readString(manifest));
    }
    return all;
  }

  @Test
  void aTreeNeverConvertedIsAllNewAndNothingIsWritten() {
    Path root = tree();
    Path out = tmp.resolve("out");

    CliRun r = bulk("--check", "-o", out.toString(), root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "error: 4 files in "
                    + out
                    + " are not up to date (CLI-E004); convert again without --check to update:\n"
                    + "  .packer2aib-outputs.json (new)\n"
                    + "  aib/image.json (new)\n"
                    + "  hcl/web/web.json (new)\n"
                    + "  legacy/old.json (new)\n"),
        r.err());
    assertFalse(Files.exists(out), "--check made the output folder");
  }

  @Test
  void aTreeConvertedJustNowIsUpToDateAndLeftAlone() throws Exception {
    Path root = tree();
    Path out = tmp.resolve("out");
    assertEquals(0, bulk("-o", out.toString(), root.toString()).exitCode());
    TreeMap<String, String> before = everything(out);
    Path one = out.resolve("hcl/web/web.json");
    FileTime stamp = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(one, stamp);

    CliRun r = bulk("--check", "-o", out.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("check: all 3 image templates in " + out + " are up to date\n"));
    assertEquals(before, everything(out));
    assertEquals(stamp, Files.getLastModifiedTime(one));
  }

  @Test
  void aChangedSourceAndARemovedTemplateAreNamedAndNothingChanges() throws Exception {
    Path root = tree();
    Path out = tmp.resolve("out");
    assertEquals(0, bulk("-o", out.toString(), root.toString()).exitCode());
    TreeMap<String, String> before = everything(out);
    put(root, "hcl/web/main.pkr.hcl", BulkTrees.hcl("web").replace("echo hello", "echo bye"));
    Files.delete(root.resolve("legacy/old.json"));

    CliRun kept = bulk("--check", "-q", "-o", out.toString(), root.toString());
    CliRun pruned = bulk("--check", "--prune", "-q", "-o", out.toString(), root.toString());

    assertEquals(1, kept.exitCode(), kept.err());
    // Without --prune, the run would leave the removed template's output: not a change (but the
    // list of outputs holds the changed one's size and CRC-32).
    assertEquals(
        "error: 2 files in "
            + out
            + " are not up to date (CLI-E004); convert again without --check to update:\n"
            + "  .packer2aib-outputs.json (changed)\n"
            + "  hcl/web/web.json (changed)\n",
        kept.err());
    assertEquals(1, pruned.exitCode(), pruned.err());
    assertTrue(
        pruned
            .err()
            .contains("  hcl/web/web.json (changed)\n  legacy/old.json (deleted with --prune)\n"),
        pruned.err());
    assertEquals(before, everything(out));
  }

  @Test
  void jsonDiagnosticsNameEveryFileInPathOrderWhateverTheJobs() throws Exception {
    Path root = tree();
    for (int i = 0; i < 12; i++) {
      put(root, "many/t" + i + ".json", BulkTrees.legacy("t" + i));
    }
    Path out = tmp.resolve("out");

    List<String> details = null;
    for (String jobs : List.of("1", "4")) {
      CliRun r =
          bulk(
              "--check",
              "--jobs",
              jobs,
              "--diagnostics-format",
              "json",
              "-o",
              out.toString(),
              root.toString());
      assertEquals(1, r.exitCode(), r.err());
      List<String> these = new ArrayList<>();
      for (JsonNode d : JSON.readTree(r.err())) {
        if (d.get("code").asText().equals("CLI-E004")) {
          assertEquals("error", d.get("severity").asText());
          these.add(d.get("detail").asText());
        }
      }
      assertEquals(16, these.size(), r.err());
      assertEquals(
          "The same command without --check would create "
              + out.resolve(OutputManifest.FILE_NAME)
              + ", the list of the outputs there that --prune goes by. Run it without --check to"
              + " update it, and keep the list with the outputs.",
          these.get(0));
      assertEquals(
          "The same command without --check would create "
              + out.resolve("aib/image.json")
              + ", so the image templates there are not up to date with their sources. Run it"
              + " without --check to update them.",
          these.get(1));
      if (details != null) {
        assertEquals(details, these);
      }
      details = these;
    }
  }

  @Test
  void anOutputWithTheClocksValuesIsUpToDateOnlyAtTheSameEpoch() {
    Path root = tmp.resolve("repo");
    put(
        root,
        "hcl/web/main.pkr.hcl",
        BulkTrees.hcl("web")
            .replace("\"web-image\"", "\"web-${formatdate(\"YYYYMMDDhhmmss\", timestamp())}\""));
    Path out = tmp.resolve("out");
    assertEquals(0, bulk("-o", out.toString(), root.toString()).exitCode());

    CliRun same = bulk("--check", "-q", "-o", out.toString(), root.toString());
    List<String> args =
        List.of(
            "convert",
            "-r",
            "--check",
            "-q",
            "--identity",
            BulkTrees.IDENTITY,
            "-o",
            out.toString(),
            root.toString());
    CliRun later =
        CliRun.with()
            .env(java.util.Map.of("SOURCE_DATE_EPOCH", "1800000000"))
            .run(args.toArray(String[]::new));

    assertEquals(0, same.exitCode(), same.err());
    assertEquals(1, later.exitCode(), later.err());
    assertTrue(
        later
            .err()
            .contains(
                "  hcl/web/web.json (changed; it holds values of timestamp(), uuidv4() or the like,"
                    + " new on every run unless SOURCE_DATE_EPOCH is the same for both)\n"),
        later.err());
  }

  @Test
  void aFailingTemplateFailsTheCheckToo() {
    Path root = tmp.resolve("repo");
    put(root, "aib/broken.json", BulkTrees.BROKEN_AIB);
    Path out = tmp.resolve("out");

    CliRun r = bulk("--check", "-q", "-o", out.toString(), root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertFalse(Files.exists(out));
  }

  /**
   * A folder where an output file goes, or a file where its folder goes, cannot be replaced by the
   * run: --check said "(changed)"/"(new)" and "convert again without --check to update", and the
   * run then failed (found reviewing folder sync). Now both fail the template, with --check as
   * without, each in the README's words ("it is a directory", not the system's "Is a directory").
   */
  @Test
  void aFolderWhereAnOutputGoesOrAFileWhereItsFolderGoesFailsTheCheckAsTheRun() throws Exception {
    Path root = tree();
    Path out = tmp.resolve("out");
    assertEquals(0, bulk("-o", out.toString(), root.toString()).exitCode());
    Files.delete(out.resolve("aib/image.json"));
    Files.createDirectories(out.resolve("aib/image.json/sub"));
    Files.delete(out.resolve("hcl/web/web.json"));
    Files.delete(out.resolve("hcl/web"));
    Files.writeString(out.resolve("hcl/web"), "x\n");
    TreeMap<String, String> before = everything(out);
    String directory =
        "error: cannot write " + out.resolve("aib/image.json") + ": it is a directory [CLI-E002]\n";
    String file =
        "error: cannot write "
            + out.resolve("hcl/web/web.json")
            + ": "
            + out.resolve("hcl/web")
            + " exists and is not a directory [CLI-E002]\n";

    CliRun check = bulk("--check", "-o", out.toString(), root.toString());

    assertEquals(1, check.exitCode(), check.err());
    assertTrue(check.err().contains(directory), check.err());
    assertTrue(check.err().contains(file), check.err());
    assertFalse(check.err().contains("aib/image.json (changed)"), check.err());
    assertFalse(check.err().contains("web.json (new)"), check.err());
    assertEquals(before, everything(out));

    CliRun run = bulk("-o", out.toString(), root.toString());

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains(directory), run.err());
    assertTrue(run.err().contains(file), run.err());

    // A single convert's check, too.
    Path image = root.resolve("aib/image.json");
    Path single = tmp.resolve("single");
    assertEquals(0, CliRun.run("convert", "-o", single.toString(), image.toString()).exitCode());
    Path written = Files.list(single).findFirst().orElseThrow();
    Files.delete(written);
    Files.createDirectory(written);
    CliRun singleCheck =
        CliRun.run("convert", "--check", "-o", single.toString(), image.toString());

    assertEquals(1, singleCheck.exitCode(), singleCheck.err());
    assertTrue(
        singleCheck
            .err()
            .contains("error: cannot write " + written + ": it is a directory [CLI-E002]\n"),
        singleCheck.err());
    assertFalse(singleCheck.err().contains("CLI-E004"), singleCheck.err());
  }

  /**
   * A check with a failed template ended "check: all 2 image templates in out are up to date" (the
   * failed one not compared, not counted), which reads as a success in a CI log (found reviewing
   * folder sync). The line now says what failed; so does a single convert's check.
   */
  @Test
  void aCheckWithAFailedTemplateDoesNotSayAllAreUpToDate() throws Exception {
    Path root = tree();
    Path out = tmp.resolve("out");
    assertEquals(0, bulk("-o", out.toString(), root.toString()).exitCode());
    put(root, "aib/image.json", BulkTrees.BROKEN_AIB);

    CliRun r = bulk("--check", "-o", out.toString(), root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "check: 2 image templates in "
                    + out
                    + " are up to date, but 1 input failed, so its outputs were not"
                    + " compared\n"),
        r.err());
    assertFalse(r.err().contains("all 2"), r.err());

    Path good = root.resolve("legacy/old.json");
    Path bad = root.resolve("aib/image.json");
    Path single = tmp.resolve("single");
    assertEquals(
        0,
        CliRun.run(
                "convert",
                "--identity",
                BulkTrees.IDENTITY,
                "-o",
                single.toString(),
                good.toString())
            .exitCode());
    CliRun both =
        CliRun.with()
            .run(
                "convert",
                "--check",
                "--identity",
                BulkTrees.IDENTITY,
                "-o",
                single.toString(),
                good.toString(),
                bad.toString());

    assertEquals(1, both.exitCode(), both.err());
    assertTrue(
        both.err()
            .contains(
                "check: 1 image template in "
                    + single
                    + " is up to date, but 1 input failed, so its outputs were not compared\n"),
        both.err());
  }

  /**
   * The list of outputs is part of what the run writes (and what --prune goes by): a folder whose
   * list was not committed passed the check for ever, although the run would create the list (found
   * reviewing folder sync). A missing list is "(new)", a damaged one is named with why.
   */
  @Test
  void aMissingOrDamagedListOfOutputsFailsTheCheck() throws Exception {
    Path root = tree();
    Path out = tmp.resolve("out");
    assertEquals(0, bulk("-o", out.toString(), root.toString()).exitCode());
    Path list = out.resolve(OutputManifest.FILE_NAME);
    Files.delete(list);

    CliRun missing = bulk("--check", "--prune", "-q", "-o", out.toString(), root.toString());

    assertEquals(1, missing.exitCode(), missing.err());
    assertEquals(
        "error: 1 file in "
            + out
            + " is not up to date (CLI-E004); convert again without --check to update:\n"
            + "  .packer2aib-outputs.json (new)\n",
        missing.err());
    assertFalse(Files.exists(list), "--check wrote the list");
    assertEquals(0, bulk("-o", out.toString(), "-q", root.toString()).exitCode());
    assertTrue(Files.exists(list));
    CliRun written = bulk("--check", "--prune", "-q", "-o", out.toString(), root.toString());
    assertEquals(0, written.exitCode(), written.err());

    Files.writeString(list, Files.readString(list).replaceFirst("\\{", "{\n<<<<<<< HEAD"));
    CliRun damaged = bulk("--check", "-q", "-o", out.toString(), root.toString());

    assertEquals(1, damaged.exitCode(), damaged.err());
    assertTrue(
        damaged
            .err()
            .contains(
                "  .packer2aib-outputs.json (cannot be read: line 2, column 1: unexpected character"
                    + " ('<' (code 60)): was expecting double-quote to start field name; resolve it"
                    + " or delete it first)\n"),
        damaged.err());
  }

  @Test
  void singleInputsAreComparedAsWell() throws Exception {
    Path input = put(tmp, "in/image.json", BulkTrees.AIB);
    Path out = tmp.resolve("out");
    String[] check = {"convert", "--check", "-o", out.toString(), input.toString()};

    CliRun fresh = CliRun.run(check);
    assertEquals(1, fresh.exitCode(), fresh.err());
    assertTrue(fresh.err().contains("(CLI-E004)"), fresh.err());
    assertFalse(Files.exists(out));

    assertEquals(0, CliRun.run("convert", "-o", out.toString(), input.toString()).exitCode());
    CliRun same = CliRun.run(check);
    assertEquals(0, same.exitCode(), same.err());
    assertTrue(same.err().contains("check: the image template in " + out + " is up to date\n"));

    Path written = out.resolve(Files.list(out).findFirst().orElseThrow().getFileName());
    Files.writeString(written, "edited by hand\n");
    CliRun edited = CliRun.run(check);
    assertEquals(1, edited.exitCode(), edited.err());
    assertTrue(edited.err().contains(written.getFileName() + " (changed)\n"), edited.err());
    assertEquals("edited by hand\n", Files.readString(written));
  }

  @Test
  void checkNeedsAnOutputFolderAndTakesNoReport() {
    CliRun noOutput = CliRun.run("convert", "--check", "x.json");
    CliRun report = CliRun.run("convert", "--check", "-o", "out", "--report", "r.md", "x.json");

    assertEquals(2, noOutput.exitCode());
    assertTrue(
        noOutput
            .err()
            .contains(
                "--check compares the outputs with the files in an output folder: pass -o DIR"));
    assertEquals(2, report.exitCode());
    assertTrue(report.err().contains("--check writes nothing, not even a report"));
  }
}
