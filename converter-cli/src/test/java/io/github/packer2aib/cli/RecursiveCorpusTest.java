package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole shared corpus in one {@code convert -r} command, with each Packer case's options from a
 * {@code --settings} file, gives every case the verdict the core pins for it. The settings file and
 * the expected verdicts are golden files that the core's {@code PackerCorpusVerdictTest} and {@code
 * AibCorpusVerdictTest} keep in step with their pins ({@code testdata/.../corpus/}). Skips when
 * {@code ../shared} is absent.
 */
class RecursiveCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the core's loader reports for a JSON file that is no Packer template. Bulk mode does not
   * even try such a file: it is skipped as a variable file, which is the same verdict in its terms.
   */
  private static final String NOT_A_TEMPLATE = "LEGACY-E032";

  @TempDir Path tmp;

  @Test
  void theWholeCorpusConvertsInOneCommandWithTheVerdictsPinnedByTheCore() throws Exception {
    Path corpus = PackerCorpusCliTest.corpus();
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");
    Path settings = tmp.resolve("packer-settings.json");
    Files.write(settings, resource("corpus/packer-settings.json"));

    CliRun r =
        CliRun.with()
            .env(Map.of("SOURCE_DATE_EPOCH", "1700000000"))
            .run(
                "convert",
                "-r",
                corpus.toString(),
                "-o",
                out.toString(),
                "--settings",
                settings.toString(),
                "--report",
                report.toString(),
                "--progress",
                "lines");

    // Some templates fail (mostly because they name scripts the corpus lacks).
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("progress: "), r.err());
    assertTrue(r.err().contains("\nmost frequent diagnostics:\n"), r.err());
    assertTrue(!r.err().contains("SET-W001"), "a settings entry matches no template:\n" + r.err());
    Map<String, JsonNode> byPath = new TreeMap<>();
    for (JsonNode t : JSON.readTree(report.toFile()).get("templates")) {
      byPath.put(t.get("path").asText(), t);
    }

    JsonNode packer = JSON.readTree(resource("corpus/packer-verdicts.json"));
    List<String> pinned = new ArrayList<>();
    packer.fieldNames().forEachRemaining(pinned::add);
    // That these are all the corpus's Packer cases is the core's PackerCorpusVerdictTest's check.
    for (String path : pinned) {
      JsonNode want = packer.get(path);
      JsonNode got = byPath.get(path);
      assertTrue(got != null, path + " is not in the report");
      String why = path + ": " + want.get("reason").asText();
      String errors = want.get("errors").asText();
      if (errors.equals(NOT_A_TEMPLATE)) {
        assertEquals("skipped", got.get("verdict").asText(), why);
        continue;
      }
      assertEquals(errors, distinct(got.get("errorCodes")), why);
      String verdict = got.get("verdict").asText();
      if (errors.isEmpty()) {
        assertTrue(verdict.startsWith("converted"), why + " (verdict " + verdict + ")");
      } else {
        assertEquals("failed", verdict, why);
      }
      assertEquals(want.get("templates").asInt(), got.get("outputs").size(), why);
    }

    JsonNode aib = JSON.readTree(resource("corpus/aib-verdicts.json"));
    for (Iterator<String> it = aib.fieldNames(); it.hasNext(); ) {
      String path = it.next();
      JsonNode want = aib.get(path);
      JsonNode got = byPath.get(path);
      assertTrue(got != null, path + " is not in the report");
      String why = path + ": " + want.get("reason").asText();
      List<String> codes = new ArrayList<>();
      got.get("errorCodes").forEach(c -> codes.add(c.asText()));
      assertEquals(want.get("errors").asText(), String.join(" ", codes), why);
      assertEquals(
          want.get("errors").asText().isEmpty(), !got.get("verdict").asText().equals("failed"), why);
      assertEquals("AIB JSON", got.get("kind").asText(), why);
    }
  }

  /** Error codes as the core's pins list them: sorted, each once. */
  private static String distinct(JsonNode codes) {
    Set<String> set = new TreeSet<>();
    codes.forEach(c -> set.add(c.asText()));
    return String.join(" ", set);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = RecursiveCorpusTest.class.getClassLoader().getResourceAsStream(name)) {
      assertTrue(in != null, name + " is not on the test class path (testdata)");
      return in.readAllBytes();
    }
  }
}
