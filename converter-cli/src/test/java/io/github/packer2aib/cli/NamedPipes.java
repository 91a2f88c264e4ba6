package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Named pipes for tests of files that are not regular files: Java cannot make one, so {@code
 * mkfifo} does; a test is skipped where there is none (Windows). Nothing ever writes to these
 * pipes, so opening one for reading would wait for ever: run such tests with a timeout on a
 * separate thread.
 */
final class NamedPipes {
  private NamedPipes() {}

  /** A new named pipe at {@code path}. */
  static Path make(Path path) throws IOException, InterruptedException {
    Files.createDirectories(path.getParent());
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here: " + e.getMessage());
      throw e;
    }
    assumeTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
    return path;
  }
}
