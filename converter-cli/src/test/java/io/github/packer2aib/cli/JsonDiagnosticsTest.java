package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.diag.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --diagnostics-format json}: stderr is exactly one JSON array for the whole run. */
class JsonDiagnosticsTest {
  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void diagnosticsOfAllInputsFormOneArray() throws Exception {
    Path broken = Templates.write(tmp, "broken.json", Templates.BROKEN_JSON);
    Path missing = tmp.resolve("missing.json");

    CliRun r =
        CliRun.run(
            "convert",
            "--diagnostics-format",
            "JSON",
            "-o",
            tmp.resolve("out").toString(),
            broken.toString(),
            missing.toString());

    assertEquals(1, r.exitCode());
    JsonNode array = JSON.readTree(r.err());
    assertTrue(array.isArray(), r.err());
    JsonNode first = array.get(0);
    assertEquals("error", first.get("severity").asText());
    assertTrue(first.get("code").asText().matches("[A-Z0-9]+-E\\d+"), first.toString());
    assertTrue(!first.get("summary").asText().isEmpty());
    assertEquals(broken.toString(), first.get("range").get("file").asText());
    assertEquals(3, first.get("range").get("line").asInt());

    JsonNode last = array.get(array.size() - 1);
    assertEquals("CLI-E001", last.get("code").asText());
    assertEquals("error", last.get("severity").asText());
    assertEquals("Cannot read input", last.get("summary").asText());
    assertEquals(
        "The input " + missing + " could not be read: no such file or directory.",
        last.get("detail").asText());
  }

  @Test
  void aValidInputGivesAnArrayWithoutErrorsAndNoSummary() throws Exception {
    Path a = Templates.write(tmp, "web.json", Templates.VALID_AIB);

    CliRun r = CliRun.run("validate", "--diagnostics-format=json", a.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(a + ": ok\n", r.out());
    JsonNode array = JSON.readTree(r.err());
    assertTrue(array.isArray(), r.err());
    for (JsonNode d : array) {
      assertEquals("note", d.get("severity").asText(), r.err());
    }
  }

  @Test
  void nothingToReportGivesAnEmptyArray() throws Exception {
    FakeEngine engine = new FakeEngine(f -> FakeEngine.ok(FakeEngine.template("t", "t\n")));
    Path a = Templates.write(tmp, "a.json", "x");

    CliRun r =
        CliRun.with().engine(engine).run("convert", "--diagnostics-format=json", a.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals("t\n", r.out());
    JsonNode array = JSON.readTree(r.err());
    assertTrue(array.isArray() && array.isEmpty(), r.err());
  }

  @Test
  void allFieldsOfACoreDiagnosticAreKept() throws Exception {
    FakeEngine engine =
        new FakeEngine(
            f ->
                new ConversionResult(
                    List.of(),
                    List.of(FakeEngine.diagnostic(f, Severity.ERROR, "TST-E007", "Do this."))));
    Path a = Templates.write(tmp, "a.json", "abc");

    CliRun r =
        CliRun.with().engine(engine).run("convert", "--diagnostics-format", "json", a.toString());

    assertEquals(1, r.exitCode());
    JsonNode d = JSON.readTree(r.err()).get(0);
    assertEquals("TST-E007", d.get("code").asText());
    assertEquals("Test error", d.get("summary").asText());
    assertEquals("Do this.", d.get("detail").asText());
    assertEquals("/properties", d.get("path").asText());
    assertEquals(a.toString(), d.get("range").get("file").asText());
    assertEquals(1, d.get("range").get("column").asInt());
    assertEquals(2, d.get("range").get("endColumn").asInt());
  }

  @Test
  void renameNotesJoinTheArrayUnlessQuiet() throws Exception {
    FakeEngine engine = new FakeEngine(f -> FakeEngine.ok(FakeEngine.template("web", "x\n")));
    Path a = Templates.write(tmp, "a.json", "a");
    Path b = Templates.write(tmp, "b.json", "b");
    Path out = tmp.resolve("out");

    CliRun r =
        CliRun.with()
            .engine(engine)
            .run(
                "convert",
                "--diagnostics-format",
                "json",
                "-o",
                out.toString(),
                a.toString(),
                b.toString());
    assertEquals(0, r.exitCode(), r.err());
    JsonNode array = JSON.readTree(r.err());
    assertEquals(2, array.size());
    assertEquals("CLI-N001", array.get(0).get("code").asText());
    assertEquals("note", array.get(0).get("severity").asText());

    CliRun quiet =
        CliRun.with()
            .engine(engine)
            .run(
                "convert",
                "--diagnostics-format",
                "json",
                "--quiet",
                "-o",
                out.toString(),
                a.toString(),
                b.toString());
    assertEquals(0, JSON.readTree(quiet.err()).size(), quiet.err());
  }
}
