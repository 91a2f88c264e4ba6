package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole shared corpus in one {@code convert -r} command, with the options every pinned case of
 * the core's {@code PackerCorpusVerdictTest} shares (per-case --var and --only cannot be given in
 * one command yet). Every pinned case must appear in the report with a verdict; the AIB cases must
 * have the verdicts of the core's {@code AibCorpusVerdictTest}. Skips when {@code ../shared} is
 * absent.
 */
class RecursiveCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IDENTITY =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aib/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/id-aib";
  private static final String BASE_URI = "https://example.blob.core.windows.net/build/";

  /**
   * The error codes {@code AibCorpusVerdictTest} pins, less SPEC-E100 ("identity is required"):
   * that test validates without --identity, this run passes it, which supplies the identity.
   */
  private static final Map<String, String> AIB = new TreeMap<>();

  static {
    AIB.put("JimMoyle__CloudImageBuilder__new-template", "SPEC-E112");
    AIB.put("MA-MSDev__AzureImageBuilder__jsonc", "VER-E001");
    AIB.put("RZomerman__AzureImageBuilder__vscode", "");
    AIB.put("akashrsgh__azure-image-builder__win", "");
    AIB.put("casa-de-vops__azvmimagebuilder__golden-linux", "RULE-E313 SPEC-E112 SPEC-E130");
    AIB.put("casa-de-vops__azvmimagebuilder__golden-rhel", "RULE-E313 SPEC-E112 SPEC-E130");
    AIB.put("casa-de-vops__azvmimagebuilder__golden-windows", "SPEC-E112");
    AIB.put("danielsollondon__azvmimagebuilder__devops-env", "");
    AIB.put("danielsollondon__azvmimagebuilder__linux-existing-vnet", "SPEC-E112");
    AIB.put("danielsollondon__azvmimagebuilder__msi-storage", "SPEC-E112");
    AIB.put("danielsollondon__azvmimagebuilder__platform-sig-mdi", "SPEC-E101 SPEC-E101");
    AIB.put("danielsollondon__azvmimagebuilder__raw-rhel73-iso", "VER-E001");
    AIB.put("danielsollondon__azvmimagebuilder__sles-managed", "RULE-E305 SPEC-E112 SPEC-E130");
    AIB.put("danielsollondon__azvmimagebuilder__win-managed-image", "SPEC-E112");
    AIB.put("danielsollondon__azvmimagebuilder__win-unit-test", "SPEC-E112");
    AIB.put("danielsollondon__azvmimagebuilder__win-vnet-access-storage", "SPEC-E112");
    AIB.put("danielsollondon__azvmimagebuilder__wvd", "SPEC-E112");
    AIB.put("kkamegawa__windowsjpimagebuilder__ws2019-jp-bicep-compiled", "RULE-E303");
    AIB.put("knowledgebaseit__Azure-Image-Builder__nl-NL", "SPEC-E112");
    AIB.put("krwittmer__azure-devops-azure-image-builder__with-comments", "");
    AIB.put("lenvolk__images-using-azure-image-builder__arm-demo", "");
    AIB.put("mahendra-shinde__azure-image-builder__linux-jenkins", "SPEC-E130");
    AIB.put("sny0421__Azure-Image-Builder-Japanese__win10-evd-21h1", "");
    AIB.put("sny0421__Azure-Image-Builder-Japanese__ws2019", "");
    AIB.put("tylerd__azure-image-builder-wvd__win-10", "VER-E001");
  }

  /** The var files the core's test pins as "not a template" (LEGACY-E032). */
  private static final Set<String> VAR_FILES =
      Set.of(
          "packer-json/kubernetes-sigs__image-builder__capi-linux/azure-config.json",
          "packer-json/kubernetes-sigs__image-builder__capi-linux/azure-sig.json",
          "packer-json/kubernetes-sigs__image-builder__capi-linux/ubuntu-2204.json");

  @TempDir Path tmp;

  @Test
  void theWholeCorpusConvertsInOneCommandWithTheVerdictsPinnedByTheCore() throws Exception {
    Path corpus = PackerCorpusCliTest.corpus();
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");

    CliRun r =
        CliRun.with()
            .env(Map.of("SOURCE_DATE_EPOCH", "1700000000"))
            .run(
                "convert",
                "-r",
                corpus.toString(),
                "-o",
                out.toString(),
                "--report",
                report.toString(),
                "--progress",
                "lines",
                "--identity",
                IDENTITY,
                "--subscription",
                "11111111-1111-1111-1111-111111111111",
                "--location",
                "westeurope",
                "--script-base-uri",
                BASE_URI,
                "--file-base-uri",
                BASE_URI,
                "--skip-unsupported");

    // Some templates fail (they need their variables, or name scripts the corpus lacks).
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("progress: "), r.err());
    assertTrue(r.err().contains("\nmost frequent diagnostics:\n"), r.err());
    Map<String, JsonNode> byPath = new TreeMap<>();
    for (JsonNode t : JSON.readTree(report.toFile()).get("templates")) {
      byPath.put(t.get("path").asText(), t);
    }
    for (String path : packerCases(corpus)) {
      JsonNode t = byPath.get(path);
      assertTrue(t != null, path + " is not in the report");
      if (VAR_FILES.contains(path)) {
        assertEquals("skipped", t.get("verdict").asText(), path);
      } else {
        assertTrue(
            Set.of("converted", "converted with warnings", "failed")
                .contains(t.get("verdict").asText()),
            path + ": " + t.get("verdict").asText());
        assertTrue(t.get("kind").asText().matches("HCL2 folder|legacy JSON"), path);
      }
    }
    for (Map.Entry<String, String> e : AIB.entrySet()) {
      List<JsonNode> found =
          byPath.entrySet().stream()
              .filter(p -> p.getKey().startsWith("aib/" + e.getKey() + "/"))
              .filter(p -> !p.getKey().endsWith("/SOURCE.txt"))
              .map(Map.Entry::getValue)
              .toList();
      assertEquals(1, found.size(), e.getKey());
      JsonNode t = found.get(0);
      List<String> codes = new ArrayList<>();
      t.get("errorCodes").forEach(c -> codes.add(c.asText()));
      assertEquals(e.getValue(), String.join(" ", codes), e.getKey());
      assertEquals(e.getValue().isEmpty(), !t.get("verdict").asText().equals("failed"), e.getKey());
      assertEquals("AIB JSON", t.get("kind").asText(), e.getKey());
    }
  }

  /** The cases of the core's PackerCorpusVerdictTest, found the way it finds them. */
  private static List<String> packerCases(Path corpus) throws IOException {
    List<String> found = new ArrayList<>();
    for (Path dir : folders(corpus.resolve("packer-hcl"))) {
      found.add("packer-hcl/" + dir.getFileName());
    }
    for (Path dir : folders(corpus.resolve("packer-json"))) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".json"))
            .forEach(p -> found.add("packer-json/" + dir.getFileName() + "/" + p.getFileName()));
      }
    }
    for (Path dir : folders(corpus.resolve("yaml"))) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.anyMatch(p -> p.getFileName().toString().endsWith(".pkr.hcl"))) {
          found.add("yaml/" + dir.getFileName());
        }
      }
    }
    assumeTrue(!found.isEmpty(), "the corpus has no Packer cases");
    return found.stream().sorted().collect(Collectors.toList());
  }

  private static List<Path> folders(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }
}
