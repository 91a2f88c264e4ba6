package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory file tree for tests; the working directory is {@code /work}. */
final class MemoryFiles implements FileSystemView {
  private final Map<String, byte[]> files = new TreeMap<>();
  private final java.util.Set<String> unreadable = new java.util.TreeSet<>();

  static MemoryFiles empty() {
    return new MemoryFiles();
  }

  /** A text file; relative paths are below the template folder. */
  MemoryFiles text(String path, String content) {
    return bytes(path, content.getBytes(StandardCharsets.UTF_8));
  }

  MemoryFiles bytes(String path, byte[] content) {
    files.put(path.startsWith("/") ? path : PackerFixture.FOLDER + "/" + path, content);
    return this;
  }

  private final java.util.Set<String> executable = new java.util.TreeSet<>();

  /** Folders that hold nothing (a folder that holds a file needs no entry of its own). */
  private final java.util.Set<String> folders = new java.util.TreeSet<>();

  /** An empty folder; relative paths are below the template folder. */
  MemoryFiles folder(String path) {
    folders.add(path.startsWith("/") ? path : PackerFixture.FOLDER + "/" + path);
    return this;
  }

  /** An executable text file (its owner's x bit set), as a script checked in with mode 755. */
  MemoryFiles executable(String path, String content) {
    text(path, content);
    executable.add(path.startsWith("/") ? path : PackerFixture.FOLDER + "/" + path);
    return this;
  }

  @Override
  public boolean isExecutable(String absolutePath) {
    return executable.contains(absolutePath);
  }

  /** A file that exists but cannot be read. */
  MemoryFiles unreadable(String path) {
    String p = path.startsWith("/") ? path : PackerFixture.FOLDER + "/" + path;
    unreadable.add(p);
    files.put(p, new byte[0]);
    return this;
  }

  @Override
  public String baseDirectory() {
    return "/work";
  }

  @Override
  public String homeDirectory() {
    return "/home/user";
  }

  @Override
  public Kind kind(String absolutePath) {
    if (files.containsKey(absolutePath)) {
      return Kind.FILE;
    }
    String prefix = absolutePath.endsWith("/") ? absolutePath : absolutePath + "/";
    for (String p : paths()) {
      if (p.startsWith(prefix) || p.equals(absolutePath) && folders.contains(p)) {
        return Kind.DIRECTORY;
      }
    }
    return absolutePath.equals("/")
            || absolutePath.equals("/work")
            || absolutePath.equals(PackerFixture.FOLDER)
        ? Kind.DIRECTORY
        : Kind.MISSING;
  }

  @Override
  public byte[] read(String absolutePath) throws IOException {
    if (unreadable.contains(absolutePath)) {
      throw new IOException("Permission denied");
    }
    byte[] b = files.get(absolutePath);
    if (b == null) {
      throw new FileNotFoundException(absolutePath);
    }
    return b.clone();
  }

  @Override
  public List<String> list(String absoluteDirectory) {
    String prefix = absoluteDirectory.endsWith("/") ? absoluteDirectory : absoluteDirectory + "/";
    List<String> out = new ArrayList<>();
    for (String p : paths()) {
      if (p.startsWith(prefix)) {
        String rest = p.substring(prefix.length());
        String first = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        if (!out.contains(first)) {
          out.add(first);
        }
      }
    }
    return out;
  }

  /** The paths of the files and of the empty folders. */
  private java.util.Set<String> paths() {
    java.util.Set<String> all = new java.util.TreeSet<>(files.keySet());
    all.addAll(folders);
    return all;
  }

  @Override
  public String realPath(String absolutePath) {
    return absolutePath; // no links in memory
  }

  @Override
  public java.util.OptionalInt filePermissions(String absolutePath) {
    return java.util.OptionalInt.empty(); // no modes in memory
  }
}
