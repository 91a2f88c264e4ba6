package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.GoPath;
import java.nio.file.Path;

/** Slash-separated paths, as Packer handles them on Linux (Go's {@code path} package). */
final class Paths {
  private Paths() {}

  /** A path with {@code /} separators. */
  static String slashes(Path p) {
    return FileSystemView.slashes(p.toString());
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
    return GoPath.clean(p);
  }
}
