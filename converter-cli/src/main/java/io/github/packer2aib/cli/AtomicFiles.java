package io.github.packer2aib.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old content or the new, never a half-written file:
 * the text goes to a temporary file in the same directory (same file system, so the rename is
 * atomic), which is then moved over the target.
 */
final class AtomicFiles {
  private static long counter;

  private AtomicFiles() {}

  static void write(Path target, String text) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = createTemp(dir, target.getFileName().toString());
    try {
      Files.write(temp, text.getBytes(StandardCharsets.UTF_8));
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Files.createTempFile would make the file owner-only (0600) on POSIX; creating it by name keeps
   * the user's umask, so the result has the permissions of any other file they create.
   */
  private static Path createTemp(Path dir, String fileName) throws IOException {
    long pid = ProcessHandle.current().pid();
    while (true) {
      Path temp = dir.resolve("." + fileName + "." + pid + "." + next() + ".tmp");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        // Left over from another run; try the next name.
      }
    }
  }

  private static synchronized long next() {
    return ++counter;
  }
}
