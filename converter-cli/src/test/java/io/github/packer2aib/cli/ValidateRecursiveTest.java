package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate -r}: every template under the folders checked as {@code convert -r} converts
 * them, with the same summary, and nothing written.
 */
class ValidateRecursiveTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static CliRun validate(String... extra) {
    List<String> args = new ArrayList<>(List.of("validate", "-r", "--progress", "none"));
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void aTreeOfValidTemplatesPassesAndNothingIsWritten() throws Exception {
    Path root = BulkTrees.threeKinds(tmp.resolve("repo"));
    TreeMap<String, String> before = BulkTrees.files(tmp);

    CliRun r = validate(root.toString());

    assertEquals(0, r.exitCode(), r.err());
    // Without --identity the Packer templates have a warning (PKRMAP-W008); the AIB one has none.
    assertTrue(
        r.err()
            .contains(
                "  passed                        1\n"
                    + "  passed with warnings          2\n"
                    + "  failed                        0\n"),
        r.err());
    assertEquals(before, BulkTrees.files(tmp));
  }

  /**
   * A diagnostic without a location is preceded by its template's name, which is a folder's name
   * the user did not choose: a control character in it is shown escaped, never sent as it is.
   */
  @Test
  void theNameBeforeADiagnosticWithoutALocationIsEscaped() {
    Path root = tmp.resolve("repo");
    put(
        root,
        "v\u001b[2J\u001b]0;pwned\u0007/vars.pkr.hcl",
        "variable \"x\" {\n  default = 1\n}\n");

    CliRun r = validate(root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("[PKRMAP-E001]"), r.err());
    assertTrue(!r.err().contains("\u001b") && !r.err().contains("\u0007"), r.err());
  }

  @Test
  void aFailingTemplateFailsTheRunAndIsShown() {
    Path root = BulkTrees.threeKinds(tmp.resolve("repo"));
    put(root, "aib/broken.json", BulkTrees.BROKEN_AIB);

    CliRun r = validate("-q", root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("aib/broken.json:"), r.err());
    assertTrue(r.err().contains("NoSuchImage"), r.err());
  }

  @Test
  void jsonDiagnosticsHoldTheFailuresWhateverTheJobs() throws Exception {
    Path root = BulkTrees.threeKinds(tmp.resolve("repo"));
    put(root, "aib/broken.json", BulkTrees.BROKEN_AIB);
    List<String> first = null;
    for (String jobs : List.of("1", "3")) {
      CliRun r = validate("--jobs", jobs, "--diagnostics-format", "json", root.toString());
      assertEquals(1, r.exitCode(), r.err());
      List<String> codes = new ArrayList<>();
      for (JsonNode d : JSON.readTree(r.err())) {
        codes.add(d.get("code").asText() + " " + d.path("range").path("file").asText());
      }
      assertTrue(codes.stream().anyMatch(c -> c.endsWith("broken.json")), codes.toString());
      if (first != null) {
        assertEquals(first, codes);
      }
      first = codes;
    }
  }

  /** validate -r converts nothing anyway: an --include that selects nothing says what it stops. */
  @Test
  void anIncludeThatMatchesNothingSaysNothingWasValidated() {
    Path root = BulkTrees.threeKinds(tmp.resolve("repo"));

    CliRun r = validate("--include", "hlc/**", root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "warning: --include 'hlc/**' matched nothing under the input folders, so nothing"
                    + " was validated. "),
        r.err());
    assertFalse(r.err().contains("nothing was converted"), r.err());
  }

  @Test
  void theOptionsOfMinusRNeedIt() {
    CliRun jobs = CliRun.run("validate", "--jobs", "2", "x.json");
    CliRun stdin = CliRun.run("validate", "-r", "-");
    CliRun prune = CliRun.run("validate", "-r", "--prune", "x");

    assertEquals(2, jobs.exitCode());
    assertTrue(jobs.err().contains("--jobs applies only with -r/--recursive"), jobs.err());
    assertEquals(2, stdin.exitCode());
    assertTrue(stdin.err().contains("standard input ('-') cannot be given with -r"), stdin.err());
    assertEquals(2, prune.exitCode(), "validate writes nothing, so it has no --prune");
    assertTrue(prune.err().contains("Unknown option: '--prune'"), prune.err());
  }
}
