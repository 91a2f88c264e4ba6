package io.github.packer2aib.core.testing;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory file tree for the function and evaluator tests: absolute '/'-separated paths to
 * contents, below a fixed working directory; a folder exists when a file lies below it.
 */
public class MemoryFileView implements FileSystemView {
  private final Map<String, byte[]> files = new TreeMap<>();
  private final String base;

  public MemoryFileView(String base) {
    this.base = base;
  }

  /** A text file at an absolute path. */
  public final MemoryFileView put(String path, String text) {
    return putBytes(path, text.getBytes(StandardCharsets.UTF_8));
  }

  public final MemoryFileView putBytes(String path, byte[] bytes) {
    files.put(path, bytes);
    return this;
  }

  @Override
  public String baseDirectory() {
    return base;
  }

  @Override
  public String homeDirectory() {
    return "/home/user";
  }

  @Override
  public Kind kind(String p) {
    if (files.containsKey(p)) {
      return Kind.FILE;
    }
    String prefix = p.endsWith("/") ? p : p + "/";
    return files.keySet().stream().anyMatch(f -> f.startsWith(prefix))
        ? Kind.DIRECTORY
        : Kind.MISSING;
  }

  @Override
  public byte[] read(String p) throws IOException {
    byte[] b = files.get(p);
    if (b == null) {
      throw new IOException("no file " + p);
    }
    return b.clone();
  }

  @Override
  public List<String> list(String dir) {
    String prefix = dir + "/";
    List<String> names = new ArrayList<>();
    for (String f : files.keySet()) {
      if (f.startsWith(prefix)) {
        String rest = f.substring(prefix.length());
        String name = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  @Override
  public String realPath(String absolutePath) throws IOException {
    return absolutePath; // no links in memory
  }

  @Override
  public java.util.OptionalInt filePermissions(String absolutePath) {
    return java.util.OptionalInt.empty(); // no modes in memory
  }
}
