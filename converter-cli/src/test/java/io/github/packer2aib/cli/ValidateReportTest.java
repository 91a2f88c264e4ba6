package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.packer2aib.core.report.ConversionReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --report FILE}: a report in the form {@code convert --report} writes, of
 * validate's checks (a dry run of a migration, to review before converting: for a Packer template
 * and an AIB template that needs no re-targeting, what convert would decide), though nothing else
 * is written.
 */
class ValidateReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** A Packer template with a literal credential, which the conversion drops. */
  private static final String HCL = ConvertReportTest.HCL;

  @Test
  void theReportHoldsWhatConvertWouldDecideAndNothingElseIsWritten() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path hcl = Templates.write(in, "ubuntu.pkr.hcl", HCL);
    Path aib = Templates.write(in, "good.json", Templates.VALID_AIB);
    Path missing = in.resolve("missing.json");
    Path validated = tmp.resolve("validated.json");
    Path converted = tmp.resolve("converted.json");
    List<String> inputs = List.of(hcl.toString(), aib.toString(), missing.toString());

    CliRun v = CliRun.run(args("validate", validated, null, inputs));
    CliRun c = CliRun.run(args("convert", converted, tmp.resolve("out"), inputs));

    assertEquals(1, v.exitCode(), v.err());
    assertEquals(1, c.exitCode(), c.err());
    JsonNode report = JSON.readTree(validated.toFile());
    assertTrue(report.path("checkOnly").asBoolean(), report.toString());
    assertEquals(3, report.path("inputs").size());
    // The Packer template has no --identity (a warning); the AIB template converts as written.
    assertEquals("converted with warnings", report.path("inputs").get(0).path("verdict").asText());
    assertEquals("converted", report.path("inputs").get(1).path("verdict").asText());
    assertEquals("failed", report.path("inputs").get(2).path("verdict").asText());
    assertEquals(0, report.path("inputs").get(0).path("outputs").size());
    // The same verdicts and decisions as convert's report; only the outputs differ.
    assertEquals(withoutOutputs(JSON.readTree(converted.toFile())), withoutOutputs(report));
    assertFalse(Files.readString(validated).contains("hunter2"));
    try (Stream<Path> files = Files.list(in)) {
      assertEquals(
          List.of("good.json", "ubuntu.pkr.hcl"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aRecursiveRunWritesTheBulkReportWithTheNote() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Templates.write(Files.createDirectories(repo.resolve("ubuntu")), "ubuntu.pkr.hcl", HCL);
    Templates.write(repo, "good.json", Templates.VALID_AIB);
    Path md = tmp.resolve("plan.md");
    Path json = tmp.resolve("plan.json");

    CliRun r1 = CliRun.run(args("validate", md, null, List.of("-r", "-q", repo.toString())));
    CliRun r2 = CliRun.run(args("validate", json, null, List.of("-r", "-q", repo.toString())));

    assertEquals(0, r1.exitCode(), r1.err());
    assertEquals(0, r2.exitCode(), r2.err());
    String text = Files.readString(md);
    assertTrue(
        text.startsWith(
            "# packer2aib conversion report\n\n" + ConversionReport.CHECK_ONLY_NOTE + "\n\n"),
        text);
    assertTrue(text.contains("| ubuntu | "), text);
    assertFalse(text.contains("hunter2"), text);
    JsonNode report = JSON.readTree(json.toFile());
    assertTrue(report.path("checkOnly").asBoolean(), report.toString());
    assertEquals(2, report.path("summary").path("inputs").asInt(), report.toString());
    assertEquals(2, report.path("summary").path("templates").asInt(), report.toString());
    try (Stream<Path> files = Files.walk(repo)) {
      assertEquals(4, files.count()); // repo, ubuntu/, its template, good.json: nothing written
    }
  }

  @Test
  void aReportNameThatIsNeitherMarkdownNorJsonIsAUsageError() throws Exception {
    Path aib = Templates.write(tmp, "good.json", Templates.VALID_AIB);

    CliRun r = CliRun.run("validate", "--report", tmp.resolve("r.txt").toString(), aib.toString());

    assertEquals(2, r.exitCode(), r.err());
    assertTrue(
        r.err().contains("the report is Markdown (FILE.md or FILE.markdown) or JSON"), r.err());
    assertFalse(Files.exists(tmp.resolve("r.txt")));
  }

  private static String[] args(String command, Path report, Path out, List<String> inputs) {
    List<String> all = new ArrayList<>(List.of(command, "--report", report.toString()));
    if (out != null) {
      all.addAll(List.of("-o", out.toString()));
    }
    all.addAll(inputs);
    return all.toArray(new String[0]);
  }

  private static JsonNode withoutOutputs(JsonNode report) {
    ObjectNode copy = report.deepCopy();
    copy.remove("checkOnly");
    for (JsonNode input : copy.path("inputs")) {
      ((ObjectNode) input).remove("outputs");
    }
    return copy;
  }
}
