package io.github.packer2aib.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files of {@link AtomicFiles} ({@code .NAME.packer2aib-PID-N.tmp}) that a run killed
 * by SIGKILL (the OOM killer, a CI hard timeout) left behind, where its shutdown hook could not
 * delete them; later runs kept them for good. A run removes those it meets in the folders it writes
 * to, when they are surely dead: the name is ours, the process of its PID is not running, and the
 * file was last changed before this run started (a run in another PID namespace writing the same
 * folder keeps changing its file).
 */
final class StaleTemps {
  private StaleTemps() {}

  /**
   * {@code .NAME.packer2aib-PID-N.tmp}, as {@link AtomicFiles#tempName} names them; group 1 is the
   * PID. The mark {@code .packer2aib-} keeps a user's hidden file that only looks like one ({@code
   * .notes.99999.1.tmp}, which the pattern once took) out of it.
   */
  private static final Pattern NAME =
      Pattern.compile(
          "\\..+"
              + Pattern.quote(AtomicFiles.TEMP_MARK)
              + "(\\d{1,18})-\\d{1,18}"
              + Pattern.quote(AtomicFiles.TEMP_SUFFIX));

  /** The same as a glob, which the listing filters by before the pattern is tried. */
  private static final String GLOB = ".*" + AtomicFiles.TEMP_MARK + "*" + AtomicFiles.TEMP_SUFFIX;

  /** Removes the stale temporary files in {@code folder}; returns how many. */
  static int remove(Path folder, Instant runStart, LongPredicate running) {
    int removed = 0;
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, GLOB)) {
      for (Path entry : entries) {
        Matcher m = NAME.matcher(entry.getFileName().toString());
        if (m.matches()) {
          long pid = Long.parseLong(m.group(1));
          if (pid != self && !running.test(pid) && changedBefore(entry, runStart)) {
            removed += delete(entry) ? 1 : 0;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // A folder that cannot be listed (or is gone): nothing to remove there.
    }
    return removed;
  }

  private static boolean changedBefore(Path entry, Instant runStart) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attributes.isRegularFile()
          && attributes.lastModifiedTime().toInstant().isBefore(runStart);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean delete(Path entry) {
    try {
      return Files.deleteIfExists(entry);
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether a process of this PID is running (on this system, in this PID namespace). */
  static boolean running(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
