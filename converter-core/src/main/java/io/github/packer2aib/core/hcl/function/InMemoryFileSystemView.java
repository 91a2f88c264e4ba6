package io.github.packer2aib.core.hcl.function;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Text files held in memory ({@link FileSystemView#inMemory}), for a program that converts a
 * template it was given as text (an upload, a request body) with no file system behind it: a
 * template's file functions and provisioner scripts find only these files. A folder exists when a
 * file lies below it. There are no links and no modes, so no file is private ({@link HostFile}).
 */
final class InMemoryFileSystemView implements FileSystemView {
  private final String base;
  private final SortedMap<String, byte[]> files = new TreeMap<>();

  InMemoryFileSystemView(String baseDirectory, Map<String, String> texts) {
    this.base = baseDirectory;
    for (Map.Entry<String, String> e : texts.entrySet()) {
      files.put(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public String baseDirectory() {
    return base;
  }

  @Override
  public String homeDirectory() {
    return "/";
  }

  @Override
  public Kind kind(String absolutePath) {
    if (files.containsKey(absolutePath)) {
      return Kind.FILE;
    }
    String prefix = folderPrefix(absolutePath);
    // The first path at or after the prefix is below the folder, if any is.
    SortedMap<String, byte[]> after = files.tailMap(prefix);
    return !after.isEmpty() && after.firstKey().startsWith(prefix) ? Kind.DIRECTORY : Kind.MISSING;
  }

  @Override
  public byte[] read(String absolutePath) throws IOException {
    byte[] bytes = files.get(absolutePath);
    if (bytes == null) {
      throw new NoSuchFileException(absolutePath);
    }
    return bytes.clone();
  }

  @Override
  public List<String> list(String absoluteDirectory) throws IOException {
    String prefix = folderPrefix(absoluteDirectory);
    List<String> names = new ArrayList<>();
    for (String path : files.tailMap(prefix).keySet()) {
      if (!path.startsWith(prefix)) {
        break;
      }
      String rest = path.substring(prefix.length());
      int slash = rest.indexOf('/');
      String name = slash < 0 ? rest : rest.substring(0, slash);
      if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
        names.add(name);
      }
    }
    if (names.isEmpty() && kind(absoluteDirectory) != Kind.DIRECTORY) {
      throw new NoSuchFileException(absoluteDirectory);
    }
    return names;
  }

  @Override
  public String realPath(String absolutePath) {
    return absolutePath; // no links in memory
  }

  @Override
  public OptionalInt filePermissions(String absolutePath) {
    return OptionalInt.empty(); // no modes in memory
  }

  private static String folderPrefix(String folder) {
    return folder.endsWith("/") ? folder : folder + "/";
  }
}
