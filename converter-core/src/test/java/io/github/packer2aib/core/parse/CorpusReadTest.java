package io.github.packer2aib.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.SharedFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every JSON and YAML file of the shared corpus, read by {@link DocReader}. */
class CorpusReadTest {
  private static Path corpus;
  private static List<Path> files;

  @BeforeAll
  static void findCorpus() throws IOException {
    corpus = SharedFolder.find().map(s -> s.resolve("corpus")).orElse(null);
    if (corpus == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(corpus)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().matches(".*\\.(json|ya?ml)$"))
              .sorted()
              .collect(Collectors.toList());
    }
  }

  private static String name(Path file) {
    return corpus.relativize(file).toString().replace('\\', '/');
  }

  private static ParseResult read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return DocReader.read(new SourceFile(name(file), text));
  }

  @Test
  void everyCorpusFileReadsWithoutDiagnostics() throws IOException {
    assumeTrue(corpus != null, "shared corpus not found");
    Map<String, List<String>> problems = new TreeMap<>();
    for (Path file : files) {
      ParseResult result = read(file);
      if (!result.diagnostics().isEmpty() || result.documents().size() != 1) {
        problems.put(name(file), Diags.describe(result));
      }
    }
    // Pinned outcome: no corpus file has a syntax error, a warning or a second document. This
    // includes the JSON with // comments (aib/MA-MSDev__AzureImageBuilder__jsonc), the CRLF files
    // and the YAML files (which use no anchors, tags or merge keys).
    assertEquals(Map.of(), problems);
    assertEquals(57, files.size(), "the corpus holds 52 .json and 5 .yml files");
  }

  @Test
  void commentedArmTemplateParsesOnlyBecauseCommentsAreAllowed() throws IOException {
    assumeTrue(corpus != null, "shared corpus not found");
    Path file = corpus.resolve("aib/MA-MSDev__AzureImageBuilder__jsonc/imageBuildTemplate.json");
    String text = Files.readString(file);
    assertTrue(text.lines().anyMatch(l -> l.strip().startsWith("//")), "the file has // comments");
    ParseResult result = read(file);
    assertEquals(List.of(), Diags.describe(result));
    assertEquals(
        "Microsoft.VirtualMachineImages/imageTemplates",
        DocScalar.stringValue(JsonPointer.resolve(result.documents().get(0), "/resources/0/type"))
            .orElseThrow());
  }

  /** Our JSON trees match Jackson databind's (exact decimals), rendered canonically. */
  @Test
  void jsonTreesAgreeWithJacksonDatabind() throws IOException {
    assumeTrue(corpus != null, "shared corpus not found");
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    int compared = 0;
    for (Path file : files) {
      if (!file.toString().endsWith(".json")) {
        continue;
      }
      JsonNode expected = mapper.readTree(Files.readString(file));
      String ours = DocText.render(read(file).documents().get(0));
      assertEquals(mapper.writeValueAsString(expected), ours, name(file));
      compared++;
    }
    assertEquals(52, compared);
  }
}
