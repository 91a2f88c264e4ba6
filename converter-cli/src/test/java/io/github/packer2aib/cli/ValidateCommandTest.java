package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path tmp;

  @Test
  void validInputIsOk() throws IOException {
    Path a = Templates.write(tmp, "web.json", Templates.VALID_AIB);

    CliRun r = CliRun.run("validate", a.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(a + ": ok\n", r.out());
    // The pipeline may add notes; the summary is always last.
    assertTrue(r.err().endsWith("validated 1 input\n"), r.err());
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(1, files.count(), "validate writes nothing");
    }
  }

  @Test
  void brokenAndMissingInputsFailButOthersAreStillChecked() {
    Path good = Templates.write(tmp, "good.json", Templates.VALID_AIB);
    Path broken = Templates.write(tmp, "broken.json", Templates.BROKEN_JSON);
    Path missing = tmp.resolve("missing.json");

    CliRun r = CliRun.run("validate", broken.toString(), missing.toString(), good.toString());

    assertEquals(1, r.exitCode());
    assertEquals(good + ": ok\n", r.out());
    assertTrue(r.err().startsWith(broken + ":3:"), r.err());
    assertTrue(
        r.err()
            .contains("error: cannot read " + missing + ": no such file or directory [CLI-E001]\n"),
        r.err());
    assertTrue(r.err().contains("\nvalidated 3 inputs; 2 inputs failed; "), r.err());
  }

  @Test
  void quietPrintsNothingForValidInputs() {
    Path a = Templates.write(tmp, "web.json", Templates.VALID_AIB);

    CliRun r = CliRun.run("validate", "--quiet", a.toString());

    assertEquals(0, r.exitCode());
    assertEquals("", r.out());
    assertEquals("", r.err());
  }

  @Test
  void stdinIsNamedByStdinName() {
    CliRun r =
        CliRun.with().stdin(Templates.VALID_AIB).run("validate", "--stdin-name", "piped.json", "-");

    assertEquals(0, r.exitCode(), r.err());
    assertEquals("piped.json: ok\n", r.out());
  }

  /** The ok line names the input as the user gave it, but never sends a control to the terminal. */
  @Test
  void theOkLineEscapesControlCharactersInTheName() {
    CliRun r =
        CliRun.with()
            .stdin(Templates.VALID_AIB)
            .run("validate", "--stdin-name", "x\u001b]0;TITLE\u0007", "-");

    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), r.out());
    assertTrue(r.out().endsWith(": ok\n"), r.out());
  }

  /**
   * A diagnostic without a place in a file (an empty template, a folder without a build) names its
   * input, in text as in JSON: among several inputs the reader could not tell otherwise.
   */
  @Test
  void aDiagnosticWithoutAPlaceNamesItsInput() {
    Path empty = Templates.write(tmp, "empty.pkr.hcl", "");
    Path vars = tmp.resolve("vars");
    Templates.write(vars, "variables.pkr.hcl", "variable \"x\" {\n  default = 1\n}\n");

    CliRun text = CliRun.run("validate", empty.toString(), vars.toString());
    CliRun json =
        CliRun.run("validate", "--diagnostics-format", "json", empty.toString(), vars.toString());

    assertEquals(1, text.exitCode(), text.err());
    assertTrue(
        text.err().contains(empty + ": error: No azure-arm source to convert [PKRMAP-E001]\n"),
        text.err());
    assertTrue(
        text.err().contains(vars + ": error: No azure-arm source to convert [PKRMAP-E001]\n"),
        text.err());
    assertTrue(json.err().contains("\"file\" : \"" + empty + "\""), json.err());
    assertTrue(json.err().contains("\"file\" : \"" + vars + "\""), json.err());
  }

  @Test
  void warningsAreCountedAndFailOnlyWithStrict() {
    FakeEngine engine =
        new FakeEngine(
            f ->
                new ConversionResult(
                    List.of(),
                    List.of(
                        FakeEngine.diagnostic(f, Severity.WARNING, "TST-W001", "One."),
                        FakeEngine.diagnostic(f, Severity.WARNING, "TST-W002", "Two."))));
    Path a = Templates.write(tmp, "a.json", "x");

    CliRun lax = CliRun.with().engine(engine).run("validate", a.toString());
    assertEquals(0, lax.exitCode());
    assertEquals(a + ": ok with 2 warnings\n", lax.out());
    assertTrue(lax.err().endsWith("\nvalidated 1 input; 2 warnings\n"), lax.err());

    CliRun strict = CliRun.with().engine(engine).run("validate", "--strict", a.toString());
    assertEquals(1, strict.exitCode());
    assertEquals("", strict.out());
    assertTrue(strict.err().endsWith("\nvalidated 1 input; 1 input failed; 2 warnings\n"));
  }

  @Test
  void optionsReachTheCore() {
    FakeEngine engine = new FakeEngine(f -> FakeEngine.ok());
    Path a = Templates.write(tmp, "a.json", "x");

    CliRun r =
        CliRun.with().engine(engine).run("validate", "--api-version", "2023-07-01", a.toString());

    assertEquals(0, r.exitCode());
    assertEquals(Optional.of(ApiVersion.V2023_07_01), engine.optionsSeen.get(0).apiVersion());
    assertEquals(Optional.empty(), engine.optionsSeen.get(0).identity());
    assertEquals(OutputFormat.JSON, engine.optionsSeen.get(0).format());
  }

  /**
   * A template that names its version is checked against it: --api-version picks one only for
   * templates that name none (convert re-targets, warning of every field the other version lacks),
   * and a note says the option was not used for this template and how to check it re-targeted.
   */
  @Test
  void aLiteralApiVersionIsCheckedAsWrittenWhateverTheOptionSays() {
    String text =
        Templates.VALID_AIB.replace(
            "\"properties\": {",
            "\"properties\": {\n    \"optimize\": {\"vmBoot\": {\"state\": \"Enabled\"}},");
    Path a = Templates.write(tmp, "a.json", text);

    CliRun checked = CliRun.run("validate", "--api-version", "2020-02-14", a.toString());
    CliRun converted = CliRun.run("convert", "--api-version", "2020-02-14", a.toString());

    assertEquals(0, checked.exitCode(), checked.err());
    assertTrue(
        checked.err().contains("note: Own API version checked, --api-version not used [VER-N008]"),
        checked.err());
    assertTrue(checked.err().endsWith("validated 1 input\n"), checked.err());
    assertFalse(checked.err().contains(": warning:"), checked.err());
    assertTrue(converted.err().contains("RETARGET-W001"), converted.err());
  }

  /**
   * {@code --identity} as convert has it: a Packer template that passes {@code convert --identity …
   * --strict} passes {@code validate --identity … --strict} (without it, the warning that asks for
   * it, PKRMAP-W008, failed every Packer template under --strict), one file or a tree; an invalid
   * value is a usage error as for convert.
   */
  @Test
  void identityIsTakenAsConvertTakesIt() {
    String t = BulkTrees.put(tmp, "t/t.pkr.hcl", BulkTrees.hcl("t")).toString();
    CliRun without = CliRun.run("validate", "--strict", t);
    assertEquals(1, without.exitCode(), without.err());
    assertTrue(without.err().contains("[PKRMAP-W008]"), without.err());

    // The template has no step that generalizes the VM (PKRMAP-W407), accepted here.
    String accepted = "--ignore=PKRMAP-W407";
    CliRun convert =
        CliRun.run("convert", "--strict", accepted, "--identity", BulkTrees.IDENTITY, t);
    assertEquals(0, convert.exitCode(), convert.err());
    CliRun with = CliRun.run("validate", "--strict", accepted, "--identity", BulkTrees.IDENTITY, t);
    assertEquals(0, with.exitCode(), with.err());
    assertFalse(with.err().contains("PKRMAP-W008"), with.err());
    CliRun tree =
        CliRun.run(
            "validate",
            "-r",
            "--strict",
            accepted,
            "--identity",
            BulkTrees.IDENTITY,
            tmp.resolve("t").toString());
    assertEquals(0, tree.exitCode(), tree.err());

    CliRun bad = CliRun.run("validate", "--identity", "not-an-id", t);
    assertEquals(2, bad.exitCode(), bad.err());
    assertTrue(
        bad.err().contains("expected the resource id of a user-assigned managed identity"),
        bad.err());
  }
}
