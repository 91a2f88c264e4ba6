package io.github.packer2aib.core.validate.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project's shared folder ({@code ../shared} beside the repository), from the system property
 * {@code packer2aib.shared} that Surefire sets, else the nearest ancestor folder that has one (a
 * worktree may sit one level deeper than the repository).
 */
final class SharedDir {
  private SharedDir() {}

  static Optional<Path> find() {
    String prop = System.getProperty("packer2aib.shared");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Optional.of(Path.of(prop).toAbsolutePath().normalize());
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared");
      if (Files.isDirectory(candidate.resolve("schemas").resolve("aib"))) {
        return Optional.of(candidate.normalize());
      }
    }
    return Optional.empty();
  }
}
