package io.github.packer2aib.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics about a run as a whole: a report without them said "No diagnostics" and counted
 * no warning for a run whose summary line on stderr counted one (CLI-W004, CLI-W005).
 */
class RunDiagnosticsReportTest {
  private static final Diagnostic UNUSED =
      ReportFixtures.diagnostic(
          "CLI-W004",
          Severity.WARNING,
          "Packer options not used",
          "--location applies to Packer templates only; the SAS URL"
              + " https://a.blob.core.windows.net/c/f?sv=1&sig=s3cr3t changed nothing.",
          null,
          null);

  private static ConversionReport report() {
    return new ConversionReport(
        List.of(
            InputReport.of("ok.yaml", List.of(), false, List.of()),
            InputReport.of(
                "w.json",
                List.of(
                    ReportFixtures.diagnostic(
                        "PKRMAP-W008", Severity.WARNING, "No template identity", "x", null, null),
                    ReportFixtures.diagnostic(
                        "PKRMAP-W301", Severity.WARNING, "Script inlined", "y", null, null)),
                false,
                List.of(),
                d -> d.code().equals("PKRMAP-W301"))),
        true,
        List.of(UNUSED));
  }

  @Test
  void jsonListsThemAndCountsWarningsAsTheSummaryLineDoes() throws Exception {
    String json = ReportJson.render(report());
    JsonNode root = new ObjectMapper().readTree(json);

    JsonNode run = root.get("runDiagnostics");
    assertEquals(1, run.size(), json);
    assertEquals("CLI-W004", run.get(0).get("code").asText());
    assertEquals("warning", run.get(0).get("severity").asText());
    assertEquals("Packer options not used", run.get(0).get("summary").asText());
    assertTrue(run.get(0).get("detail").asText().startsWith("--location applies"), json);
    // The input's warning and the run's; the ignored one apart.
    assertEquals(2, root.at("/totals/warnings").asInt(), json);
    assertEquals(1, root.at("/totals/ignored").asInt(), json);
    assertFalse(json.contains("s3cr3t"), json);
  }

  @Test
  void markdownListsThemBeforeTheTableAndNeverSaysThereIsNothing() {
    String md = ReportMarkdown.render(report());

    assertTrue(
        md.contains(
            "2 inputs: 1 converted, 1 converted with warnings; 2 warnings; 1 ignored"
                + " (--ignore).\n\n"
                + "## Diagnostics of the run\n\n"),
        md);
    assertTrue(
        md.contains(
            "- warning CLI-W004 (Packer options not used): \\--location applies to Packer templates"
                + " only; the SAS URL https://a.blob.core.windows.net/c/f?sv=1&amp;sig=\\*\\*\\*"
                + " changed nothing.\n\n"
                + "| Input |"),
        md);
    assertFalse(md.contains("No diagnostics: everything was converted as written"), md);
    assertTrue(
        md.contains(
            "No diagnostics about this input; the run's own are under \"Diagnostics of the run\""
                + " above.\n"),
        md);
    assertFalse(md.contains("s3cr3t"), md);
  }

  @Test
  void aRunWithoutThemReadsAsBefore() {
    ConversionReport none =
        new ConversionReport(List.of(InputReport.of("ok.yaml", List.of(), false, List.of())));

    String md = ReportMarkdown.render(none);
    assertFalse(md.contains("Diagnostics of the run"), md);
    assertTrue(md.contains("No diagnostics: everything was converted as written.\n"), md);
    assertTrue(ReportJson.render(none).contains("\"runDiagnostics\": [],"));
  }

  @Test
  void aRunWithNoInputStillSaysWhy() {
    ConversionReport empty = new ConversionReport(List.of(), true, List.of(UNUSED));

    String md = ReportMarkdown.render(empty);
    assertTrue(md.contains("0 inputs; 1 warning.\n\n## Diagnostics of the run"), md);
  }
}
