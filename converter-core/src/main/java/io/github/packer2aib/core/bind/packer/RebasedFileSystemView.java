package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.ForwardingFileSystemView;

/**
 * The caller's files with another base directory. Packer resolves the relative paths given to file
 * functions against the template's folder in sources, builds and locals, and against the working
 * directory in variable validations; each gets its own view.
 */
final class RebasedFileSystemView extends ForwardingFileSystemView {
  private final String base;
  private final String workingDirectory;

  /**
   * @param workingDirectory Packer's working directory, which {@code abspath} keeps using whatever
   *     the base
   */
  RebasedFileSystemView(FileSystemView files, String base, String workingDirectory) {
    super(files);
    this.base = base;
    this.workingDirectory = workingDirectory;
  }

  @Override
  public String baseDirectory() {
    return base;
  }

  @Override
  public String workingDirectory() {
    return workingDirectory;
  }
}
