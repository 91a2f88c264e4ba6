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
 * {@code --ignore CODE} (and a settings file's {@code ignore}): accepted warnings and notes are not
 * printed and do not fail {@code --strict}; the report still records them; errors, the CLI's own
 * codes and unknown codes are usage errors.
 */
class IgnoreOptionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /**
   * A template that converts with two warnings: no --identity (PKRMAP-W008), and no step that
   * generalizes the VM (PKRMAP-W407).
   */
  private String template() {
    return put(tmp, "t/t.pkr.hcl", BulkTrees.hcl("t")).toString();
  }

  @Test
  void anIgnoredWarningIsNeitherPrintedNorFailsStrict() {
    String t = template();
    CliRun strict = CliRun.run("convert", "--strict", t);
    assertEquals(1, strict.exitCode(), strict.err());
    assertTrue(strict.err().contains("[PKRMAP-W008]"), strict.err());

    // One of the two warnings accepted: the other still fails --strict.
    assertEquals(1, CliRun.run("convert", "--strict", "--ignore", "pkrmap-w008", t).exitCode());
    CliRun accepted =
        CliRun.run("convert", "--strict", "--ignore", "pkrmap-w008", "--ignore", "PKRMAP-W407", t);
    assertEquals(0, accepted.exitCode(), accepted.err());
    assertTrue(accepted.out().contains("Microsoft.VirtualMachineImages/imageTemplates"));
    assertFalse(accepted.err().contains("PKRMAP-W008"), accepted.err());
    assertTrue(accepted.err().contains("; 2 ignored (--ignore)\n"), accepted.err());
    // Other codes are still printed.
    assertTrue(accepted.err().contains("[PKRMAP-N"), accepted.err());
  }

  @Test
  void valuesAreRepeatableAndCommaSeparated() throws Exception {
    String t = template();
    CliRun all = CliRun.run("convert", "--diagnostics-format", "json", t);
    List<String> codes = codes(all.err());
    assertTrue(codes.contains("PKRMAP-W008"), codes.toString());
    String first = codes.get(0);

    CliRun fewer =
        CliRun.run(
            "convert",
            "--diagnostics-format",
            "json",
            "--ignore",
            "PKRMAP-W008," + first,
            "--ignore",
            first,
            t);
    assertEquals(0, fewer.exitCode(), fewer.err());
    List<String> expected = new ArrayList<>(codes);
    expected.removeIf(c -> c.equals("PKRMAP-W008") || c.equals(first));
    assertEquals(expected, codes(fewer.err()));
  }

  @Test
  void theReportStillRecordsIgnoredDiagnostics() throws Exception {
    String t = template();
    Path report = tmp.resolve("r.json");
    CliRun run =
        CliRun.run(
            "convert",
            "-o",
            tmp.resolve("out").toString(),
            "--report",
            report.toString(),
            "--ignore",
            "PKRMAP-W008",
            t);
    assertEquals(0, run.exitCode(), run.err());
    JsonNode input = JSON.readTree(report.toFile()).get("inputs").get(0);
    List<String> decided = new ArrayList<>();
    input.get("decisions").forEach(d -> decided.add(d.get("code").asText()));
    assertTrue(decided.contains("PKRMAP-W008"), decided.toString());
    for (JsonNode d : input.get("decisions")) {
      assertEquals(
          d.get("code").asText().equals("PKRMAP-W008"),
          d.path("ignored").asBoolean(false),
          d.toString());
    }
    assertEquals("converted with warnings", input.get("verdict").asText());
  }

  @Test
  void errorsCliCodesAndUnknownCodesAreUsageErrors() {
    String t = template();
    for (String command : List.of("convert", "validate", "inspect")) {
      CliRun error = CliRun.run(command, "--ignore", "PKRMAP-E405", t);
      assertEquals(2, error.exitCode(), command);
      assertTrue(
          error
              .err()
              .contains(
                  "PKRMAP-E405 is an error, and errors cannot be ignored (an input with one is not"
                      + " converted)"),
          error.err());
    }
    CliRun typo = CliRun.run("convert", "--ignore", "PKRMAP-W30", t);
    assertEquals(2, typo.exitCode());
    assertTrue(
        typo.err().contains("unknown diagnostic code 'PKRMAP-W30'; did you mean PKRMAP-W301?"),
        typo.err());
    // Empty entries (a list built from variables, one of them empty) are skipped wherever they
    // stand, as a trailing one always was; the codes around them still count.
    for (String list : List.of(",PKRMAP-W30,", "PKRMAP-W301,,PKRMAP-W30")) {
      CliRun withEmpty = CliRun.run("convert", "--ignore", list, t);
      assertEquals(2, withEmpty.exitCode(), list);
      assertTrue(withEmpty.err().contains("code 'PKRMAP-W30'; did you mean"), withEmpty.err());
    }
    CliRun withEmpty = CliRun.run("convert", "--ignore", ",,PKRMAP-W401,,", "--ignore", "", t);
    CliRun without = CliRun.run("convert", "--ignore", "PKRMAP-W401", t);
    assertEquals(0, withEmpty.exitCode(), withEmpty.err());
    assertEquals(without.err(), withEmpty.err());
    assertEquals(without.out(), withEmpty.out());
    assertEquals(CliRun.run("convert", t).out(), CliRun.run("convert", "--ignore", "", t).out());
    CliRun cli = CliRun.run("validate", "--ignore", "CLI-W001", t);
    assertEquals(2, cli.exitCode());
    assertTrue(cli.err().contains("CLI-W001 is about the run's files"), cli.err());
  }

  @Test
  void theCompletionScriptOffersEveryCodeTheOptionTakes() {
    List<String> codes = IgnoredCodes.ignorable();
    assertTrue(codes.contains("PKRMAP-W301") && codes.contains("PKRMAP-N102"), codes.toString());
    for (String code : codes) {
      assertEquals(code, new IgnoredCodes.Converter().convert(code.toLowerCase()));
    }
    assertFalse(codes.stream().anyMatch(c -> c.contains("-E")), codes.toString());
    String script = CliRun.run("completion").out();
    assertTrue(script.contains("\"PKRMAP-W301\""), "the completion script offers the codes");
  }

  @Test
  void validateTakesTheOptionToo() {
    String t = template();
    assertEquals(1, CliRun.run("validate", "--strict", "-q", t).exitCode());
    assertTrue(CliRun.run("validate", t).out().endsWith(": ok with 2 warnings\n"));
    assertTrue(
        CliRun.run("validate", "--ignore", "PKRMAP-W008", t)
            .out()
            .endsWith(": ok with 1 warning\n"));
    assertTrue(
        CliRun.run("validate", "--ignore", "PKRMAP-W008,PKRMAP-W407", t).out().endsWith(": ok\n"));
    CliRun run = CliRun.run("validate", "--strict", "-q", "--ignore", "PKRMAP-W008,PKRMAP-W407", t);
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
  }

  @Test
  void aSettingsFileIgnoresCodesForTheTemplatesItsEntriesMatch() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a/a.pkr.hcl", BulkTrees.hcl("a"));
    put(root, "b/b.pkr.hcl", BulkTrees.hcl("b"));
    // Both templates' PKRMAP-W407 (no step generalizes the VM) accepted for all.
    Path settings =
        put(
            tmp,
            "s.yaml",
            "defaults:\n  ignore: [PKRMAP-W407]\n"
                + "templates:\n  - path: a\n    ignore: [PKRMAP-W008]\n");
    Path out = tmp.resolve("out");
    CliRun run =
        CliRun.run(
            "convert",
            "-r",
            "--strict",
            "--progress",
            "none",
            "--settings",
            settings.toString(),
            "--report",
            tmp.resolve("r.md").toString(),
            "-o",
            out.toString(),
            root.toString());
    assertEquals(1, run.exitCode(), run.err());
    // The report keeps both templates' PKRMAP-W008 and marks the one the settings accept.
    String report = Files.readString(tmp.resolve("r.md"));
    String a = report.substring(report.indexOf("### a"), report.indexOf("### b"));
    String b = report.substring(report.indexOf("### b"));
    assertTrue(a.contains("| PKRMAP-W008 (ignored) |"), a);
    assertTrue(b.contains("| PKRMAP-W008 |"), b);
    assertTrue(Files.exists(out.resolve("a/a.json")), run.err());
    assertFalse(Files.exists(out.resolve("b/b.json")), run.err());
    assertTrue(run.err().contains("b.pkr.hcl"), run.err());
    assertFalse(run.err().contains("a.pkr.hcl"), run.err());

    put(tmp, "bad.yaml", "defaults:\n  ignore: [PKRMAP-E001]\n");
    CliRun bad =
        CliRun.run(
            "convert",
            "-r",
            "--settings",
            tmp.resolve("bad.yaml").toString(),
            "-o",
            out.toString(),
            root.toString());
    assertEquals(1, bad.exitCode());
    assertTrue(bad.err().contains("[SET-E017]"), bad.err());
  }

  @Test
  void aBulkReportsSummaryCountsIgnoredCodesApartMarkedIgnored() throws Exception {
    // Its summary left them out while the templates' entries kept them (review session 28), so the
    // summary was not the total of the entries. stderr's table still leaves them out.
    Path root = tmp.resolve("repo");
    put(root, "a/a.pkr.hcl", BulkTrees.hcl("a"));
    put(root, "b/b.pkr.hcl", BulkTrees.hcl("b"));
    put(root, "c/c.pkr.hcl", BulkTrees.hcl("c"));
    Path settings = put(tmp, "s.yaml", "templates:\n  - path: a\n    ignore: [PKRMAP-W008]\n");
    List<String> args =
        List.of(
            "convert",
            "-r",
            "--progress",
            "none",
            "--settings",
            settings.toString(),
            "-o",
            tmp.resolve("out").toString(),
            root.toString());
    List<String> json = new ArrayList<>(args);
    json.addAll(List.of("--report", tmp.resolve("r.json").toString()));
    CliRun run = CliRun.run(json.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());

    JsonNode report = JSON.readTree(tmp.resolve("r.json").toFile());
    List<String> summary = new ArrayList<>();
    for (JsonNode d : report.get("summary").get("diagnostics")) {
      summary.add(
          d.get("code").asText()
              + (d.path("ignored").asBoolean(false) ? " (ignored)" : "")
              + " "
              + d.get("count").asInt()
              + " "
              + d.get("inputs").asInt());
    }
    assertTrue(summary.contains("PKRMAP-W008 2 2"), summary.toString());
    assertTrue(summary.contains("PKRMAP-W008 (ignored) 1 1"), summary.toString());
    // Every entry of the templates is counted once in the summary, under its mark.
    Map<String, Integer> entries = new TreeMap<>();
    for (JsonNode t : report.get("templates")) {
      for (JsonNode d : t.get("diagnostics")) {
        String key = d.get("code").asText() + (d.path("ignored").asBoolean(false) ? " (i)" : "");
        entries.merge(key, 1, Integer::sum);
      }
    }
    Map<String, Integer> totals = new TreeMap<>();
    for (JsonNode d : report.get("summary").get("diagnostics")) {
      String key = d.get("code").asText() + (d.path("ignored").asBoolean(false) ? " (i)" : "");
      assertEquals(null, totals.put(key, d.get("count").asInt()), key);
      assertEquals(d.path("ignored").asBoolean(false), d.has("ignored"), d.toString());
    }
    assertEquals(entries, totals);
    // stderr's table counts only what it showed.
    String line =
        run.err()
            .lines()
            .filter(l -> l.trim().startsWith("PKRMAP-W008"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(run.err()));
    assertEquals(
        List.of("PKRMAP-W008", "2", "2"), List.of(line.trim().split("\\s+")).subList(0, 3));

    List<String> markdown = new ArrayList<>(args);
    markdown.addAll(List.of("--report", tmp.resolve("r.md").toString()));
    assertEquals(0, CliRun.run(markdown.toArray(String[]::new)).exitCode());
    String md = Files.readString(tmp.resolve("r.md"));
    String table = md.substring(md.indexOf("## Diagnostics"), md.indexOf("## Templates"));
    assertTrue(table.contains("| PKRMAP-W008 | No template identity | 2 | 2 |\n"), table);
    assertTrue(table.contains("| PKRMAP-W008 (ignored) | No template identity | 1 | 1 |\n"), table);
  }

  private static List<String> codes(String err) throws Exception {
    List<String> codes = new ArrayList<>();
    for (JsonNode d : JSON.readTree(err)) {
      codes.add(d.get("code").asText());
    }
    return codes;
  }
}
