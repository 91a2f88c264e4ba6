package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.packer2aib.core.emit.TemplateWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of {@code convert -r} is rendered template by template while the run goes ({@link
 * ReportSpool}) and joined to its summary at the end: the joined file must read as one document
 * written at once, and the run must leave nothing else beside it.
 */
class ReportSpoolTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** Converted, converted with warnings, failed, skipped: every kind of entry. */
  private Path tree() {
    Path root = tmp.resolve("repo");
    put(root, "a/image.json", BulkTrees.AIB);
    put(root, "a/broken.json", BulkTrees.BROKEN_AIB);
    put(root, "b/old.json", BulkTrees.legacy("old"));
    put(root, "b/web/main.pkr.hcl", BulkTrees.hcl("web"));
    put(root, "notes.txt", "not a template\n");
    return root;
  }

  /** The same JSON as Jackson prints it at once with the report's printer. */
  private static String reprinted(String json) throws Exception {
    JsonNode tree = JSON.readTree(json);
    return JSON.writer(TemplateWriter.prettyPrinter()).writeValueAsString(tree) + "\n";
  }

  @Test
  void theJoinedJsonReportIsTheDocumentAsPrintedAtOnce() throws Exception {
    Path reports = tmp.resolve("reports");
    Files.createDirectories(reports);
    Path report = reports.resolve("r.json");

    CliRun r =
        BulkTrees.bulk(
            CliRun.with(),
            "-o",
            tmp.resolve("o").toString(),
            "--report",
            report.toString(),
            tree().toString());

    assertEquals(1, r.exitCode(), r.err()); // broken.json fails
    String text = Files.readString(report);
    // Every entry at its depth, commas between them, the array closed on a line of its own.
    assertEquals(reprinted(text), text);
    List<String> verdicts = new ArrayList<>();
    JSON.readTree(text)
        .get("templates")
        .forEach(
            t ->
                verdicts.add(
                    t.get("path").asText()
                        + " "
                        + t.get("verdict").asText()
                        + " "
                        + t.get("diagnostics").size()));
    assertEquals(5, verdicts.size(), verdicts.toString());
    assertTrue(verdicts.get(0).startsWith("a/broken.json failed "), verdicts.toString());
    assertTrue(verdicts.contains("notes.txt skipped 0"), verdicts.toString());
    // The temporary part is gone: the report's folder holds the report alone.
    try (Stream<Path> files = Files.list(reports)) {
      assertEquals(List.of(report), files.toList());
    }
  }

  @Test
  void aRunWithNothingToReportStillWritesAWholeDocument() throws Exception {
    Path root = tmp.resolve("empty");
    Files.createDirectories(root);
    Path report = tmp.resolve("r.json");

    CliRun r =
        BulkTrees.bulk(
            CliRun.with(),
            "-o",
            tmp.resolve("o").toString(),
            "--report",
            report.toString(),
            root.toString());

    assertEquals(0, r.exitCode(), r.err());
    String text = Files.readString(report);
    assertEquals(reprinted(text), text);
    assertEquals(0, JSON.readTree(text).get("templates").size());
  }

  @Test
  void theMarkdownReportPutsEveryRowBeforeTheFirstSectionAndLeavesNoTemporaryFile()
      throws Exception {
    Path reports = tmp.resolve("reports");
    Files.createDirectories(reports);
    Path report = reports.resolve("r.md");

    BulkTrees.bulk(
        CliRun.with(),
        "-o",
        tmp.resolve("o").toString(),
        "--report",
        report.toString(),
        tree().toString());

    String text = Files.readString(report);
    int table = text.indexOf("\n## Templates\n");
    int lastRow = text.indexOf("| notes.txt | none | skipped");
    int firstSection = text.indexOf("\n### ");
    assertTrue(table > 0 && lastRow > table && firstSection > lastRow, text);
    assertTrue(text.indexOf("\n### a/broken.json\n") > 0, text);
    assertTrue(text.indexOf("\n### a/broken.json\n") < text.indexOf("\n### b/old.json\n"), text);
    try (Stream<Path> files = Files.list(reports)) {
      assertEquals(List.of(report), files.toList());
    }
  }

  /** Outcomes with diagnostics, as a bulk run hands them to the spool. */
  private static List<BulkOutcome> outcomes() {
    List<BulkOutcome> all = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      all.add(
          new BulkOutcome(
              i,
              "t" + i + ".json",
              TemplateKind.AIB_JSON,
              i == 1 ? BulkOutcome.Status.FAILED : BulkOutcome.Status.CONVERTED_WITH_WARNINGS,
              "",
              i == 1 ? List.of() : List.of("t" + i + ".json"),
              i == 1 ? List.of(CliCode.UNREADABLE_INPUT.id()) : List.of(),
              List.of(),
              List.of(
                  CliCode.UNREADABLE_INPUT.diagnostic("Line one of " + i + "\nand \"two\"."),
                  CliCode.EARLIER_OUTPUT.diagnostic("Ünïcode ✓ " + i + ".")),
              "",
              List.of(),
              false,
              i == 2 ? new IgnoredCodes(java.util.Set.of("CLI-W001")) : IgnoredCodes.NONE,
              i == 1 ? 0 : 1));
    }
    return all;
  }

  private static String report(ReportFile file) throws Exception {
    StringWriter out = new StringWriter();
    try (ReportSpool spool = ReportSpool.open(file, new PendingWrites())) {
      outcomes().forEach(spool::add);
      BulkReport.write(
          spool, new BulkSummary(), Leftovers.NONE, java.util.Map.of(), List.of(), out);
    }
    return out.toString();
  }

  @Test
  void aSpoolThatCannotBeAFileBesideTheReportIsHeldInMemoryWithTheSameText() throws Exception {
    for (String name : List.of("r.json", "r.md")) {
      Files.createDirectories(tmp.resolve("here"));
      ReportFile.Format format = ReportFile.formatOf(Path.of(name)).orElseThrow();
      String inFiles = report(new ReportFile(tmp.resolve("here").resolve(name), format, false));
      String inMemory =
          report(new ReportFile(tmp.resolve("missing/folder").resolve(name), format, false));

      assertEquals(inFiles, inMemory, name);
      assertTrue(inFiles.contains("Ünïcode ✓ 2."), inFiles);
      if (format == ReportFile.Format.JSON) {
        assertEquals(reprinted(inFiles), inFiles);
        assertEquals(3, JSON.readTree(inFiles).get("templates").size());
      }
      try (Stream<Path> files = Files.list(tmp.resolve("here"))) {
        assertEquals(List.of(), files.toList(), name);
      }
    }
  }
}
