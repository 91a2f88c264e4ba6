package io.github.packer2aib.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output folders of a bulk run, each made once, and whether the run made it. A folder the run
 * made held no file before it, so its outputs need no comparison with an earlier file of the same
 * name (a stat per output file, for thousands of files); in a folder that existed, an output that
 * already holds the same bytes is left alone ({@link AtomicFiles}). It also collects what the run's
 * tasks wrote, for the run's {@link OutputManifest}.
 *
 * <p>Below the output folder, the run writes only into real folders: a symbolic link where a
 * mirrored folder goes (a repository can commit {@code aib/linux -> ../../outside}) made the run
 * write templates, and delete files named like its temporary files, wherever the link led. Such a
 * link is refused wherever it leads, also to a folder inside the output folder: two mirrored
 * folders would then be one, and the outputs of one would replace the other's, which the rules that
 * keep output names apart cannot see. A Windows junction (or another reparse point of a folder,
 * which the attributes cannot tell from a synced folder's) is refused when its real path leads out
 * of the output folder's. The output folder itself, and the folders above it, are the user's to
 * choose: links there are followed.
 */
final class OutputFolders {
  private final Map<Path, Boolean> made = new ConcurrentHashMap<>();
  private final Map<String, OutputManifest.Entry> written = new ConcurrentHashMap<>();

  /** The output folder, as the run names it (its outputs' paths start with it); null: none. */
  private final Path out;

  /** The output folder's real path, once asked for. */
  private volatile Path realOut;

  /** Folders below {@link #out} found to be real folders by {@link #unwritable}. */
  private final Set<Path> checked = ConcurrentHashMap.newKeySet();

  /**
   * @param out the output folder, written as the paths of the folders made in it start (null when
   *     the run writes nothing)
   */
  OutputFolders(Path out) {
    this.out = out;
  }

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
   * running, last changed before {@code runStart}; only in the output folder and below it (not in
   * the existing folders above it that making it passed through), in folders {@link #make} found to
   * be real folders.
   */
  void removeStaleTemps(Instant runStart) {
    made.forEach(
        (folder, byRun) -> {
          if (!byRun && out != null && folder.startsWith(out)) {
            StaleTemps.remove(folder, runStart, StaleTemps::running);
          }
        });
  }

  /**
   * Why the run could not write into {@code folder} (the output folder or below it), or null: a
   * file where it or a folder above it (below the output folder) should be, or a symbolic link
   * there; worded as {@link #make} would fail. Nothing is made: a missing folder is one the run
   * would make, with those below it. Folders found fine are remembered, so a bulk run asks the file
   * system once per folder.
   */
  String unwritable(Path folder) {
    Deque<Path> unknown = new ArrayDeque<>();
    Path f = folder;
    for (; below(f) && !made.containsKey(f) && !checked.contains(f); f = f.getParent()) {
      unknown.push(f);
    }
    if (f != null && Boolean.TRUE.equals(made.get(f))) {
      // Below a folder this run made (a new output folder, say) there is only what the run makes:
      // no link to find, and a missing folder costs the file system an exception to report.
      return null;
    }
    while (!unknown.isEmpty()) {
      Path next = unknown.pop();
      BasicFileAttributes attributes;
      try {
        attributes =
            Files.readAttributes(next, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        return null; // missing (or unseen): the run makes it, and what is below it
      }
      String why = notARealFolder(next, attributes);
      if (why != null) {
        return why;
      }
      checked.add(next);
    }
    return null;
  }

  /** Whether {@code folder} lies strictly below the output folder. */
  private boolean below(Path folder) {
    return out != null && folder != null && folder.startsWith(out) && !folder.equals(out);
  }

  /**
   * Why the existing {@code folder} below the output folder is no folder the run may write into, or
   * null.
   */
  private String notARealFolder(Path folder, BasicFileAttributes attributes) {
    if (attributes.isSymbolicLink()) {
      return folder
          + " is a symbolic link"
          + linkTarget(folder)
          + ", and packer2aib writes nothing through a link inside the output folder (it could"
          + " lead out of it, or make two folders of outputs one): replace the link with a"
          + " folder, or write into another folder (-o)";
    }
    if (!attributes.isDirectory()) {
      return folder + " exists and is not a directory";
    }
    if (attributes.isOther() && !inside(folder)) {
      // Windows: a junction is a directory that is also "other" (a reparse point).
      return folder
          + " leads out of the output folder (a junction or mount point), and packer2aib writes"
          + " nothing outside it: replace it with a folder, or write into another folder (-o)";
    }
    return null;
  }

  /** " (to TARGET)", or "" when the link cannot be read. */
  private static String linkTarget(Path link) {
    try {
      return " (to " + Files.readSymbolicLink(link) + ")";
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  /** Whether the real path of {@code folder} lies in the output folder's. */
  private boolean inside(Path folder) {
    try {
      Path real = realOut;
      if (real == null) {
        real = out.toRealPath();
        realOut = real;
      }
      return folder.toRealPath().startsWith(real);
    } catch (IOException e) {
      return false;
    }
  }

  private boolean create(Path folder) throws IOException {
    if (below(folder)) {
      // Its parents first, each checked before anything is made in it: creating a folder inside
      // a link would already have written through it.
      make(folder.getParent());
      try {
        Files.createDirectory(folder);
        return true;
      } catch (FileAlreadyExistsException e) {
        String why =
            notARealFolder(
                folder,
                Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        if (why != null) {
          throw new FileSystemException(folder.toString(), null, why);
        }
        return false;
      }
    }
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
