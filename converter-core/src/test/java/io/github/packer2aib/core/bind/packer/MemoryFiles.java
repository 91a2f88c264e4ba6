package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory file tree for tests: absolute slash-separated paths to contents. */
class MemoryFiles implements FileSystemView {
  private final Map<String, byte[]> files = new TreeMap<>();
  private final String base;

  MemoryFiles(String base) {
    this.base = base;
  }

  MemoryFiles put(String path, String text) {
    files.put(path, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  MemoryFiles putBytes(String path, byte[] bytes) {
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
  public Kind kind(String absolutePath) {
    String p = Paths.clean(absolutePath);
    if (files.containsKey(p)) {
      return Kind.FILE;
    }
    String prefix = p.equals("/") ? "/" : p + "/";
    for (String f : files.keySet()) {
      if (f.startsWith(prefix)) {
        return Kind.DIRECTORY;
      }
    }
    return Kind.MISSING;
  }

  @Override
  public byte[] read(String absolutePath) throws IOException {
    byte[] b = files.get(Paths.clean(absolutePath));
    if (b == null) {
      throw new FileNotFoundException(absolutePath);
    }
    return b;
  }

  @Override
  public List<String> list(String absoluteDirectory) throws IOException {
    String p = Paths.clean(absoluteDirectory);
    String prefix = p.equals("/") ? "/" : p + "/";
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
    if (names.isEmpty()) {
      throw new FileNotFoundException(absoluteDirectory);
    }
    // Reverse order, so tests show that the loader sorts.
    java.util.Collections.reverse(names);
    return names;
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
