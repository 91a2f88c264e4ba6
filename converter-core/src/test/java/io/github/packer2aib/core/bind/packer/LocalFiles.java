package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real file system, read-only, for tests over the shared corpus. */
final class LocalFiles implements FileSystemView {
  private final Path base;

  LocalFiles(Path base) {
    this.base = base;
  }

  @Override
  public String baseDirectory() {
    return base.toString().replace('\\', '/');
  }

  @Override
  public String homeDirectory() {
    return "/nonexistent-home";
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
