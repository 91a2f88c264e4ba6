package io.github.packer2aib.core.hcl.function;

import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;

/**
 * A file view that passes every question to another: views that change one answer (another base
 * directory, say) or watch the questions (tests) override what they need.
 */
public abstract class ForwardingFileSystemView implements FileSystemView {
  protected final FileSystemView inner;

  protected ForwardingFileSystemView(FileSystemView inner) {
    this.inner = inner;
  }

  @Override
  public String baseDirectory() {
    return inner.baseDirectory();
  }

  @Override
  public String workingDirectory() {
    return inner.workingDirectory();
  }

  @Override
  public String homeDirectory() {
    return inner.homeDirectory();
  }

  @Override
  public Kind kind(String absolutePath) {
    return inner.kind(absolutePath);
  }

  @Override
  public boolean isExecutable(String absolutePath) {
    return inner.isExecutable(absolutePath);
  }

  @Override
  public String realPath(String absolutePath) throws IOException {
    return inner.realPath(absolutePath);
  }

  @Override
  public OptionalInt filePermissions(String absolutePath) {
    return inner.filePermissions(absolutePath);
  }

  @Override
  public List<String> ownFolders() {
    return inner.ownFolders();
  }

  @Override
  public String whyNotAFile(String absolutePath) {
    return inner.whyNotAFile(absolutePath);
  }

  @Override
  public byte[] read(String absolutePath) throws IOException {
    return inner.read(absolutePath);
  }

  @Override
  public byte[] readUpTo(String absolutePath, int maxBytes) throws IOException {
    return inner.readUpTo(absolutePath, maxBytes);
  }

  @Override
  public Contents contents(String absolutePath, int keepUpTo) throws IOException {
    return inner.contents(absolutePath, keepUpTo);
  }

  @Override
  public List<String> list(String absoluteDirectory) throws IOException {
    return inner.list(absoluteDirectory);
  }
}
