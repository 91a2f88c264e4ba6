package io.github.packer2aib.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The team's shared folder ({@code corpus/}, {@code schemas/}): the system property {@code
 * packer2aib.shared} set by Surefire, else the nearest folder named {@code shared} beside the
 * working directory or one of its parents (a git worktree sits one level deeper than the main
 * checkout). Tests skip when it is absent.
 */
public final class SharedFolder {
  private SharedFolder() {}

  public static Optional<Path> find() {
    String prop = System.getProperty("packer2aib.shared");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Optional.of(Path.of(prop).normalize());
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared");
      if (Files.isDirectory(candidate.resolve("corpus"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
