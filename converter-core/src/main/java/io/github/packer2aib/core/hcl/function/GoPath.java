package io.github.packer2aib.core.hcl.function;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code path.Clean}, which Packer applies to the paths of templates and file functions. */
public final class GoPath {
  private GoPath() {}

  /** The shortest path equal to {@code p}: no {@code .}, no {@code x/..}, no double slashes. */
  public static String clean(String p) {
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
