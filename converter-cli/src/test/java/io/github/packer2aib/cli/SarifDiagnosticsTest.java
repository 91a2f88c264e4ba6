package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --diagnostics-format sarif}: stderr is one SARIF 2.1.0 log for the whole run, whose
 * locations lead a code-scanning service back to the files, for single inputs and bulk runs.
 */
class SarifDiagnosticsTest {
  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The one run of the log on {@code stderr}, with its basic shape checked. */
  private static JsonNode run(String stderr) throws Exception {
    JsonNode log = JSON.readTree(stderr);
    assertEquals("2.1.0", log.get("version").asText(), stderr);
    assertEquals(1, log.get("runs").size(), stderr);
    JsonNode run = log.get("runs").get(0);
    assertEquals("packer2aib", run.get("tool").get("driver").get("name").asText());
    assertEquals(VersionProvider.version(), run.get("tool").get("driver").get("version").asText());
    assertTrue(stderr.endsWith("}\n"), "nothing after the log");
    return run;
  }

  /** The rule ids of the results, and that the driver lists exactly those, sorted. */
  private static Set<String> ruleIds(JsonNode run) {
    Set<String> used = new TreeSet<>();
    run.get("results").forEach(r -> used.add(r.get("ruleId").asText()));
    List<String> listed = new ArrayList<>();
    run.get("tool").get("driver").get("rules").forEach(r -> listed.add(r.get("id").asText()));
    assertEquals(new ArrayList<>(used), listed);
    return used;
  }

  /** Where a result's first location points, resolved against the run's working folder. */
  private static Path file(JsonNode run, JsonNode result) {
    JsonNode artifact =
        result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
    URI uri = URI.create(artifact.get("uri").asText());
    if (artifact.has("uriBaseId")) {
      String base =
          run.get("originalUriBaseIds").get(artifact.get("uriBaseId").asText()).get("uri").asText();
      uri = URI.create(base).resolve(uri);
    }
    return Path.of(uri).normalize();
  }

  @Test
  void diagnosticsOfAllInputsFormOneLog() throws Exception {
    Path broken = Templates.write(tmp, "broken one.json", Templates.BROKEN_JSON);
    Path missing = tmp.resolve("missing.json");

    CliRun r =
        CliRun.run(
            "validate", "--diagnostics-format", "SARIF", broken.toString(), missing.toString());

    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
    JsonNode run = run(r.err());
    JsonNode results = run.get("results");
    JsonNode first = results.get(0);
    assertEquals("error", first.get("level").asText());
    assertTrue(first.get("ruleId").asText().startsWith("JSON-E"), first.toString());
    assertEquals(broken, file(run, first));
    assertEquals(
        3,
        first
            .get("locations")
            .get(0)
            .get("physicalLocation")
            .get("region")
            .get("startLine")
            .asInt());

    JsonNode last = results.get(results.size() - 1);
    assertEquals("CLI-E001", last.get("ruleId").asText());
    assertEquals(
        "The input " + missing + " could not be read: no such file or directory.",
        last.get("message").get("text").asText());
    // A file that cannot be read has no region, but is the result's location all the same:
    // GitHub's upload-sarif refuses a log with a result without one.
    JsonNode location = last.get("locations").get(0).get("physicalLocation");
    assertNull(location.get("region"), last.toString());
    assertEquals(missing, file(run, last));
    assertTrue(ruleIds(run).contains("CLI-E001"));
  }

  /**
   * GitHub's upload-sarif refuses a whole log when one result has no physical location: a file it
   * cannot read (here UTF-16) and a folder without a build are located at that file and folder.
   */
  @Test
  void aResultWithoutAPlaceIsLocatedAtItsInput() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a/img.json", BulkTrees.AIB);
    Files.createDirectories(root.resolve("b"));
    Files.write(
        root.resolve("b/img16.json"),
        BulkTrees.AIB.getBytes(java.nio.charset.StandardCharsets.UTF_16));
    put(root, "vars/variables.pkr.hcl", "variable \"x\" {\n  default = 1\n}\n");

    CliRun r = CliRun.run("validate", "-r", "--diagnostics-format", "sarif", root.toString());

    assertEquals(1, r.exitCode(), r.err());
    JsonNode run = run(r.err());
    Set<Path> files = new TreeSet<>();
    for (JsonNode result : run.get("results")) {
      assertNull(
          result.get("locations").get(0).get("physicalLocation").get("region"), result.toString());
      files.add(file(run, result));
    }
    assertEquals(Set.of(root.resolve("b/img16.json"), root.resolve("vars")), files);
    assertEquals(Set.of("CLI-E001", "PKRMAP-E001"), ruleIds(run));
  }

  @Test
  void aValidInputGivesALogWithoutErrors() throws Exception {
    Path a = Templates.write(tmp, "web.json", Templates.VALID_AIB);

    CliRun r = CliRun.run("validate", "--diagnostics-format=sarif", a.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(a + ": ok\n", r.out());
    JsonNode run = run(r.err());
    run.get("results").forEach(d -> assertEquals("note", d.get("level").asText(), r.err()));
    ruleIds(run);
  }

  @Test
  void aBulkRunNamesEachFileRelativeToTheWorkingFolder() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    put(root, "sub dir/b.json", BulkTrees.BROKEN_AIB);
    put(root, "c/main.pkr.hcl", "source \"azure-arm\" \"x\" {\n  os_type = \n}\n");
    // The root as a user in the working folder would name it, so that names stay relative.
    String relativeRoot = Path.of("").toAbsolutePath().relativize(root).toString();

    CliRun r =
        BulkTrees.bulk(
            CliRun.with(),
            "-o",
            tmp.resolve("out").toString(),
            "--diagnostics-format",
            "sarif",
            "--progress",
            "lines",
            relativeRoot);

    assertEquals(1, r.exitCode(), r.err());
    JsonNode run = run(r.err());
    assertEquals(
        Path.of("").toAbsolutePath().toUri().toString(),
        run.get("originalUriBaseIds").get("CWD").get("uri").asText());
    Set<Path> files = new TreeSet<>();
    for (JsonNode result : run.get("results")) {
      Path file = file(run, result);
      assertTrue(Files.isRegularFile(file), result.toString());
      assertFalse(
          result
              .get("locations")
              .get(0)
              .get("physicalLocation")
              .get("artifactLocation")
              .get("uri")
              .asText()
              .startsWith("file:"),
          "a name relative to the working folder stays relative");
      files.add(file);
    }
    assertEquals(Set.of(root.resolve("c/main.pkr.hcl"), root.resolve("sub dir/b.json")), files);
    assertEquals(
        Set.of("HCL-E030", "SPEC-E120"),
        ruleIds(run).stream().filter(c -> c.contains("-E")).collect(Collectors.toSet()));
  }
}
