package io.github.packer2aib.core.bind.packer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Slash-separated paths, as Packer handles them on Linux (Go's {@code path} package). */
final class Paths {
  private Paths() {}

  /** A path with {@code /} separators. */
  static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }

  /** {@code p} made absolute against {@code base} (both slash-separated) and cleaned. */
  static String absolute(String base, String p) {
    return clean(p.startsWith("/") ? p : base + "/" + p);
  }

  /** The directory part, as Go's {@code filepath.Dir}: {@code "."} for a bare file name. */
  static String dir(String p) {
    int slash = p.lastIndexOf('/');
    if (slash < 0) {
      return ".";
    }
    return clean(slash == 0 ? "/" : p.substring(0, slash));
  }

  /** Go's {@code path.Clean}. */
  static String clean(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    boolean rooted = p.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String s : p.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
          parts.remove(parts.size() - 1);
        } else if (!rooted) {
          parts.add("..");
        }
        continue;
      }
      parts.add(s);
    }
    String joined = String.join("/", parts);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }
}
