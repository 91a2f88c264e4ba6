package io.github.packer2aib.core.hcl.function;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Packer 1.6.6's {@code fileset}: go-cty-funcs joins the folder and the pattern with Go's {@code
 * filepath.Join} (which cleans them: {@code ./*.txt}, {@code sub//*}, {@code ../scripts/*.sh} and a
 * trailing {@code /} all work), globs the result with its vendored github.com/bmatcuk/doublestar
 * (v1), keeps regular files and makes each relative to the folder with {@code filepath.Rel} (so a
 * match outside it reads {@code ../scripts/a.sh}). That doublestar's rules: {@code **} is special
 * only as a whole path segment (elsewhere it is {@code *}); {@code *} and {@code ?} never cross a
 * {@code /}; {@code [^...]} negates a class ({@code !} is a literal there); {@code \} escapes the
 * next character, an escaped {@code /} included (which then separates nothing, so such a segment
 * matches no name); {@code {a,b}} alternatives may hold {@code /} and are substituted in turn.
 */
final class Glob {
  private Glob() {}

  /** Most patterns the alternatives of one pattern may expand to. */
  private static final int MAX_ALTERNATIVES = 1024;

  /** Most directory entries one call looks at, and most matches it returns. */
  private static final int MAX_VISITED = 1_000_000;

  private static final int MAX_MATCHES = 100_000;

  /** How deep a glob may go (a {@code **} through a symbolic link loop would go on forever). */
  private static final int MAX_DEPTH = 64;

  /**
   * The files under the absolute, clean folder {@code root} that {@code pattern} matches, relative
   * to it.
   */
  static List<String> fileset(FileSystemView fs, String root, String pattern)
      throws FunctionException {
    List<String> patterns = new ArrayList<>();
    expandAlternatives(pattern, patterns, pattern);
    Walk walk = new Walk(fs);
    for (String p : patterns) {
      // filepath.Join(root, pattern): a pattern starting with / is appended, not absolute.
      String joined = GoPath.clean(root + "/" + p);
      List<String> parts = splitOnSeparator(joined);
      List<Pattern> compiled = new ArrayList<>();
      for (String part : parts) {
        compiled.add(isLiteral(part) ? null : component(part, pattern));
      }
      walk.glob("/", parts.subList(1, parts.size()), compiled.subList(1, compiled.size()), 0);
    }
    List<String> out = new ArrayList<>();
    for (String match : walk.matches) {
      if (fs.kind(match) == FileSystemView.Kind.FILE) {
        out.add(relative(root, match));
      }
    }
    return out;
  }

  private static FunctionException badPattern(String pattern) {
    return FunctionException.arg(
        1, "failed to glob pattern (" + pattern + "): syntax error in pattern");
  }

  /**
   * doublestar's {@code {a,b}}: the first {@code {}, the first unescaped {@code }} after it, the
   * options between them split at unescaped commas; each option in its place, then the rest
   * expanded in turn (doublestar substitutes them the same way while matching).
   */
  private static void expandAlternatives(String p, List<String> out, String original)
      throws FunctionException {
    int open = indexWithEscaping(p, 0, '{');
    if (open < 0) {
      if (out.size() >= MAX_ALTERNATIVES) {
        throw FunctionException.call(
            "failed to glob pattern: more than " + MAX_ALTERNATIVES + " alternatives");
      }
      out.add(p);
      return;
    }
    int close = indexWithEscaping(p, open + 1, '}');
    if (close < 0) {
      throw badPattern(original);
    }
    String prefix = p.substring(0, open);
    String rest = p.substring(close + 1);
    String options = p.substring(open + 1, close);
    int start = 0;
    while (true) {
      int comma = indexWithEscaping(options, start, ',');
      String option = comma < 0 ? options.substring(start) : options.substring(start, comma);
      expandAlternatives(prefix + option + rest, out, original);
      if (comma < 0) {
        return;
      }
      start = comma + 1;
    }
  }

  /** The index of {@code c} at or after {@code from} not preceded by a backslash, or -1. */
  private static int indexWithEscaping(String s, int from, char c) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == c && (i == 0 || s.charAt(i - 1) != '\\')) {
        return i;
      }
    }
    return -1;
  }

  /** The pattern's segments, split at each {@code /} not escaped by a backslash. */
  private static List<String> splitOnSeparator(String p) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    while (true) {
      int slash = indexWithEscaping(p, start, '/');
      if (slash < 0) {
        parts.add(p.substring(start));
        return parts;
      }
      parts.add(p.substring(start, slash));
      start = slash + 1;
    }
  }

  private static boolean isLiteral(String part) {
    for (int i = 0; i < part.length(); i++) {
      if ("*?[{\\".indexOf(part.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** doublestar's matchComponent for one segment, as a regular expression over one name. */
  static Pattern component(String part, String original) throws FunctionException {
    StringBuilder re = new StringBuilder("(?s)");
    int[] cps = part.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == '\\') {
        if (++i >= cps.length) {
          throw badPattern(original);
        }
        re.append(literal(cps[i]));
      } else if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '[') {
        // The class ends at the first ] not preceded by a backslash; it must not be empty.
        int end = -1;
        for (int j = i + 1; j < cps.length; j++) {
          if (cps[j] == ']' && cps[j - 1] != '\\') {
            end = j;
            break;
          }
        }
        if (end < 0 || end == i + 1) {
          throw badPattern(original);
        }
        re.append(charClass(cps, i + 1, end, original));
        i = end;
      } else {
        re.append(literal(c));
      }
    }
    return Pattern.compile(re.toString());
  }

  private static String charClass(int[] cps, int from, int to, String original)
      throws FunctionException {
    boolean negate = cps[from] == '^';
    int k = negate ? from + 1 : from;
    StringBuilder ranges = new StringBuilder();
    while (k < to) {
      int low = cps[k++];
      if (low == '-') {
        throw badPattern(original);
      }
      if (low == '\\') {
        if (k >= to) {
          throw badPattern(original);
        }
        low = cps[k++];
      }
      int high = low;
      if (k < to && cps[k] == '-') {
        if (++k >= to) {
          throw badPattern(original);
        }
        high = cps[k++];
        if (high == '-') {
          throw badPattern(original);
        }
        if (high == '\\') {
          if (k >= to) {
            throw badPattern(original);
          }
          high = cps[k++];
        }
      }
      if (low <= high) { // Go compares low <= c <= high: a reversed range matches nothing
        ranges.append(literal(low)).append('-').append(literal(high));
      }
    }
    if (ranges.length() == 0) {
      return negate ? "." : "(?!)";
    }
    return (negate ? "[^" : "[") + ranges + "]";
  }

  private static String literal(int codePoint) {
    return "\\x{" + Integer.toHexString(codePoint) + "}";
  }

  /** Go's {@code filepath.Rel} for two absolute, clean paths. */
  static String relative(String base, String target) {
    List<String> b = names(base);
    List<String> t = names(target);
    int common = 0;
    while (common < b.size() && common < t.size() && b.get(common).equals(t.get(common))) {
      common++;
    }
    List<String> out = new ArrayList<>();
    for (int i = common; i < b.size(); i++) {
      out.add("..");
    }
    out.addAll(t.subList(common, t.size()));
    return out.isEmpty() ? "." : String.join("/", out);
  }

  private static List<String> names(String absolute) {
    List<String> out = new ArrayList<>();
    for (String s : absolute.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** doublestar's doGlob over the caller's file view. */
  private static final class Walk {
    final FileSystemView fs;
    final List<String> matches = new ArrayList<>();
    int visited;

    Walk(FileSystemView fs) {
      this.fs = fs;
    }

    private static String join(String dir, String name) {
      if (name.isEmpty()) {
        return dir;
      }
      return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    private void add(String path) throws FunctionException {
      if (matches.size() >= MAX_MATCHES) {
        throw tooMany();
      }
      matches.add(path);
    }

    private static FunctionException tooMany() {
      return FunctionException.call("failed to glob pattern: too many files or directories");
    }

    void glob(String dir, List<String> parts, List<Pattern> compiled, int depth)
        throws FunctionException {
      if (depth > MAX_DEPTH) {
        throw tooMany();
      }
      // Leading segments without wildcards name a path directly.
      int i = 0;
      while (i < parts.size() && compiled.get(i) == null) {
        dir = join(dir, parts.get(i));
        i++;
      }
      FileSystemView.Kind kind = fs.kind(dir);
      if (kind == FileSystemView.Kind.MISSING) {
        return;
      }
      if (i >= parts.size()) {
        add(dir);
        return;
      }
      if (kind != FileSystemView.Kind.DIRECTORY) {
        return;
      }
      List<String> names;
      try {
        names = fs.list(dir);
      } catch (IOException e) {
        return; // doublestar ignores a folder it cannot read
      }
      visited += names.size();
      if (visited > MAX_VISITED) {
        throw tooMany();
      }
      boolean last = i + 1 >= parts.size();
      if (parts.get(i).equals("**")) {
        // Zero or more folders: every folder again with the same **, then the rest here.
        for (String name : names) {
          String path = join(dir, name);
          if (fs.kind(path) == FileSystemView.Kind.DIRECTORY) {
            if (last) {
              add(path);
            }
            glob(
                path, parts.subList(i, parts.size()), compiled.subList(i, parts.size()), depth + 1);
          } else if (last) {
            add(path);
          }
        }
        if (last) {
          return;
        }
        i++;
        last = i + 1 >= parts.size();
      }
      Pattern p = compiled.get(i);
      for (String name : names) {
        boolean match = p == null ? name.equals(parts.get(i)) : p.matcher(name).matches();
        if (match) {
          String path = join(dir, name);
          if (last) {
            add(path);
          } else {
            glob(
                path,
                parts.subList(i + 1, parts.size()),
                compiled.subList(i + 1, parts.size()),
                depth + 1);
          }
        }
      }
    }
  }
}
