package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import java.io.IOException;
import java.util.List;

/**
 * The caller's files with another base directory. Packer resolves the relative paths given to file
 * functions against the template's folder in sources, builds and locals, and against the working
 * directory in variable validations; each gets its own view.
 */
final class RebasedFileSystemView implements FileSystemView {
  private final FileSystemView files;
  private final String base;

  RebasedFileSystemView(FileSystemView files, String base) {
    this.files = files;
    this.base = base;
  }

  @Override
  public String baseDirectory() {
    return base;
  }

  @Override
  public String homeDirectory() {
    return files.homeDirectory();
  }

  @Override
  public Kind kind(String absolutePath) {
    return files.kind(absolutePath);
  }

  @Override
  public byte[] read(String absolutePath) throws IOException {
    return files.read(absolutePath);
  }

  @Override
  public Contents contents(String absolutePath, int keepUpTo) throws IOException {
    return files.contents(absolutePath, keepUpTo);
  }

  @Override
  public List<String> list(String absoluteDirectory) throws IOException {
    return files.list(absoluteDirectory);
  }
}
