package io.github.packer2aib.core.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.testing.SharedFolder;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The hand-written JSON reader on real files: on every JSON file of the test data and of the shared
 * corpus it builds what Jackson's path builds, or gives up; and it reads most of them.
 */
class JsonDescentFilesTest {
  @Test
  void agreesWithJacksonOnEveryJsonFileOfTheTestData() throws IOException {
    Path root =
        Optional.ofNullable(System.getProperty("packer2aib.testdata"))
            .map(Paths::get)
            .orElse(
                Paths.get("").toAbsolutePath().getParent().resolve("testdata/src/main/resources"));
    int[] counts = check(jsonFiles(root));
    assertTrue(counts[0] > 200, "only " + counts[0] + " JSON files under " + root);
    // Most are valid plain JSON; the rest hold comments or errors on purpose.
    assertTrue(counts[1] * 10 >= counts[0] * 7, counts[1] + " of " + counts[0] + " read by hand");
  }

  @Test
  void agreesWithJacksonOnEveryJsonFileOfTheSharedCorpus() throws IOException {
    Path corpus =
        SharedFolder.find()
            .map(shared -> shared.resolve("corpus"))
            .filter(Files::isDirectory)
            .orElseThrow(() -> new TestAbortedException("../shared/corpus is absent"));
    int[] counts = check(jsonFiles(corpus));
    assertTrue(counts[1] * 10 >= counts[0] * 8, counts[1] + " of " + counts[0] + " read by hand");
  }

  /** {files, read by hand}. */
  private static int[] check(List<Path> files) throws IOException {
    int read = 0;
    int all = 0;
    for (Path f : files) {
      String text;
      try {
        text = io.github.packer2aib.core.source.Utf8.decode(Files.readAllBytes(f));
      } catch (CharacterCodingException e) {
        continue; // not UTF-8: never reaches a reader
      }
      all++;
      if (ReaderProperties.assertDescentAgrees(text) != null) {
        read++;
      }
    }
    return new int[] {all, read};
  }

  private static List<Path> jsonFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    }
  }
}
