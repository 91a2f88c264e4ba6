package io.github.packer2aib.core.hcl.function;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code path.Clean}, which Packer applies to the paths of templates and file functions. */
public final class GoPath {
  private GoPath() {}

  /** The shortest path equal to {@code p}: no {@code .}, no {@code x/..}, no double slashes. */
  public static String clean(String p) {
    if (isClean(p)) {
      // Most paths are clean already: one scan instead of a split and a join.
      return p;
    }
    int n = p.length();
    if (n > 2 && p.charAt(n - 1) == '.' && p.charAt(n - 2) == '/') {
      // A bulk run names each template's folder "." relative to itself: "/t/." is "/t".
      String head = p.substring(0, n - 2);
      if (isClean(head)) {
        return head;
      }
    }
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

  /**
   * Whether {@link #clean} would return {@code p} itself: not empty, no empty, {@code .} or {@code
   * ..} element, no trailing slash (except the root). False when unsure (a leading {@code ..} of a
   * relative path is clean, but left to the full cleaning).
   */
  private static boolean isClean(String p) {
    int n = p.length();
    if (n == 0) {
      return false;
    }
    int start = 0;
    if (p.charAt(0) == '/') {
      if (n == 1) {
        return true;
      }
      start = 1;
    }
    for (int i = start; i <= n; i++) {
      if (i == n || p.charAt(i) == '/') {
        int length = i - start;
        if (length == 0
            || (p.charAt(start) == '.'
                && (length == 1 || (length == 2 && p.charAt(start + 1) == '.')))) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }
}
