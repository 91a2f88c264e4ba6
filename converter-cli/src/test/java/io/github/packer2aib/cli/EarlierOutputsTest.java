package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convert -r} names the image templates in its output folder that it did not write
 * (CLI-W001) and leaves them in place, or with {@code --prune} deletes those its list of outputs
 * vouches for (CLI-N002).
 */
class EarlierOutputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static CliRun bulk(String... extra) {
    return BulkTrees.bulk(CliRun.with(), extra);
  }

  private Path tree() {
    return BulkTrees.threeKinds(tmp.resolve("repo"));
  }

  /** The tree converted once into {@code out}; returns its root. */
  private Path convertedOnce(Path out) {
    Path root = tree();
    assertEquals(0, bulk("-o", out.toString(), root.toString()).exitCode());
    return root;
  }

  /** The tree converted once into {@code out}, then its legacy/old.json removed; its root. */
  private Path convertedWithoutOld(Path out) throws Exception {
    Path root = convertedOnce(out);
    Files.delete(root.resolve("legacy/old.json"));
    return root;
  }

  private static List<String> earlierInReport(Path report) throws Exception {
    return listInReport(report, "earlierOutputs");
  }

  private static List<String> listInReport(Path report, String field) throws Exception {
    List<String> paths = new ArrayList<>();
    JSON.readTree(report.toFile()).get(field).forEach(p -> paths.add(p.asText()));
    return paths;
  }

  /** The list of outputs in {@code out}: path → [size, CRC-32]. */
  private static Map<String, List<Long>> manifest(Path out) throws Exception {
    Map<String, List<Long>> entries = new java.util.TreeMap<>();
    JsonNode outputs = JSON.readTree(out.resolve(OutputManifest.FILE_NAME).toFile()).get("outputs");
    outputs
        .fields()
        .forEachRemaining(
            e ->
                entries.put(
                    e.getKey(),
                    List.of(e.getValue().get(0).asLong(), e.getValue().get(1).asLong())));
    return entries;
  }

  private static List<Long> sizeAndCrc(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes);
    return List.of((long) bytes.length, crc.getValue());
  }

  @Test
  void theOutputOfARemovedTemplateIsNamedAndKept() throws Exception {
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");
    Path root = convertedWithoutOld(out);

    CliRun r = bulk("-o", out.toString(), "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "warning: 1 image template in "
                    + out
                    + " was not written by this run (CLI-W001): an earlier run wrote it, and its"
                    + " template was removed, renamed or skipped, failed this time, or now writes"
                    + " another name or format. Delete it if it is stale:\n  legacy/old.json\n"),
        r.err());
    assertEquals(List.of("legacy/old.json"), earlierInReport(report));
    assertTrue(Files.exists(out.resolve("legacy/old.json")), "left in place");
  }

  /**
   * An image template that the output folder's list does not hold (or there is no list) is named
   * without saying that an earlier run wrote it, nor that it may be deleted: it may be a template
   * kept there by hand (found reviewing bulk runs: a user's own AIB template was named "earlier
   * runs wrote them … Delete them if they are stale").
   */
  @Test
  void anImageTemplateTheListDoesNotHoldIsNotSaidToBeAnEarlierOutput() throws Exception {
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.md");
    Path root = tree();
    put(out, "hand/made.json", BulkTrees.AIB);
    String unlisted =
        "warning: 1 image template in "
            + out
            + " was not written by this run (CLI-W001), and packer2aib has no record of writing"
            + " it there (its list of outputs, .packer2aib-outputs.json, does not hold it): it may"
            + " be someone else's, and is left as it is:\n  hand/made.json\n";

    CliRun noList = bulk("-o", out.toString(), root.toString());

    assertEquals(0, noList.exitCode(), noList.err());
    assertTrue(noList.err().contains(unlisted), noList.err());
    assertFalse(noList.err().contains("earlier run"), noList.err());
    assertFalse(noList.err().contains("Delete"), noList.err());

    // With a list that holds an output of a removed template: each is named for what it is.
    Files.delete(root.resolve("legacy/old.json"));
    CliRun both = bulk("-o", out.toString(), "--report", report.toString(), root.toString());
    CliRun json = bulk("-o", out.toString(), "--diagnostics-format", "json", root.toString());

    assertEquals(0, both.exitCode(), both.err());
    assertTrue(both.err().contains(unlisted), both.err());
    assertTrue(
        both.err()
            .contains(
                "was not written by this run (CLI-W001): an earlier run wrote it, and its"
                    + " template was removed, renamed or skipped, failed this time, or now writes"
                    + " another name or format. Delete it if it is stale:\n  legacy/old.json\n"),
        both.err());
    String md = Files.readString(report);
    assertTrue(
        md.contains(
            "Delete them if they are stale.\n\n- legacy/old.json\n\nImage templates in the"
                + " output folder that this run did not write (`CLI-W001`), and packer2aib has no"
                + " record of writing them there (its list of outputs, .packer2aib-outputs.json,"
                + " does not hold them): they may be someone else's, and are left as they are.\n\n"
                + "- hand/made.json\n"),
        md);
    List<String> details = new ArrayList<>();
    for (JsonNode d : JSON.readTree(json.err())) {
      if (d.get("code").asText().equals("CLI-W001")) {
        details.add(d.get("detail").asText());
      }
    }
    assertEquals(
        List.of(
            out.resolve("hand/made.json")
                + " is an image template that this run did not write, and packer2aib has no record"
                + " of writing it there (its list of outputs, .packer2aib-outputs.json, does not"
                + " hold it): it may be someone else's, and is left as it is.",
            out.resolve("legacy/old.json")
                + " is an image template that this run did not write: an earlier run wrote it,"
                + " and its template was removed, renamed or skipped, failed this time, or now"
                + " writes another name or format. Delete it if it is stale."),
        details);
  }

  @Test
  void aFreshOutputFolderAndAnUnchangedTreeNameNothing() throws Exception {
    Path root = tree();
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");

    CliRun first = bulk("-o", out.toString(), "--report", report.toString(), root.toString());
    assertEquals(List.of(), earlierInReport(report));
    CliRun again = bulk("-o", out.toString(), "--report", report.toString(), root.toString());

    assertEquals(List.of(), earlierInReport(report));
    assertFalse(first.err().contains("CLI-W001"), first.err());
    assertFalse(again.err().contains("CLI-W001"), again.err());
  }

  @Test
  void anotherFormatNamesEveryOutputOfTheFirst() throws Exception {
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");
    Path root = convertedOnce(out);

    CliRun r =
        bulk(
            "-o",
            out.toString(),
            "--format",
            "yaml",
            "--report",
            report.toString(),
            root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        List.of("aib/image.json", "hcl/web/web.json", "legacy/old.json"), earlierInReport(report));
    assertTrue(r.err().contains("warning: 3 image templates in " + out + " were not"), r.err());
  }

  /**
   * The output of a template that failed this run is named, but not as a leftover to delete: it
   * said "Delete it if it is stale" of what may be a deployed template's last good output (found
   * reviewing folder sync).
   */
  @Test
  void theOutputOfATemplateThatNowFailsIsNamedAsItsLastGoodOutput() throws Exception {
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");
    Path markdown = tmp.resolve("report.md");
    Path root = convertedOnce(out);
    put(root, "aib/image.json", BulkTrees.BROKEN_AIB);

    CliRun r = bulk("-o", out.toString(), "--report", report.toString(), root.toString());
    CliRun md = bulk("-o", out.toString(), "--report", markdown.toString(), root.toString());
    CliRun json = bulk("-o", out.toString(), "--diagnostics-format", "json", root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertEquals(List.of("aib/image.json"), earlierInReport(report));
    assertTrue(
        r.err()
            .contains(
                "warning: 1 image template in "
                    + out
                    + " was not written by this run (CLI-W001): it is where a template that"
                    + " failed this run writes, so it is left as it is (the last good output"
                    + " stays until its template converts again): fix the template rather than"
                    + " delete the file:\n  aib/image.json\n"),
        r.err());
    assertFalse(r.err().contains("Delete it"), r.err());
    assertTrue(
        Files.readString(markdown)
            .contains(
                "(`CLI-W001`): they are where templates that failed this run write, so they are"
                    + " left as they are (the last good outputs stay until their templates"
                    + " convert again): fix the templates rather than delete the files.\n\n"
                    + "- aib/image.json\n"),
        md.err());
    List<String> details = new ArrayList<>();
    for (JsonNode d : JSON.readTree(json.err())) {
      if (d.get("code").asText().equals("CLI-W001")) {
        details.add(d.get("detail").asText());
      }
    }
    assertEquals(
        List.of(
            out.resolve("aib/image.json")
                + " is an image template that this run did not write: it is where a template"
                + " that failed this run writes, so it is left as it is (the last good output"
                + " stays until its template converts again): fix the template rather than"
                + " delete the file."),
        details);
  }

  /**
   * The advice for the last good output of a failed template follows what failed: "fix the
   * template" followed a template whose output could not be written (a read-only folder of OUT) or
   * whose input could not be read (found reviewing bulk runs).
   */
  @Test
  void theAdviceForTheOutputOfAFailedTemplateFollowsWhatFailed() throws Exception {
    Path out = tmp.resolve("out");
    Path root = tree();
    put(root, "aib/image.json", BulkTrees.twoTemplates());
    Path report = tmp.resolve("report.md");
    assertEquals(0, bulk("-o", out.toString(), root.toString()).exitCode());
    assertTrue(Files.exists(out.resolve("aib/image.a.json")));
    // One template now, whose output cannot be written (a folder stands where it goes); and a
    // template saved as UTF-16, which cannot be read.
    put(root, "aib/image.json", BulkTrees.AIB);
    Files.createDirectories(out.resolve("aib/image.json"));
    Files.write(
        root.resolve("legacy/old.json"),
        BulkTrees.legacy("old").getBytes(java.nio.charset.StandardCharsets.UTF_16LE));

    CliRun r = bulk("-o", out.toString(), "--report", report.toString(), root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("CLI-E002"), r.err());
    assertTrue(
        r.err()
            .contains(
                "was not written by this run (CLI-W001): it is where a template writes whose"
                    + " input could not be read this run (CLI-E001), so it is left as it is (the"
                    + " last good output stays until its template converts again): fix the input"
                    + " as that error says (make it readable, say) rather than delete the file:\n"
                    + "  legacy/old.json\n"),
        r.err());
    assertTrue(
        r.err()
            .contains(
                "were not written by this run (CLI-W001): they are where templates write whose"
                    + " outputs could not be written this run (CLI-E002), so they are left as they"
                    + " are (the last good outputs stay until their templates write again): fix"
                    + " the output folders as those errors say (make them writable, say) rather"
                    + " than delete the files:\n  aib/image.a.json\n  aib/image.b.json\n"),
        r.err());
    assertFalse(r.err().contains("fix the template"), r.err());
    assertTrue(
        Files.readString(report)
            .contains("(`CLI-W001`): they are where templates write whose inputs could not be"),
        Files.readString(report));
  }

  @Test
  void otherFilesHiddenFilesTheReportAndAnInputRootInsideTheFolderAreNotNamed() throws Exception {
    Path out = tmp.resolve("out");
    // The input root lies inside the output folder: its templates are inputs, not leftovers.
    Path root = out.resolve("repo");
    put(root, "aib/image.json", BulkTrees.AIB);
    Path report = out.resolve("report.json");
    put(out, "params.json", "{\"location\": \"westeurope\"}\n");
    put(out, "notes.yaml", "owner: platform\n");
    put(out, "README.md", "# images\n");
    put(out, ".cache/image.json", BulkTrees.AIB);
    put(out, "kept/.image.json", BulkTrees.AIB);
    put(out, "kept/broken.json", "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\",");
    put(out, "kept/image.yml", BulkTrees.AIB);
    // A REST body is an image template too, but no output is one: it names no type.
    String body =
        BulkTrees.AIB
            .replace("\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\",", "")
            .replace("\"apiVersion\": \"2024-02-01\",", "");
    assertFalse(body.contains("imageTemplates"), body);
    put(out, "kept/body.json", body);

    CliRun r = bulk("-o", out.toString(), "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    // A broken image template and one in YAML are image templates all the same.
    assertEquals(List.of("kept/broken.json", "kept/image.yml"), earlierInReport(report));
  }

  @Test
  void aRunOverPartOfTheTreeNamesNothing() throws Exception {
    // --include, --exclude or a file as the root convert part of the tree: the outputs of the
    // rest are not leftovers.
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");
    Path root = convertedOnce(out);

    List<List<String>> runs =
        List.of(
            List.of("--include", "aib/*", root.toString()),
            List.of("--exclude", "legacy/**", root.toString()),
            List.of(root.resolve("aib/image.json").toString()));
    for (List<String> run : runs) {
      List<String> args = new ArrayList<>(List.of("-o", out.toString()));
      args.addAll(List.of("--report", report.toString()));
      args.addAll(run);
      CliRun r = bulk(args.toArray(String[]::new));
      assertEquals(0, r.exitCode(), r.err());
      assertEquals(List.of(), earlierInReport(report), run.toString());
      assertFalse(r.err().contains("CLI-W001"), r.err());
    }
  }

  @Test
  void anOutputFolderThatIsALinkIsLookedThroughAndAnInputInsideItNamedOtherwiseIsNot()
      throws Exception {
    Path real = tmp.resolve("real-out");
    Path link = Files.createSymbolicLink(tmp.resolve("out"), real.getFileName());
    // The input root lies in the real folder, given by its real path; the output by the link.
    Path root = real.resolve("repo");
    put(root, "aib/image.json", BulkTrees.AIB);
    put(real, "gone/old.json", BulkTrees.AIB);
    Path report = tmp.resolve("report.json");

    CliRun r = bulk("-o", link.toString(), "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of("gone/old.json"), earlierInReport(report));
  }

  @Test
  void jsonDiagnosticsCarryOneWarningPerFileAndQuietRunsPrintNone() throws Exception {
    Path root = tree();
    Path out = tmp.resolve("out");
    put(out, "gone/a.json", BulkTrees.AIB);
    put(out, "gone/b.json", BulkTrees.AIB);

    CliRun json = bulk("-o", out.toString(), "--diagnostics-format", "json", root.toString());
    CliRun quiet = bulk("-o", out.toString(), "-q", root.toString());

    assertEquals(0, json.exitCode(), json.err());
    List<String> details = new ArrayList<>();
    for (JsonNode d : JSON.readTree(json.err())) {
      if (d.get("code").asText().equals("CLI-W001")) {
        assertEquals("warning", d.get("severity").asText());
        assertEquals("Image template not written by this run", d.get("summary").asText());
        details.add(d.get("detail").asText());
      }
    }
    assertEquals(2, details.size(), json.err());
    assertTrue(details.get(0).startsWith(out.resolve("gone/a.json") + " is an image template"));
    assertTrue(details.get(1).startsWith(out.resolve("gone/b.json") + " is an image template"));
    assertEquals("", quiet.err());
  }

  @Test
  void stderrNamesTenAndTheMarkdownReportAll() throws Exception {
    Path root = tree();
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.md");
    for (int i = 0; i < 12; i++) {
      put(out, String.format("gone/t%02d.json", i), BulkTrees.AIB);
    }

    CliRun r = bulk("-o", out.toString(), "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("  gone/t09.json\n  ... and 2 more (in the report)\n"), r.err());
    assertFalse(r.err().contains("gone/t10.json"), r.err());
    String md = Files.readString(report);
    assertTrue(md.contains("\n## Earlier outputs\n\nImage templates in the output folder"), md);
    assertTrue(md.contains("- gone/t11.json\n"), md);
  }

  @Test
  void theListOfOutputsHoldsEachFileWithItsSizeAndCrcTheSameForAnyJobs() throws Exception {
    Path root = tree();
    Path one = tmp.resolve("one");
    Path four = tmp.resolve("four");

    assertEquals(0, bulk("-o", one.toString(), "--jobs", "1", root.toString()).exitCode());
    assertEquals(0, bulk("-o", four.toString(), "--jobs", "4", root.toString()).exitCode());

    Map<String, List<Long>> entries = manifest(one);
    assertEquals(
        List.of("aib/image.json", "hcl/web/web.json", "legacy/old.json"),
        List.copyOf(entries.keySet()));
    for (Map.Entry<String, List<Long>> e : entries.entrySet()) {
      assertEquals(sizeAndCrc(one.resolve(e.getKey())), e.getValue(), e.getKey());
    }
    assertEquals(
        Files.readString(one.resolve(OutputManifest.FILE_NAME)),
        Files.readString(four.resolve(OutputManifest.FILE_NAME)));
  }

  @Test
  void pruneDeletesTheUnchangedOutputOfARemovedTemplateAndTheFolderItLeavesEmpty()
      throws Exception {
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");
    Path root = convertedWithoutOld(out);

    CliRun r =
        bulk("-o", out.toString(), "--prune", "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertFalse(Files.exists(out.resolve("legacy")), "the emptied folder goes too");
    assertTrue(Files.exists(out.resolve("aib/image.json")));
    assertEquals(List.of("legacy/old.json"), listInReport(report, "prunedOutputs"));
    assertEquals(List.of(), earlierInReport(report));
    assertTrue(
        r.err()
            .contains(
                "note: deleted 1 image template of earlier runs from "
                    + out
                    + " (--prune, CLI-N002):\n  legacy/old.json\n"),
        r.err());
    assertFalse(r.err().contains("CLI-W001"), r.err());
    assertEquals(
        List.of("aib/image.json", "hcl/web/web.json"), List.copyOf(manifest(out).keySet()));
  }

  @Test
  void pruneLeavesWhatPacker2aibDidNotWriteThereOrWhatChangedSince() throws Exception {
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");
    Path root = convertedWithoutOld(out);
    Files.delete(root.resolve("aib/image.json"));
    // Edited after it was written (the same size: the CRC tells), and one packer2aib never wrote.
    Path edited = out.resolve("aib/image.json");
    String text = Files.readString(edited);
    assertTrue(text.contains("westeurope"), text);
    Files.writeString(edited, text.replaceFirst("westeurope", "easteurope"));
    put(out, "hand/made.json", BulkTrees.AIB);

    CliRun r =
        bulk("-o", out.toString(), "--prune", "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of("legacy/old.json"), listInReport(report, "prunedOutputs"));
    assertEquals(List.of("aib/image.json", "hand/made.json"), earlierInReport(report));
    assertTrue(Files.exists(out.resolve("aib/image.json")));
    assertTrue(Files.exists(out.resolve("hand/made.json")));
    assertTrue(
        r.err()
            .contains(
                "(--prune left it: packer2aib's list of what it wrote here does not hold it"
                    + " as it is, so someone else wrote it or changed it since):\n"
                    + "  aib/image.json\n"),
        r.err());
    assertTrue(
        r.err()
            .contains(
                "not written by this run (CLI-W001), and packer2aib has no record of writing it"
                    + " there (its list of outputs, .packer2aib-outputs.json, does not hold it):"
                    + " it may be someone else's, and is left as it is:\n  hand/made.json\n"),
        r.err());
    // The edited file stays listed as written, so it is never taken for unchanged.
    assertTrue(manifest(out).containsKey("aib/image.json"));
    assertFalse(manifest(out).containsKey("hand/made.json"));
  }

  /**
   * A template that fails this run still exists: --prune keeps its last good output (one broken
   * commit deleted a deployed template), and deletes it once the template is gone.
   */
  @Test
  void pruneKeepsTheOutputsOfATemplateThatFailedThisRun() throws Exception {
    Path out = tmp.resolve("out");
    Path root = convertedOnce(out);
    Path legacy = root.resolve("legacy/old.json");
    String good = Files.readString(legacy);
    Files.writeString(legacy, good + "{");

    CliRun r = bulk("-o", out.toString(), "--prune", root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(Files.exists(out.resolve("legacy/old.json")), r.err());
    assertTrue(r.err().contains("CLI-W001"), r.err());
    assertTrue(manifest(out).containsKey("legacy/old.json"), "the list still vouches for it");

    Files.delete(legacy);
    CliRun gone = bulk("-o", out.toString(), "--prune", root.toString());

    assertEquals(0, gone.exitCode(), gone.err());
    assertFalse(Files.exists(out.resolve("legacy/old.json")), gone.err());
  }

  /**
   * A root that cannot be read (a typo, the wrong working folder) converted nothing of its tree,
   * and --prune deleted every output of it (found reviewing folder sync: a typo'd root deleted
   * nearly everything). Now the run is one over part of its roots, as with --include: it names no
   * leftovers and deletes nothing, and says why.
   */
  @Test
  void pruneDeletesNothingWhenARootCannotBeRead() throws Exception {
    Path out = tmp.resolve("out");
    Path root = convertedWithoutOld(out);
    TreeMap<String, String> before = BulkTrees.files(out);
    String typo = root + "X";

    CliRun r = bulk("-o", out.toString(), "--prune", typo);
    CliRun check = bulk("--check", "-o", out.toString(), "--prune", typo);

    assertEquals(1, r.exitCode(), r.err());
    assertEquals(before, BulkTrees.files(out));
    assertTrue(
        r.err()
            .contains(
                "warning: --prune deleted nothing: the root "
                    + typo
                    + " could not be read, and a run without one of its roots cannot tell the"
                    + " outputs of earlier runs from leftovers. [CLI-W008]\n"),
        r.err());
    assertFalse(r.err().contains("CLI-N002"), r.err());
    assertFalse(r.err().contains("CLI-W001"), r.err());
    assertTrue(manifest(out).containsKey("hcl/web/web.json"), "the list keeps its entries");
    assertEquals(1, check.exitCode(), check.err());
    assertTrue(
        check.err().contains("warning: --prune would delete nothing: the root"), check.err());
    assertFalse(check.err().contains("deleted with --prune"), check.err());

    // Of two roots, one gone: the outputs of both stay (the other's removed template's too).
    Path other = tmp.resolve("other");
    put(other, "x/t.json", BulkTrees.legacy("t"));
    Path two = tmp.resolve("two");
    assertEquals(0, bulk("-o", two.toString(), root.toString(), other.toString()).exitCode());
    assertTrue(Files.exists(two.resolve("other/x/t.json")));
    put(root, "legacy/old.json", BulkTrees.legacy("old"));
    assertEquals(0, bulk("-o", two.toString(), root.toString(), other.toString()).exitCode());
    Files.delete(root.resolve("legacy/old.json"));
    Files.delete(other.resolve("x/t.json"));
    Files.delete(other.resolve("x"));
    Files.delete(other);
    TreeMap<String, String> both = BulkTrees.files(two);

    CliRun gone = bulk("-o", two.toString(), "--prune", root.toString(), other.toString());

    assertEquals(1, gone.exitCode(), gone.err());
    assertEquals(both, BulkTrees.files(two));
    assertTrue(gone.err().contains("--prune deleted nothing: the root " + other), gone.err());
  }

  /**
   * A root whose own HCL2 template failed on a file the run does not read (a link out of the roots)
   * was taken for a root that cannot be read (found reviewing bulk runs): CLI-W008, --prune off, no
   * CLI-W001 for the output of a removed template elsewhere in the tree, and a report row named
   * after the root argument, of kind none. It is a failed template: its outputs directly in OUT
   * stay, the rest of the run prunes as usual.
   */
  @Test
  void aRootWhoseOwnTemplateFailsIsNoUnreadRoot() throws Exception {
    Path out = tmp.resolve("out");
    Path root = tree();
    put(root, "root.pkr.hcl", BulkTrees.hcl("top"));
    assertEquals(0, bulk("-o", out.toString(), root.toString()).exitCode());
    assertTrue(Files.exists(out.resolve("top.json")));
    Files.delete(root.resolve("root.pkr.hcl"));
    Path outside = put(tmp, "outside/m.pkr.hcl", BulkTrees.hcl("top"));
    Files.createSymbolicLink(root.resolve("r.pkr.hcl"), outside);
    Files.delete(root.resolve("legacy/old.json"));
    Path report = tmp.resolve("r.json");

    CliRun named = bulk("-o", out.toString(), root.toString());
    CliRun r =
        bulk("-o", out.toString(), "--prune", "--report", report.toString(), root.toString());

    assertEquals(1, named.exitCode(), named.err());
    assertTrue(named.err().contains("CLI-W001"), named.err());
    assertTrue(named.err().contains("  legacy/old.json\n"), named.err());
    assertEquals(1, r.exitCode(), r.err());
    assertFalse(r.err().contains("CLI-W008"), r.err());
    assertTrue(r.err().contains("cannot read " + root + ": its file r.pkr.hcl is a"), r.err());
    assertFalse(Files.exists(out.resolve("legacy/old.json")), "pruned: " + r.err());
    assertTrue(Files.exists(out.resolve("top.json")), "the failed template's output stays");
    assertTrue(Files.exists(out.resolve("hcl/web/web.json")));
    JsonNode first = JSON.readTree(report.toFile()).get("templates").get(0);
    assertEquals(".", first.get("path").asText());
    assertEquals("HCL2 folder", first.get("kind").asText());
    assertEquals("failed", first.get("verdict").asText());
  }

  @Test
  void aRunWithoutPruneKeepsTheListSoALaterOneCanPrune() throws Exception {
    Path out = tmp.resolve("out");
    Path root = convertedWithoutOld(out);

    CliRun named = bulk("-o", out.toString(), root.toString());
    assertTrue(named.err().contains("CLI-W001"), named.err());
    assertTrue(manifest(out).containsKey("legacy/old.json"));
    CliRun pruned = bulk("-o", out.toString(), "--prune", root.toString());

    assertEquals(0, pruned.exitCode(), pruned.err());
    assertFalse(Files.exists(out.resolve("legacy/old.json")));
    assertFalse(manifest(out).containsKey("legacy/old.json"));
  }

  /**
   * A list of outputs that cannot be read (a merge conflict in it: it is committed with the
   * outputs) was replaced by one without its entries, without a word, and the warning then said the
   * list "does not hold" the outputs it held (found reviewing folder sync). Now it is left as it
   * is, --prune deletes nothing, and the warnings say why; once resolved, --prune goes by it.
   */
  @Test
  void aDamagedListIsLeftAsItIsPrunesNothingAndTheWarningsSayWhy() throws Exception {
    Path out = tmp.resolve("out");
    Path root = convertedWithoutOld(out);
    Path list = out.resolve(OutputManifest.FILE_NAME);
    String resolved = Files.readString(list);
    String web = resolved.lines().filter(l -> l.contains("hcl/web/web.json")).findFirst().get();
    String conflicted =
        resolved.replace(
            web + "\n",
            "<<<<<<< HEAD\n"
                + web
                + "\n=======\n"
                + web
                + "\n    \"hcl/two/two.json\" : [1,2],\n>>>>>>> images\n");
    Files.writeString(list, conflicted);

    CliRun r = bulk("-o", out.toString(), root.toString());
    CliRun pruned = bulk("-o", out.toString(), "--prune", root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(conflicted, Files.readString(list), "left as it is");
    assertTrue(
        r.err()
            .contains(
                "warning: cannot read "
                    + list
                    + " (line 5, column 1: unexpected character ('<' (code 60)): was expecting"
                    + " double-quote to start field name), so it is left as it is and --prune"
                    + " deletes nothing: resolve it (after a merge conflict, keep the entries of"
                    + " both sides) or delete it (a new list then holds none of the outputs of"
                    + " earlier runs, which are named, never deleted) [CLI-W002]\n"),
        r.err());
    assertTrue(
        r.err()
            .contains(
                "was not written by this run (CLI-W001), and packer2aib cannot tell whether it"
                    + " wrote it there (its list of outputs, .packer2aib-outputs.json, cannot be"
                    + " read): it is left as it is:\n  legacy/old.json\n"),
        r.err());
    assertFalse(r.err().contains("does not hold"), r.err());
    assertEquals(0, pruned.exitCode(), pruned.err());
    assertTrue(Files.exists(out.resolve("legacy/old.json")), pruned.err());
    assertEquals(conflicted, Files.readString(list));

    // Resolved as the warning says (the entries of both sides kept): --prune goes by it again.
    Files.writeString(list, conflicted.replaceAll("(?m)^(<<<<<<<|=======|>>>>>>>).*\n", ""));
    CliRun fixed = bulk("-o", out.toString(), "--prune", root.toString());

    assertEquals(0, fixed.exitCode(), fixed.err());
    assertFalse(Files.exists(out.resolve("legacy/old.json")), fixed.err());
    assertEquals(
        List.of("aib/image.json", "hcl/web/web.json"), List.copyOf(manifest(out).keySet()));
  }

  @Test
  void pruneWithFiltersOrWithoutRecursiveIsAUsageError() {
    Path root = tree();
    Path out = tmp.resolve("out");

    CliRun filtered = bulk("-o", out.toString(), "--prune", "--include", "aib/*", root.toString());
    CliRun single = CliRun.run("convert", "--prune", root.resolve("aib/image.json").toString());

    assertEquals(2, filtered.exitCode());
    assertTrue(
        filtered.err().contains("--prune cannot be used with --include or --exclude"),
        filtered.err());
    assertEquals(2, single.exitCode());
    assertTrue(single.err().contains("--prune applies only with -r/--recursive"), single.err());
  }

  /**
   * --only and --except convert part of each template's usages, so the outputs of the others looked
   * like leftovers: {@code --only azure-arm.lin1 --prune} deleted {@code b/lin2.json}, which a full
   * run writes (found reviewing folder sync), while --include with --prune is refused for that
   * reason. Now refused as --include is, and nothing is deleted.
   */
  @Test
  void pruneWithOnlyOrExceptIsAUsageErrorAndDeletesNothing() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "b/one.pkr.hcl", BulkTrees.hcl("lin1"));
    put(root, "b/two.pkr.hcl", BulkTrees.hcl("lin2"));
    Path out = tmp.resolve("out");
    CliRun full = bulk("-o", out.toString(), root.toString());
    assertEquals(0, full.exitCode(), full.err());
    assertTrue(Files.exists(out.resolve("b/lin2.json")), full.err());

    for (String option : List.of("--only", "--except")) {
      CliRun r = bulk("-o", out.toString(), option, "azure-arm.lin1", "--prune", root.toString());

      assertEquals(2, r.exitCode(), r.err());
      assertTrue(
          r.err()
              .contains(
                  "--prune cannot be used with --only or --except: a run over part of the"
                      + " templates' source usages cannot tell the outputs of the rest from"
                      + " leftovers"),
          r.err());
      assertTrue(Files.exists(out.resolve("b/lin1.json")), r.err());
      assertTrue(Files.exists(out.resolve("b/lin2.json")), r.err());
    }
  }

  @Test
  void prunedFilesAreNotesInJsonDiagnostics() throws Exception {
    Path out = tmp.resolve("out");
    Path root = convertedWithoutOld(out);

    CliRun r =
        bulk("-o", out.toString(), "--prune", "--diagnostics-format", "json", root.toString());

    assertEquals(0, r.exitCode(), r.err());
    JsonNode all = JSON.readTree(r.err());
    assertEquals(1, all.size(), r.err());
    assertEquals("CLI-N002", all.get(0).get("code").asText());
    assertEquals("note", all.get(0).get("severity").asText());
    assertTrue(
        all.get(0)
            .get("detail")
            .asText()
            .startsWith(out.resolve("legacy/old.json") + " was deleted"));
  }
}
