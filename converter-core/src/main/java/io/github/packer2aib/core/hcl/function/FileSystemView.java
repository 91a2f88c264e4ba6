package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.source.Sha256;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Read-only access to the files a template may refer to, supplied by the caller, so the core does
 * no I/O of its own beyond these reads (and tests can give an in-memory tree). Paths given here are
 * absolute and use {@code /} separators. A path that no file can have (one the platform's paths
 * refuse) is {@link Kind#MISSING}, and reading it fails with an {@link IOException}: a view never
 * throws an unchecked exception for a path, which the core takes from the template as written.
 *
 * <p><b>A view over real files</b> (the machine's own file system, as a build tool or service that
 * converts checked-out repositories would give) must answer {@link #realPath} and {@link
 * #filePermissions} from the file system itself: where a path's symbolic links lead, and the
 * permission bits of a regular file. From those answers the core refuses, by itself, to read any
 * file of the machine running the converter into a template ({@link HostFile}): one under {@code
 * /proc}, {@code /sys} or {@code /dev} (by its path or where its links lead: a link {@code env.txt
 * -> /proc/self/environ} in a repository read the converting process's environment), and a private
 * file (others may not read it) outside the {@link #ownFolders}. The two are abstract so that a
 * view cannot leave them out: a view that answered from the path's text alone let both through. An
 * in-memory view, which has neither links nor modes, answers the path itself and no permissions.
 */
public interface FileSystemView {
  /** What a path is. */
  enum Kind {
    /** Nothing that can be read: no such path, or one that is neither a file nor a directory. */
    MISSING,
    FILE,
    DIRECTORY
  }

  /** The absolute directory relative paths resolve against (Packer's working directory). */
  String baseDirectory();

  /**
   * Packer's working directory, which {@code abspath} resolves against even where the other file
   * functions resolve against the template's folder (Go's filepath.Abs knows no other base).
   */
  default String workingDirectory() {
    return baseDirectory();
  }

  /** The user's home directory, for {@code ~} in paths. */
  String homeDirectory();

  Kind kind(String absolutePath);

  /** The reason {@link #whyNotAFile} gives for a path that does not exist. */
  String NO_SUCH_FILE = "no such file or directory";

  /**
   * Why a path that is not {@link Kind#FILE} cannot be read, in a few words that follow "could not
   * be read: ": "is a directory", {@value #NO_SUCH_FILE}, or, from a view over real files, what a
   * {@link Kind#MISSING} path that exists is ("is not a regular file (a named pipe)").
   */
  default String whyNotAFile(String absolutePath) {
    return kind(absolutePath) == Kind.DIRECTORY ? "is a directory" : NO_SUCH_FILE;
  }

  /**
   * A short reason for a read that failed, as {@link #whyNotAFile} gives one: the exception's own
   * message repeats the path and varies by platform.
   */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException
        || e instanceof java.io.FileNotFoundException) {
      return NO_SUCH_FILE;
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException exists && exists.getFile() != null) {
      // Creating a folder where a file of that name is (its message is the path alone).
      return exists.getFile() + " exists and is not a directory";
    }
    if (e instanceof java.nio.file.NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /**
   * A platform path in the view's form, with {@code /} separators: on Windows its backslashes are
   * separators and become slashes; elsewhere a backslash is part of a name ({@code p\q} is one
   * folder on Linux) and is kept, or the view would be asked about another path.
   */
  static String slashes(String platformPath) {
    return java.io.File.separatorChar == '\\' ? platformPath.replace('\\', '/') : platformPath;
  }

  /** The bytes of a regular file. */
  byte[] read(String absolutePath) throws IOException;

  /**
   * The bytes of a regular file of at most {@code maxBytes}, else null: a view over real files then
   * reads none of it; this default reads it whole (in-memory views).
   */
  default byte[] readUpTo(String absolutePath, int maxBytes) throws IOException {
    byte[] bytes = read(absolutePath);
    return bytes.length <= maxBytes ? bytes : null;
  }

  /**
   * What the mapper needs of a file a provisioner uploads: its bytes when it has at most {@code
   * keepUpTo} of them; else only its size and SHA-256. A view over real files reads a larger file
   * in pieces, so that an installer of gigabytes never has to fit in memory; this default reads it
   * whole (in-memory views).
   */
  default Contents contents(String absolutePath, int keepUpTo) throws IOException {
    byte[] bytes = read(absolutePath);
    if (bytes.length <= keepUpTo) {
      return Contents.whole(bytes);
    }
    return Contents.summary(bytes.length, Sha256.hex(bytes));
  }

  /**
   * A file's contents ({@link #contents}): its bytes, or, for a file too large to keep, its size
   * and lowercase hex SHA-256 alone.
   *
   * @param bytes the whole file, or null when only the summary is known
   * @param size the file's size in bytes
   * @param sha256 the lowercase hex SHA-256; always there when {@code bytes} is null, else when the
   *     view knows it already (the caller hashes the bytes otherwise)
   */
  record Contents(byte[] bytes, long size, String sha256) {
    public static Contents whole(byte[] bytes) {
      return new Contents(bytes, bytes.length, null);
    }

    /** The whole file with its SHA-256, which the view remembered from an earlier read. */
    public static Contents whole(byte[] bytes, String sha256) {
      return new Contents(bytes, bytes.length, Objects.requireNonNull(sha256, "sha256"));
    }

    public static Contents summary(long size, String sha256) {
      return new Contents(null, size, Objects.requireNonNull(sha256, "sha256"));
    }
  }

  /** The names of the entries of a directory, in any order. */
  List<String> list(String absoluteDirectory) throws IOException;

  /**
   * Whether the file's owner may execute it (its mode has the owner's x bit), which Packer's SSH
   * uploads keep on the VM; false where the file system has no such mode or it cannot be read.
   */
  default boolean isExecutable(String absolutePath) {
    return false;
  }

  /**
   * Where {@code absolutePath} leads once every symbolic link on it is followed: an absolute path
   * with {@code /} separators ({@code /proc/self/environ} for a link to it), the path itself where
   * nothing on it is a link (an in-memory view: always).
   *
   * @throws IOException when nothing is there (the read that follows says why)
   */
  String realPath(String absolutePath) throws IOException;

  /**
   * The permission bits of the regular file at {@code absolutePath} (links followed), as the low
   * nine bits of its POSIX mode ({@code 0600} for a file others may not read); empty for anything
   * but a regular file, and where the file system has no POSIX modes (Windows) or they cannot be
   * read (an in-memory view: always). A file whose bits deny others reading it is private unless it
   * lies in one of the {@link #ownFolders}.
   */
  OptionalInt filePermissions(String absolutePath);

  /**
   * The folders whose files are the templates' own, so never private whatever their mode: those of
   * the templates being converted, and the one the converter runs in. The core adds the template's
   * own folder, and leaves out {@code /} and the {@link #homeDirectory}, which would make every
   * file of the machine, or its user's token caches, a template's own. This default, the base and
   * working directories, is the least a view can own: a view that converts folders given to it adds
   * them (a bulk run's root, whose templates read files beside their own folders).
   */
  default List<String> ownFolders() {
    return List.of(baseDirectory(), workingDirectory());
  }

  /**
   * A view of text files held in memory, by absolute path (with {@code /} separators), for a
   * template given as text with the files it reads (or none): a folder exists when a file lies
   * below it, and nothing else is there. There are no links and no modes.
   *
   * @param baseDirectory the absolute directory relative paths resolve against
   * @param files each file's text by its absolute path, written as UTF-8
   */
  static FileSystemView inMemory(String baseDirectory, Map<String, String> files) {
    return new InMemoryFileSystemView(baseDirectory, files);
  }

  /** A view with no files at all (for converting without file access). */
  static FileSystemView empty(String baseDirectory) {
    return new FileSystemView() {
      @Override
      public String baseDirectory() {
        return baseDirectory;
      }

      @Override
      public String homeDirectory() {
        return "/";
      }

      @Override
      public Kind kind(String absolutePath) {
        return Kind.MISSING;
      }

      @Override
      public byte[] read(String absolutePath) throws IOException {
        throw new java.io.FileNotFoundException(absolutePath);
      }

      @Override
      public List<String> list(String absoluteDirectory) {
        return List.of();
      }

      @Override
      public String realPath(String absolutePath) throws IOException {
        throw new java.io.FileNotFoundException(absolutePath);
      }

      @Override
      public OptionalInt filePermissions(String absolutePath) {
        return OptionalInt.empty();
      }
    };
  }
}
