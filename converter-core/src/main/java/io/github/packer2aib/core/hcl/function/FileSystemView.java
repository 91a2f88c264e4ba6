package io.github.packer2aib.core.hcl.function;

import java.io.IOException;
import java.util.List;

/**
 * Read-only access to the files a template may refer to, supplied by the caller, so the core does
 * no I/O of its own beyond these reads (and tests can give an in-memory tree). Paths given here
 * are absolute and use {@code /} separators.
 */
public interface FileSystemView {
  /** What a path is. */
  enum Kind {
    MISSING,
    FILE,
    DIRECTORY
  }

  /** The absolute directory relative paths resolve against (Packer's working directory). */
  String baseDirectory();

  /** The user's home directory, for {@code ~} in paths. */
  String homeDirectory();

  Kind kind(String absolutePath);

  /** The bytes of a regular file. */
  byte[] read(String absolutePath) throws IOException;

  /** The names of the entries of a directory, in any order. */
  List<String> list(String absoluteDirectory) throws IOException;

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
    };
  }
}
