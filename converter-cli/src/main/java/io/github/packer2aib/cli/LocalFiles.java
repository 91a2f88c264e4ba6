package io.github.packer2aib.cli;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real file system, read-only, for the template's files and its file functions. */
final class LocalFiles implements FileSystemView {
  private final Path cwd;

  LocalFiles(Path cwd) {
    this.cwd = cwd;
  }

  @Override
  public String baseDirectory() {
    return cwd.toString().replace('\\', '/');
  }

  @Override
  public String homeDirectory() {
    return System.getProperty("user.home", "/").replace('\\', '/');
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
}
