package io.github.packer2aib.cli;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.FileSystemView.Kind;
import io.github.packer2aib.core.hcl.function.HostFile;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What a {@code convert -r} run has learnt about the files its templates name: the kind of a path,
 * whether its owner may execute it, a directory's entries and the bytes of small files, shared by
 * every template of the run. The templates of a repository mostly upload the same scripts, and
 * looking each one up again for every template (in the template's folder, then in the working
 * directory, then to read and hash it) was more system calls than converting took. Files are taken
 * not to change during a run. Thread-safe. A file's contents are kept from its second read on (each
 * template file is read once, and keeping those would only spend the budget), up to a total budget.
 */
final class FileCache {
  /** Files larger than this are always read from disk. */
  private static final int MAX_CACHED_FILE = 256 * 1024;

  private final ConcurrentHashMap<String, Kind> kinds = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Boolean> executables = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Optional<String>> realPaths = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, OptionalInt> permissions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, List<String>> listings = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, byte[]> contents = new ConcurrentHashMap<>();
  private final Set<String> readOnce = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, FileSystemView.Contents> summaries =
      new ConcurrentHashMap<>();
  private final AtomicLong budget;

  /**
   * @param contentBudget bytes of file contents the cache may hold
   */
  FileCache(long contentBudget) {
    this.budget = new AtomicLong(contentBudget);
  }

  /** The cache of a bulk run: 32 MiB of contents. */
  static FileCache forBulkRun() {
    return new FileCache(32L * 1024 * 1024);
  }

  interface Loader<T> {
    T load() throws IOException;
  }

  /**
   * What discovery saw while walking the input folders: a folder's entries, so a template's own
   * folder is not listed again when it is converted.
   */
  void knowListing(String directory, List<String> entries) {
    listings.putIfAbsent(directory, List.copyOf(entries));
  }

  /** The kind of a path that discovery looked at (a file or a folder it found). */
  void knowKind(String path, Kind kind) {
    kinds.putIfAbsent(path, kind);
  }

  /**
   * Where a regular file that discovery found leads ({@code realPath}, with {@code /} separators):
   * its folder's real path and its name, known without a system call, which the conversion would
   * otherwise make for each template file ({@link HostFile}).
   */
  void knowRealPath(String path, String realPath) {
    realPaths.putIfAbsent(path, Optional.of(realPath));
  }

  Kind kind(String path, Supplier<Kind> load) {
    return kinds.computeIfAbsent(path, p -> load.get());
  }

  /** Whether the owner may execute a file (its mode is carried over for uploaded files). */
  boolean isExecutable(String path, Supplier<Boolean> load) {
    return executables.computeIfAbsent(path, p -> load.get());
  }

  /**
   * Where a path's links lead (empty: nothing there), from which the core knows a file of this
   * machine that no template may copy ({@link HostFile}).
   */
  Optional<String> realPath(String path, Supplier<Optional<String>> load) {
    return realPaths.computeIfAbsent(path, p -> load.get());
  }

  /** A regular file's permission bits, from which the core knows a private file. */
  OptionalInt permissions(String path, Supplier<OptionalInt> load) {
    return permissions.computeIfAbsent(path, p -> load.get());
  }

  List<String> list(String directory, Loader<List<String>> load) throws IOException {
    List<String> known = listings.get(directory);
    if (known != null) {
      return known;
    }
    List<String> entries = List.copyOf(load.load());
    listings.putIfAbsent(directory, entries);
    return entries;
  }

  /**
   * A copy of the cached bytes (callers may change theirs), else the file's bytes from disk, or
   * null when {@code load} gives null (a file too large to read whole).
   */
  byte[] read(String path, Loader<byte[]> load) throws IOException {
    byte[] known = contents.get(path);
    if (known != null) {
      return known.clone();
    }
    byte[] bytes = load.load();
    if (bytes == null) {
      return null;
    }
    if (!readOnce.add(path) && bytes.length <= MAX_CACHED_FILE && reserve(bytes.length)) {
      contents.putIfAbsent(path, bytes.clone());
    }
    return bytes;
  }

  /**
   * The size and SHA-256 of a file (too large to keep, {@link FileSystemView#contents}, or large
   * enough that hashing it again costs), worked out once per run: templates of a repository upload
   * the same archives and installers, and hashing a file of a gigabyte takes seconds. Two threads
   * asking at once may both hash it; neither waits.
   */
  FileSystemView.Contents summary(String path, Loader<FileSystemView.Contents> load)
      throws IOException {
    FileSystemView.Contents known = summaries.get(path);
    if (known != null) {
      return known;
    }
    FileSystemView.Contents made = load.load();
    summaries.putIfAbsent(path, made);
    return made;
  }

  /** Takes {@code n} bytes from the budget if that many are left. */
  private boolean reserve(int n) {
    long left;
    do {
      left = budget.get();
      if (left < n) {
        return false;
      }
    } while (!budget.compareAndSet(left, left - n));
    return true;
  }
}
