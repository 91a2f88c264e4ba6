package io.github.packer2aib.core.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared reference folder ({@code /work/shared}: corpus, schemas, tools) beside the repository:
 * the {@code packer2aib.shared} system property when it names a folder, else the nearest {@code
 * shared} folder with a {@code corpus} found walking up from the working directory (a git worktree
 * sits one level deeper than the main checkout).
 */
final class SharedDir {
  private SharedDir() {}

  static Optional<Path> find() {
    String property = System.getProperty("packer2aib.shared");
    if (property != null && Files.isDirectory(Path.of(property, "corpus"))) {
      return Optional.of(Path.of(property).normalize());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared");
      if (Files.isDirectory(candidate.resolve("corpus"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
