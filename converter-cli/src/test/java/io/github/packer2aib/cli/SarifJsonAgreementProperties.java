package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The two machine formats of diagnostics say the same thing: on any tree of good and broken
 * templates, the SARIF log of a run holds one result per element of the JSON array of the same run,
 * in the same order, with the same code, severity, detail and location; and the exit codes agree.
 */
class SarifJsonAgreementProperties {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Provide
  Arbitrary<List<Integer>> trees() {
    return ValidateConvertAgreementProperties.treeShapes();
  }

  @Property(tries = 15)
  void theSarifLogHoldsWhatTheJsonArrayHolds(@ForAll("trees") List<Integer> files)
      throws Exception {
    Path tmp = Files.createTempDirectory("sarif-json");
    try {
      Path root = tmp.resolve("repo");
      ValidateConvertAgreementProperties.write(root, files);
      assertSameDiagnostics(root);
    } finally {
      BulkTrees.delete(tmp);
    }
  }

  private static void assertSameDiagnostics(Path root) throws Exception {
    CliRun json = run("json", root);
    CliRun sarif = run("sarif", root);

    assertEquals(json.exitCode(), sarif.exitCode(), json.err() + sarif.err());
    List<String> fromJson = new ArrayList<>();
    for (JsonNode d : JSON.readTree(json.err())) {
      JsonNode range = d.path("range");
      fromJson.add(
          String.join(
              " | ",
              d.get("code").asText(),
              d.get("severity").asText(),
              d.get("detail").asText(),
              range.isMissingNode()
                  ? "-"
                  : Path.of(range.get("file").asText()).toAbsolutePath().normalize()
                      + ":"
                      + range.get("line")
                      + ":"
                      + range.get("column")
                      + "-"
                      + range.get("endLine")
                      + ":"
                      + range.get("endColumn"),
              d.path("path").asText("-")));
    }
    JsonNode run = JSON.readTree(sarif.err()).get("runs").get(0);
    URI base = URI.create(run.get("originalUriBaseIds").get("CWD").get("uri").asText());
    List<String> fromSarif = new ArrayList<>();
    for (JsonNode r : run.get("results")) {
      JsonNode location = r.path("locations").path(0).path("physicalLocation");
      String where = "-";
      // Without a region (a result about an input, or the run): no place in a file, as in JSON.
      if (location.has("region")) {
        URI uri = URI.create(location.get("artifactLocation").get("uri").asText());
        JsonNode region = location.get("region");
        where =
            Path.of(uri.isAbsolute() ? uri : base.resolve(uri))
                + ":"
                + region.get("startLine")
                + ":"
                + region.get("startColumn")
                + "-"
                + region.get("endLine")
                + ":"
                + region.get("endColumn");
      }
      fromSarif.add(
          String.join(
              " | ",
              r.get("ruleId").asText(),
              r.get("level").asText(),
              r.get("message").get("text").asText(),
              where,
              r.path("properties").path("jsonPointer").asText("-")));
    }
    assertEquals(fromJson, fromSarif);
  }

  private static CliRun run(String format, Path root) {
    return CliRun.with()
        .run("validate", "-r", "--diagnostics-format", format, "--show-warnings", root.toString());
  }
}
