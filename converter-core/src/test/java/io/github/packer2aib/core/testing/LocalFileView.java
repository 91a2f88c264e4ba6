package io.github.packer2aib.core.testing;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real file system, read-only, as a {@link FileSystemView} for tests that convert files on disk
 * (the same behaviour as the CLI's view), with a fixed home directory so results do not depend on
 * who runs the tests.
 */
public final class LocalFileView implements FileSystemView {
  private final Path base;

  public LocalFileView(Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  @Override
  public String baseDirectory() {
    return base.toString().replace('\\', '/');
  }

  @Override
  public String homeDirectory() {
    return "/home/tester";
  }

  @Override
  public Kind kind(String absolutePath) {
    Path p = Path.of(absolutePath);
    if (Files.isDirectory(p)) {
      return Kind.DIRECTORY;
    }
    return Files.isRegularFile(p) ? Kind.FILE : Kind.MISSING;
  }

  @Override
  public byte[] read(String absolutePath) throws IOException {
    return Files.readAllBytes(Path.of(absolutePath));
  }

  @Override
  public List<String> list(String absoluteDirectory) throws IOException {
    try (Stream<Path> s = Files.list(Path.of(absoluteDirectory))) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Override
  public String realPath(String absolutePath) throws IOException {
    return realPathOnDisk(absolutePath);
  }

  @Override
  public java.util.OptionalInt filePermissions(String absolutePath) {
    return permissionsOnDisk(absolutePath);
  }

  /** Where a path's links lead, as the command line's view answers. */
  public static String realPathOnDisk(String absolutePath) throws IOException {
    return Path.of(absolutePath).toRealPath().toString().replace('\\', '/');
  }

  /** A regular file's permission bits, as the command line's view answers. */
  public static java.util.OptionalInt permissionsOnDisk(String absolutePath) {
    try {
      java.nio.file.attribute.PosixFileAttributes a =
          Files.readAttributes(
              Path.of(absolutePath), java.nio.file.attribute.PosixFileAttributes.class);
      if (!a.isRegularFile()) {
        return java.util.OptionalInt.empty();
      }
      int bits = 0;
      for (java.nio.file.attribute.PosixFilePermission p : a.permissions()) {
        bits |= 1 << (8 - p.ordinal());
      }
      return java.util.OptionalInt.of(bits);
    } catch (IOException | UnsupportedOperationException e) {
      return java.util.OptionalInt.empty();
    }
  }
}
