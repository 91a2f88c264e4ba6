package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents of one YAML stream named alike, ignoring case as Azure does (review session 28): they
 * were written to web.json and web-2.json with no word, while deploying both makes one image
 * template replace the other. The converter warns (BIND-W003), and the numbered output gets the
 * note every renamed output gets (CLI-N001), with {@code -o} and with {@code -r}.
 */
class StreamSameNameTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** A YAML stream of the test template (JSON is YAML) once per name. */
  private static String stream(String... names) {
    List<String> documents = new ArrayList<>();
    for (String name : names) {
      documents.add(Templates.VALID_AIB.replaceFirst("\\{", "{ \"name\": \"" + name + "\","));
    }
    return String.join("---\n", documents);
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void withOutputFolderTheNumberedTemplateGetsAWarningAndANote() throws IOException {
    Path s = Templates.write(tmp, "s.yaml", stream("web", "WEB"));
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("r.json");

    CliRun r =
        CliRun.run("convert", "-o", out.toString(), "--report", report.toString(), s.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of("WEB-2.json", "web.json"), listing(out));
    assertTrue(r.err().contains("warning: Two image templates of one name [BIND-W003]"), r.err());
    assertTrue(
        r.err()
            .contains(
                "  An image template of an earlier document of this stream is named \"web\","
                    + " which Azure takes for the same name (it ignores case): the converted"
                    + " files, named apart, would each create or replace the same image template"
                    + " in a resource group. Give each its own name.\n"),
        r.err());
    assertTrue(
        r.err()
            .contains(
                "note: the name \"WEB\" is taken by another template of "
                    + s
                    + " (names are compared ignoring case, as Azure and some file systems compare"
                    + " them); this one is written to "
                    + out.resolve("WEB-2.json")
                    + " [CLI-N001]\n"),
        r.err());
    // One note: the first template keeps its name.
    assertEquals(1, r.err().split("\\[CLI-N001\\]", -1).length - 1, r.err());
    List<String> codes = new ArrayList<>();
    for (JsonNode d : JSON.readTree(report.toFile()).get("inputs").get(0).get("decisions")) {
      codes.add(d.get("code").asText());
    }
    assertTrue(codes.contains("BIND-W003"), codes.toString());
    assertTrue(codes.contains("CLI-N001"), codes.toString());
  }

  @Test
  void inABulkRunTheNumberedTemplateGetsAWarningAndANote() throws Exception {
    Path root = tmp.resolve("repo");
    BulkTrees.put(root, "s.yaml", stream("web", "web"));
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("r.json");

    CliRun r =
        BulkTrees.bulk(
            CliRun.with(), "-o", out.toString(), "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    // A single root's templates go straight into the output folder (beside the run's list).
    assertEquals(
        List.of("s.web-2.json", "s.web.json"),
        listing(out).stream().filter(n -> !n.startsWith(".")).toList());
    List<String> found = new ArrayList<>();
    for (JsonNode d : JSON.readTree(report.toFile()).get("templates").get(0).get("diagnostics")) {
      if (d.get("code").asText().equals("CLI-N001")) {
        found.add(d.get("detail").asText());
      } else if (d.get("code").asText().equals("BIND-W003")) {
        found.add(d.get("code").asText());
      }
    }
    assertEquals(
        List.of(
            "BIND-W003",
            "The name \"web\" is taken by another template of "
                + root.resolve("s.yaml")
                + " (names are compared ignoring case, as Azure and some file systems compare"
                + " them), so this one is written to s.web-2.json."),
        found);
  }
}
