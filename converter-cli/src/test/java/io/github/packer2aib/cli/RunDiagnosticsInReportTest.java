package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --report} records what a run says about itself as a whole, as stderr does: a run whose
 * only warning was CLI-W004 (a Packer option given for AIB templates only), or whose --include
 * matched nothing (CLI-W005), wrote a report with "No diagnostics" or "0 templates" and no reason,
 * and the warning stderr counted was in neither form of the report.
 */
class RunDiagnosticsInReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private List<String> codes(JsonNode array) {
    List<String> codes = new ArrayList<>();
    array.forEach(d -> codes.add(d.get("code").asText()));
    return codes;
  }

  /** The warnings stderr's summary line counts ("; 2 warnings"), 0 when it names none. */
  private static int warningsOnStderr(String err) {
    Matcher m = Pattern.compile("; (\\d+) warnings?\\n").matcher(err);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  @Test
  void validateRecordsAnUnusedPackerOptionInBothFormats() throws Exception {
    Path aib = Templates.write(tmp, "ok.json", Templates.VALID_AIB);
    Path json = tmp.resolve("r.json");
    Path md = tmp.resolve("r.md");

    CliRun j =
        CliRun.run(
            "validate", "--location", "westeurope", "--report", json.toString(), aib.toString());
    CliRun m =
        CliRun.run(
            "validate", "--location", "westeurope", "--report", md.toString(), aib.toString());

    assertEquals(0, j.exitCode(), j.err());
    assertTrue(j.err().contains("[CLI-W004]"), j.err());
    JsonNode report = JSON.readTree(Files.readString(json));
    assertEquals(List.of("CLI-W004"), codes(report.get("runDiagnostics")), report.toString());
    JsonNode w004 = report.at("/runDiagnostics/0");
    assertEquals("warning", w004.get("severity").asText());
    assertEquals("Packer options not used", w004.get("summary").asText());
    assertTrue(w004.get("detail").asText().startsWith("--location applies"), w004.toString());
    assertEquals(warningsOnStderr(j.err()), report.at("/totals/warnings").asInt(), j.err());
    assertEquals(1, report.at("/totals/warnings").asInt());

    assertEquals(0, m.exitCode(), m.err());
    String text = Files.readString(md);
    assertTrue(
        text.contains("1 input: 1 converted; 1 warning.\n\n## Diagnostics of the run\n"), text);
    assertTrue(text.contains("- warning CLI-W004 (Packer options not used): \\--location"), text);
    assertFalse(text.contains("No diagnostics: everything was converted as written"), text);
  }

  @Test
  void convertCountsTheRunsWarningsAsStderrDoesAndQuietChangesNothing() throws Exception {
    Path aib = Templates.write(tmp, "ok.json", Templates.VALID_AIB);
    Path json = tmp.resolve("r.json");
    Path quiet = tmp.resolve("q.json");
    Path md = tmp.resolve("r.md");

    CliRun r =
        CliRun.run(
            "convert",
            "--location",
            "westeurope",
            "-o",
            tmp.resolve("out").toString(),
            "--report",
            json.toString(),
            aib.toString());
    CliRun q =
        CliRun.run(
            "convert",
            "-q",
            "--location",
            "westeurope",
            "-o",
            tmp.resolve("out2").toString(),
            "--report",
            quiet.toString(),
            aib.toString());
    CliRun m =
        CliRun.run(
            "convert",
            "--location",
            "westeurope",
            "-o",
            tmp.resolve("out3").toString(),
            "--report",
            md.toString(),
            aib.toString());

    assertEquals(0, r.exitCode(), r.err());
    JsonNode report = JSON.readTree(Files.readString(json));
    assertTrue(codes(report.get("runDiagnostics")).contains("CLI-W004"), report.toString());
    int onStderr = warningsOnStderr(r.err());
    assertTrue(onStderr >= 1, r.err());
    assertEquals(onStderr, report.at("/totals/warnings").asInt(), r.err());
    // --quiet prints less; the report records the same.
    assertEquals(0, q.exitCode(), q.err());
    assertFalse(q.err().contains("CLI-W004"), q.err());
    assertEquals(
        report.get("runDiagnostics"), JSON.readTree(Files.readString(quiet)).get("runDiagnostics"));
    String text = Files.readString(md);
    assertTrue(text.contains("; " + Report.plural(onStderr, "warning") + ".\n"), text);
    assertTrue(text.contains("- warning CLI-W004 (Packer options not used)"), text);
  }

  @Test
  void aBulkRunRecordsAFilterThatMatchedNothingInBothFormats() throws Exception {
    Path repo = tmp.resolve("repo");
    Templates.write(repo, "ok.json", Templates.VALID_AIB);
    Path json = tmp.resolve("b.json");
    Path md = tmp.resolve("b.md");

    CliRun j =
        CliRun.run(
            "validate",
            "-r",
            "--include",
            "qqq*.yaml",
            "--exclude",
            "zzz/**",
            "--report",
            json.toString(),
            repo.toString());
    CliRun m =
        CliRun.run(
            "validate",
            "-r",
            "--include",
            "qqq*.yaml",
            "--exclude",
            "zzz/**",
            "--report",
            md.toString(),
            repo.toString());

    assertEquals(0, j.exitCode(), j.err());
    assertTrue(j.err().contains("[CLI-W005]") && j.err().contains("[CLI-W006]"), j.err());
    JsonNode report = JSON.readTree(Files.readString(json));
    assertEquals(0, report.at("/summary/templates").asInt());
    // In the order stderr prints them.
    assertEquals(
        List.of("CLI-W005", "CLI-W006"), codes(report.get("runDiagnostics")), report.toString());
    assertTrue(
        report.at("/runDiagnostics/0/detail").asText().contains("so nothing was validated"),
        report.toString());
    String text = Files.readString(md);
    int run = text.indexOf("## Diagnostics of the run\n");
    assertTrue(run > 0 && run < text.indexOf("## Templates"), text);
    assertTrue(
        text.contains(
            "- warning CLI-W005 (\\--include selected nothing): \\--include 'qqq\\*.yaml'"),
        text);
    assertTrue(text.contains("- warning CLI-W006 (\\--exclude matched nothing)"), text);
  }

  @Test
  void aBulkConvertRecordsAnUnusedPackerOptionAndAFileThatIsNoTemplate() throws Exception {
    Path repo = tmp.resolve("repo");
    Templates.write(repo, "ok.json", Templates.VALID_AIB);
    Path notTemplate = Templates.write(tmp, "package.json", "{\"name\": \"x\"}\n");
    Path json = tmp.resolve("b.json");
    Path md = tmp.resolve("b.md");

    CliRun j =
        CliRun.run(
            "convert",
            "-r",
            "-q",
            "--location",
            "westeurope",
            "-o",
            tmp.resolve("out").toString(),
            "--report",
            json.toString(),
            repo.toString(),
            notTemplate.toString());
    CliRun m =
        CliRun.run(
            "convert",
            "-r",
            "--location",
            "westeurope",
            "-o",
            tmp.resolve("out2").toString(),
            "--report",
            md.toString(),
            repo.toString(),
            notTemplate.toString());

    assertEquals(0, j.exitCode(), j.err());
    JsonNode report = JSON.readTree(Files.readString(json));
    // Quiet or not: the file that is no template (said as it is met), then CLI-W004 at the end.
    assertEquals(
        List.of("CLI-W007", "CLI-W004"), codes(report.get("runDiagnostics")), report.toString());
    assertEquals(0, m.exitCode(), m.err());
    assertTrue(m.err().indexOf("[CLI-W007]") < m.err().indexOf("[CLI-W004]"), m.err());
    String text = Files.readString(md);
    assertTrue(text.indexOf("- warning CLI-W007 ") < text.indexOf("- warning CLI-W004 "), text);
    assertTrue(text.indexOf("- warning CLI-W007 ") > 0, text);
  }
}
