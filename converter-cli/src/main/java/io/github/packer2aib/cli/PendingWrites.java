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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

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
   * Creates {@code temp} (empty) as a write in progress and returns it open for writing. Creating
   * it and registering it hold the read side of {@link #creating}, which {@link #abandon} takes the
   * write side of: a file is either created and registered before the writes are abandoned (and
   * then deleted by it) or not created at all. (Registering first and reading the flag again after,
   * as before, left a file behind when the JVM ended between the creation and that second look.)
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
    creating.readLock().lock();
    try {
      stopIfAbandoned();
      temps.add(temp);
      try {
        return Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (IOException | RuntimeException e) {
        temps.remove(temp);
        throw e;
      }
    } finally {
      creating.readLock().unlock();
    }
  }

  /**
   * Held (read side, shared by the writing threads) while a temporary file is created and
   * registered; {@link #abandon} takes the write side.
   */
  private final ReentrantReadWriteLock creating = new ReentrantReadWriteLock();

  /** The write of {@code temp} is over: moved into place or deleted. */
  void end(Path temp) {
    temps.remove(temp);
  }

  /** Deletes every temporary file being written and refuses new ones; for the shutdown hook. */
  void abandon() {
    abandoned = true;
    boolean locked = false;
    try {
      // Creations under way finish (and register) first; a stuck one must not hold up the end.
      locked = creating.writeLock().tryLock(500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      deleteAll();
    } finally {
      if (locked) {
        creating.writeLock().unlock();
      }
    }
  }

  private void deleteAll() {
    for (Path temp : temps) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // The process is ending; a file that cannot be deleted now cannot be deleted later.
      }
    }
  }

  /** Whether the writes were abandoned: the process is stopping. */
  boolean abandoned() {
    return abandoned;
  }

  private void stopIfAbandoned() throws InterruptedIOException {
    if (abandoned) {
      throw new InterruptedIOException("the run was stopped");
    }
  }
}
