package io.github.packer2aib.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output folders of a bulk run, each made once, and whether the run made it. A folder the run
 * made held no file before it, so its outputs need no comparison with an earlier file of the same
 * name (a stat per output file, for thousands of files); in a folder that existed, an output that
 * already holds the same bytes is left alone ({@link AtomicFiles}). It also collects what the run's
 * tasks wrote, for the run's {@link OutputManifest}.
 */
final class OutputFolders {
  private final Map<Path, Boolean> made = new ConcurrentHashMap<>();
  private final Map<String, OutputManifest.Entry> written = new ConcurrentHashMap<>();

  /** Notes that {@code bytes} are now the file {@code relative} (to the output folder). */
  void wrote(String relative, byte[] bytes) {
    written.put(relative, OutputManifest.Entry.of(bytes));
  }

  /** Takes back {@link #wrote}: the file was deleted again. */
  void deleted(String relative) {
    written.remove(relative);
  }

  /** Every file written (or found holding its bytes already), relative to the output folder. */
  Map<String, OutputManifest.Entry> written() {
    return written;
  }

  /** Makes {@code folder} and its parents where missing; whether this run made the folder. */
  boolean make(Path folder) throws IOException {
    Boolean known = made.get(folder);
    if (known != null) {
      return known;
    }
    boolean created = create(folder);
    // Two tasks making the same folder at once: one made it, which is what counts.
    return made.merge(folder, created, Boolean::logicalOr);
  }

  /**
   * Whether this run made {@code folder}: then it holds nothing but this run's outputs (and
   * folders), which {@link EarlierOutputs} need not look through.
   */
  boolean madeByRun(Path folder) {
    return made.getOrDefault(folder, false);
  }

  /**
   * Removes the folders this run made that are still empty, deepest first: a run that failed its
   * writes (a full disk) left hundreds of empty folders, where the README promises that nothing is
   * written for a template that fails. The run made them, so they are its to remove; a folder
   * something else has put a file in meanwhile is not empty and stays.
   */
  void removeEmpty() {
    List<Path> mine = new ArrayList<>();
    made.forEach(
        (folder, byRun) -> {
          if (byRun) {
            mine.add(folder);
          }
        });
    mine.sort(Comparator.comparingInt((Path p) -> p.toAbsolutePath().getNameCount()).reversed());
    for (Path folder : mine) {
      try {
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(folder); // only an empty folder: DirectoryNotEmptyException otherwise
        }
      } catch (IOException e) {
        // Not empty, or not ours to remove after all: it stays.
      }
    }
  }

  /**
   * Deletes the temporary files a killed earlier run left in the folders this run wrote to and did
   * not make ({@link StaleTemps}): only those of {@link AtomicFiles}, of processes no longer
   * running, last changed before {@code runStart}.
   */
  void removeStaleTemps(Instant runStart) {
    made.forEach(
        (folder, byRun) -> {
          if (!byRun) {
            StaleTemps.remove(folder, runStart, StaleTemps::running);
          }
        });
  }

  private boolean create(Path folder) throws IOException {
    try {
      Files.createDirectory(folder);
      return true;
    } catch (FileAlreadyExistsException e) {
      if (Files.isDirectory(folder)) {
        return false;
      }
      throw e;
    } catch (NoSuchFileException e) {
      // Its parents are made (and remembered) first, one at a time.
      Path parent = folder.getParent();
      if (parent == null) {
        throw e;
      }
      make(parent);
      return create(folder);
    }
  }
}
