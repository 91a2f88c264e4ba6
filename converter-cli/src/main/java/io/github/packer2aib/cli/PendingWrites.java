package io.github.packer2aib.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files that {@link AtomicFiles} is writing at this moment, so that a run stopped by
 * Ctrl-C or a termination signal leaves no hidden {@code .name.pid.n.tmp} files behind: the
 * process's shutdown hook {@link #abandon abandons} them, and no new one is begun after that.
 * Output files themselves are never half-written (they appear only by an atomic move), so what a
 * stopped run leaves is whole files and nothing else.
 */
final class PendingWrites {
  /** The process's writes, abandoned by a shutdown hook when the JVM is stopped. */
  static final PendingWrites PROCESS = processWide();

  private final Set<Path> temps = ConcurrentHashMap.newKeySet();
  private volatile boolean abandoned;

  PendingWrites() {}

  private static PendingWrites processWide() {
    PendingWrites pending = new PendingWrites();
    Runtime.getRuntime().addShutdownHook(new Thread(pending::abandon, "packer2aib-abandon-writes"));
    return pending;
  }

  /**
   * Creates {@code temp} (empty) as a write in progress and returns it open for writing. The name
   * is registered before the file exists and the flag is read again after, so that whichever comes
   * first, this or {@link #abandon}, the file is deleted by one of them once abandoned.
   *
   * <p>The caller writes through the returned channel rather than opening the file again: opening
   * an existing file to truncate it makes ext4 flush its data to disk when it is closed (its
   * "replace by truncate" safeguard), which cost a bulk run of 10,000 templates about a second of
   * kernel time.
   *
   * @throws FileAlreadyExistsException if a file of that name exists (left by another run)
   * @throws InterruptedIOException if the writes were abandoned
   */
  WritableByteChannel begin(Path temp) throws IOException {
    temps.add(temp);
    try {
      stopIfAbandoned();
      WritableByteChannel channel =
          Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      if (abandoned) {
        channel.close();
        Files.deleteIfExists(temp);
        stopIfAbandoned();
      }
      return channel;
    } catch (IOException | RuntimeException e) {
      temps.remove(temp);
      throw e;
    }
  }

  /** The write of {@code temp} is over: moved into place or deleted. */
  void end(Path temp) {
    temps.remove(temp);
  }

  /** Deletes every temporary file being written and refuses new ones; for the shutdown hook. */
  void abandon() {
    abandoned = true;
    for (Path temp : temps) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // The process is ending; a file that cannot be deleted now cannot be deleted later.
      }
    }
  }

  private void stopIfAbandoned() throws InterruptedIOException {
    if (abandoned) {
      throw new InterruptedIOException("the run was stopped");
    }
  }
}
