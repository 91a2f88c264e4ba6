package io.github.packer2aib.cli;

/**
 * What to say of an {@code --include} or {@code --exclude} pattern that matched nothing (CLI-W005,
 * CLI-W006): the slips users bring from .gitignore and shells (a leading {@code /} or {@code ./}, a
 * trailing {@code /}, a folder's name for its files), each with the pattern that works, and hidden
 * names, which are never searched; else how a pattern is matched.
 */
final class GlobHints {
  private GlobHints() {}

  /**
   * The sentence (with a leading space) for {@code glob}, which matched nothing.
   *
   * @param include whether it is an --include pattern
   * @param folder whether it names a folder under a root (an --include selects its files, not it)
   */
  static String hint(String glob, boolean include, boolean folder) {
    if (namesHidden(glob)) {
      return " Hidden files and folders (a name starting with '.') are never searched.";
    }
    boolean slash = glob.startsWith("/");
    boolean dot = glob.replaceFirst("^/+", "").startsWith("./");
    boolean trailing = glob.length() > 1 && glob.endsWith("/");
    String fixed = withoutSlips(glob);
    if (!fixed.isEmpty() && (slash || dot || trailing)) {
      String start = slash ? "'/'" : "'./'";
      String never =
          (slash || dot ? "never starts with " + start : "")
              + (trailing ? (slash || dot ? " nor ends with '/'" : "never ends with '/'") : "");
      return " A pattern is matched against the path relative to each root, which "
          + never
          + ": write '"
          + (trailing ? fixed + "/**" : fixed)
          + "' for "
          + (trailing ? "everything below the folder " + fixed : "that path")
          + " under each root.";
    }
    if (include && folder) {
      return " '"
          + fixed
          + "' is a folder, and --include selects files and template folders (those holding"
          + " *.pkr.hcl or *.pkr.json files), not a folder's files: write '"
          + fixed
          + "/**' for everything below it.";
    }
    return " A pattern is matched against the path relative to the root, with / separators: *"
        + " stays within a folder, ** crosses folders ('aib/*' takes the files directly in aib/).";
  }

  /** {@code glob} without a leading {@code /} or {@code ./} and a trailing {@code /}. */
  static String withoutSlips(String glob) {
    String s = glob.replaceFirst("^/+", "");
    while (s.startsWith("./")) {
      s = s.substring(2).replaceFirst("^/+", "");
    }
    return s.replaceFirst("/+$", "");
  }

  /**
   * Whether {@code glob} can match only hidden paths (a folder of it, literal or a wildcard, starts
   * with '.': {@code .git/**}, {@code **}{@code /.terraform/**}), which the search never looks at.
   */
  static boolean namesHidden(String glob) {
    for (String segment : withoutSlips(glob).split("/")) {
      if (segment.startsWith(".") && !segment.equals(".") && !segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
