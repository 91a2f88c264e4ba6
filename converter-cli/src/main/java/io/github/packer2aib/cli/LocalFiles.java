package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.HostFile;
import io.github.packer2aib.core.source.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The real file system, read-only, for the template's files and its file functions; through a
 * {@link FileCache} shared by the templates of a bulk run when one is given.
 */
final class LocalFiles implements FileSystemView {
  private final Path cwd;
  private final FileCache cache;

  /**
   * The folders whose files are the templates' own ({@link HostFile.Kind#PRIVATE} files lie outside
   * them): the folder the converter runs in and the folders it converts.
   */
  private final List<Path> ownFolders;

  LocalFiles(Path cwd) {
    this(cwd, null, List.of());
  }

  LocalFiles(Path cwd, FileCache cache) {
    this(cwd, cache, List.of());
  }

  /**
   * @param cwd the folder relative paths resolve against (Packer's working directory)
   * @param cache a bulk run's cache, or null
   * @param converted the folders given to convert (inputs, a bulk run's root): their files are the
   *     templates' own, as are the files of {@code cwd} and of the folder this process runs in
   */
  LocalFiles(Path cwd, FileCache cache, List<Path> converted) {
    this.cwd = cwd;
    this.cache = cache;
    List<Path> own = new ArrayList<>(List.of(cwd, Path.of("").toAbsolutePath()));
    own.addAll(converted);
    own.replaceAll(folder -> folder.toAbsolutePath().normalize());
    this.ownFolders = List.copyOf(own);
  }

  /**
   * The folders the templates named by {@code inputs} (files or folders, as the command line gives
   * them) lie in: a file's folder, a folder itself.
   */
  static List<Path> foldersOf(List<String> inputs) {
    List<Path> out = new ArrayList<>();
    for (String input : inputs) {
      try {
        Path p = Path.of(input).toAbsolutePath().normalize();
        out.add(Files.isDirectory(p) ? p : p.getParent() != null ? p.getParent() : p);
      } catch (InvalidPathException e) {
        // A name no file can have: it converts nothing, and owns no folder.
      }
    }
    return out;
  }

  @Override
  public String baseDirectory() {
    return FileSystemView.slashes(cwd.toString());
  }

  @Override
  public String homeDirectory() {
    return FileSystemView.slashes(System.getProperty("user.home", "/"));
  }

  @Override
  public Kind kind(String absolutePath) {
    if (cache == null) {
      return kindOnDisk(absolutePath);
    }
    return cache.kind(absolutePath, () -> kindOnDisk(absolutePath));
  }

  @Override
  public boolean isExecutable(String absolutePath) {
    return cache == null
        ? executableOnDisk(absolutePath)
        : cache.isExecutable(absolutePath, () -> executableOnDisk(absolutePath));
  }

  private static boolean executableOnDisk(String absolutePath) {
    try {
      return Files.getPosixFilePermissions(Path.of(absolutePath))
          .contains(PosixFilePermission.OWNER_EXECUTE);
    } catch (IOException | UnsupportedOperationException | InvalidPathException e) {
      return false; // no POSIX modes here (Windows), or unreadable: nothing to keep
    }
  }

  /**
   * Regular file first: most paths asked about are the scripts and files of provisioners, which
   * this answers with one stat call (asking for a directory first made two for each). Both checks
   * follow links and answer false for a path that cannot be read, without an exception.
   */
  private static Kind kindOnDisk(String absolutePath) {
    Path p;
    try {
      p = pathOf(absolutePath);
    } catch (NoSuchFileException e) {
      return Kind.MISSING;
    }
    if (Files.isRegularFile(p)) {
      return Kind.FILE;
    }
    return Files.isDirectory(p) ? Kind.DIRECTORY : Kind.MISSING;
  }

  /**
   * Where the path's symbolic links lead, from which the core knows a link into {@code /proc} for
   * what it is ({@link HostFile#of}). Through the run's cache: asked once per path.
   */
  @Override
  public String realPath(String absolutePath) throws IOException {
    Optional<String> real =
        cache == null
            ? realPathOnDisk(absolutePath)
            : cache.realPath(absolutePath, () -> realPathOnDisk(absolutePath));
    if (real.isEmpty()) {
      throw new NoSuchFileException(ControlCharacters.escape(absolutePath));
    }
    return real.get();
  }

  private static Optional<String> realPathOnDisk(String absolutePath) {
    try {
      return Optional.of(FileSystemView.slashes(pathOf(absolutePath).toRealPath().toString()));
    } catch (IOException | SecurityException e) {
      return Optional.empty(); // nothing there to read (its reader says why)
    }
  }

  /**
   * A regular file's permission bits, from which the core knows a private file ({@link
   * HostFile#of}). Through the run's cache: asked once per path.
   */
  @Override
  public OptionalInt filePermissions(String absolutePath) {
    return cache == null
        ? permissionsOnDisk(absolutePath)
        : cache.permissions(absolutePath, () -> permissionsOnDisk(absolutePath));
  }

  private static OptionalInt permissionsOnDisk(String absolutePath) {
    PosixFileAttributes attributes;
    try {
      attributes = Files.readAttributes(pathOf(absolutePath), PosixFileAttributes.class);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return OptionalInt.empty(); // no POSIX modes here (Windows): nothing tells a private file
    }
    if (!attributes.isRegularFile()) {
      return OptionalInt.empty();
    }
    int bits = 0;
    for (PosixFilePermission p : attributes.permissions()) {
      bits |= 1 << (8 - p.ordinal()); // OWNER_READ (ordinal 0) is 0400, OTHERS_EXECUTE 0001
    }
    return OptionalInt.of(bits);
  }

  /**
   * The folder the converter runs in, the working directory and the folders it converts (the core
   * leaves out {@code /} and the home folder).
   */
  @Override
  public List<String> ownFolders() {
    List<String> out = new ArrayList<>(ownFolders.size());
    for (Path folder : ownFolders) {
      out.add(FileSystemView.slashes(folder.toString()));
    }
    return out;
  }

  /** What a path that is no file or folder is: a named pipe or a device, when it exists. */
  @Override
  public String whyNotAFile(String absolutePath) {
    try {
      return FileKinds.whyNotRegular(pathOf(absolutePath)).orElse(NO_SUCH_FILE);
    } catch (NoSuchFileException e) {
      return NO_SUCH_FILE;
    }
  }

  /**
   * The path of a name from a template. This is where a template's paths become Java's: one that no
   * file can have (a NUL character; on Windows also {@code <}, {@code |} and the like) is missing,
   * as the view's contract has it, and not Java's unchecked exception, which would end the run as
   * an internal error. (The core reports a NUL before it asks.)
   */
  private static Path pathOf(String absolutePath) throws NoSuchFileException {
    try {
      return Path.of(absolutePath);
    } catch (InvalidPathException e) {
      throw new NoSuchFileException(
          ControlCharacters.escape(absolutePath), null, "no file can have this name");
    }
  }

  /**
   * The bytes of a regular file. Anything else fails before it is opened, whoever forgot to ask
   * first: opening a named pipe waits for a writer, possibly for ever, and a device may never end.
   * (A bulk run's cache already knows the kind of nearly every file read.)
   */
  @Override
  public byte[] read(String absolutePath) throws IOException {
    if (kind(absolutePath) != Kind.FILE) {
      String why = whyNotAFile(absolutePath);
      if (!why.equals(NO_SUCH_FILE)) {
        throw new FileSystemException(ControlCharacters.escape(absolutePath), null, why);
      }
      // Missing: reading it says so as Java does, with what no file can be named.
    }
    if (cache == null) {
      return Files.readAllBytes(pathOf(absolutePath));
    }
    return cache.read(absolutePath, () -> Files.readAllBytes(pathOf(absolutePath)));
  }

  /**
   * A file of at most {@code keepUpTo} bytes read whole (through the run's cache), a larger one
   * read in pieces through SHA-256 (once per bulk run): the file's size is asked of the open file,
   * so a small one costs the same calls as reading it did.
   */
  @Override
  public Contents contents(String absolutePath, int keepUpTo) throws IOException {
    byte[] bytes = readUpTo(absolutePath, keepUpTo);
    if (bytes != null) {
      if (cache == null || bytes.length <= REMEMBERED_CHECKSUM) {
        return Contents.whole(bytes); // the mapper hashes small files through its own memo
      }
      return Contents.whole(bytes, cache.summary(absolutePath, () -> summaryOf(bytes)).sha256());
    }
    Path p = pathOf(absolutePath);
    return cache == null ? inPieces(p) : cache.summary(absolutePath, () -> inPieces(p));
  }

  /**
   * Files larger than this have their checksum remembered by path for the run: a bulk run's
   * templates share their uploads, and hashing the same 8 MB archive for each of a thousand
   * templates (C1 code hashes about 100 MB/s) would cost more than converting them.
   */
  private static final int REMEMBERED_CHECKSUM = 64 * 1024;

  private static Contents summaryOf(byte[] bytes) {
    return Contents.summary(bytes.length, Sha256.hex(bytes));
  }

  /** The size and SHA-256 of a file, read a piece at a time. */
  private static Contents inPieces(Path p) throws IOException {
    MessageDigest sha256 = Sha256.fresh();
    long size = 0;
    byte[] piece = new byte[PIECE];
    try (InputStream in = Files.newInputStream(p)) {
      for (int n; (n = in.read(piece)) > 0; ) {
        sha256.update(piece, 0, n);
        size += n;
      }
    }
    return Contents.summary(size, Sha256.hex(sha256));
  }

  private static final int PIECE = 256 * 1024;

  @Override
  public List<String> list(String absoluteDirectory) throws IOException {
    if (cache == null) {
      return listOnDisk(absoluteDirectory);
    }
    return cache.list(absoluteDirectory, () -> listOnDisk(absoluteDirectory));
  }

  private static List<String> listOnDisk(String absoluteDirectory) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(pathOf(absoluteDirectory))) {
      for (Path p : entries) {
        names.add(p.getFileName().toString());
      }
    }
    return names;
  }
}
