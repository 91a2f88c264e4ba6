package io.github.packer2aib.core.parse.hcl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.testing.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * The HCL files that the differential properties of the tokenizer and the parser run over: those of
 * the test data (always there) and those of the shared corpus (skipped when it is absent).
 */
final class HclTestFiles {
  private HclTestFiles() {}

  /** Every HCL file of the test data; there are more than a hundred. */
  static List<Path> testdata() {
    Path root =
        Optional.ofNullable(System.getProperty("packer2aib.testdata"))
            .map(Paths::get)
            .orElse(
                Paths.get("").toAbsolutePath().getParent().resolve("testdata/src/main/resources"));
    assertTrue(Files.isDirectory(root), "testdata not found at " + root);
    List<Path> files = hclFiles(root);
    assertTrue(files.size() > 100, "only " + files.size() + " HCL files under " + root);
    return files;
  }

  /** Every HCL file of {@code ../shared/corpus}; the test is skipped when it is absent. */
  static List<Path> sharedCorpus() {
    Path corpus =
        SharedFolder.find()
            .map(shared -> shared.resolve("corpus"))
            .filter(Files::isDirectory)
            .orElseThrow(() -> new TestAbortedException("../shared/corpus is absent"));
    return hclFiles(corpus);
  }

  private static List<Path> hclFiles(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(
              p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".hcl")
                    || name.endsWith(".tmpl")
                    || name.endsWith(".tftpl")
                    || name.endsWith(".pkrtpl")
                    || name.endsWith(".expr");
              })
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
