package io.github.packer2aib.core.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds the golden cases under {@code testdata/src/main/resources/cases}. */
final class GoldenCases {
  private GoldenCases() {}

  /** The testdata resources folder: set by Surefire, else found from the module's directory. */
  static Path root() {
    String configured = System.getProperty("packer2aib.testdata");
    Path path =
        configured != null
            ? Paths.get(configured)
            : Paths.get("").toAbsolutePath().getParent().resolve("testdata/src/main/resources");
    if (!Files.isDirectory(path.resolve("cases"))) {
      throw new IllegalStateException("golden cases not found under " + path);
    }
    return path;
  }

  /** Every case folder (a folder holding an {@code input.*} file) below {@code cases/<area>}. */
  static List<Path> cases(String area) {
    Path dir = root().resolve("cases").resolve(area);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }
}
