package io.github.packer2aib.core.packer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The globs of Packer's {@code -only}/{@code -except}, as {@code --only}/{@code --except} take
 * them: shared by the loader, which leaves the bodies of the usages they leave out unread, as
 * Packer does ({@link UsageSelection}), and by the mapper, which converts the ones they keep.
 */
public final class UsageGlob {
  private UsageGlob() {}

  /**
   * Packer's {@code -only}/{@code -except} globs: {@code *} matches any run of characters; a
   * pattern is matched against the build's name for the usage ({@code <build>.<type>.<name>}, or
   * {@code <type>.<name>} in an unnamed build) and, for convenience, against the usage's own forms.
   */
  public static boolean matches(String pattern, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      if (match(pattern, names.get(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code text} matches the glob {@code pattern} as Packer's -only/-except compile it
   * (gobwas/glob, without separators): {@code *} any run, {@code ?} any one character, {@code
   * [abc]} one of a set, {@code [a-z]} one of a range, {@code [!…]} one outside it, and {@code \}
   * before a character that character itself (Packer 1.6.6 selected bb.null.a with [b]b.null.a,
   * bb.null.[!r] and bb.null.\a). A pattern Packer cannot compile (an unclosed {@code [}, a
   * trailing {@code \}) matches nothing. By a walk that goes back only to the last star: a regular
   * expression made of the pattern for every name (made anew per usage) took time in the square of
   * a long pattern's length to build, and one of 8,000 stars overflowed the stack when compiled (an
   * internal error).
   */
  public static boolean match(String pattern, String text) {
    List<GlobToken> tokens = GlobToken.compile(pattern, null);
    if (tokens == null) {
      return false;
    }
    int p = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < text.length()) {
      GlobToken g = p < tokens.size() ? tokens.get(p) : null; // null: the pattern is used up
      if (g != null && g.any()) {
        star = p++;
        resume = t;
      } else if (g != null && g.matches(text.charAt(t))) {
        p++;
        t++;
      } else if (star >= 0) {
        p = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (p < tokens.size() && tokens.get(p).any()) {
      p++;
    }
    return p == tokens.size();
  }

  /**
   * Why Packer cannot compile {@code pattern} as an -only/-except glob (a sentence that names the
   * character at fault), or empty when it can. Such a pattern matches nothing, which a message
   * saying only "matches no usage" left unexplained: {@code azure-arm.[u} beside a usage named
   * {@code azure-arm.u}.
   */
  public static Optional<String> problem(String pattern) {
    StringBuilder why = new StringBuilder();
    return GlobToken.compile(pattern, why) == null ? Optional.of(why.toString()) : Optional.empty();
  }

  /**
   * One step of a glob with classes or escapes: {@code *}, or one character that must be in {@code
   * set} (or between {@code lo} and {@code hi}), or outside it when {@code negated}; {@code set}
   * null and {@code lo} 0 for {@code ?}.
   */
  private record GlobToken(boolean any, String set, char lo, char hi, boolean negated) {
    private static final GlobToken ANY = new GlobToken(true, null, (char) 0, (char) 0, false);
    private static final GlobToken ONE = new GlobToken(false, null, (char) 0, (char) 0, false);

    boolean matches(char c) {
      if (set == null && lo == 0 && hi == 0) {
        return true; // ?
      }
      boolean in = set != null ? set.indexOf(c) >= 0 : c >= lo && c <= hi;
      return in != negated;
    }

    /**
     * The steps of {@code p}, as gobwas/glob reads them; null when it cannot compile it, and then
     * the reason in {@code why} when it is given.
     */
    static List<GlobToken> compile(String p, StringBuilder why) {
      List<GlobToken> out = new ArrayList<>();
      int i = 0;
      while (i < p.length()) {
        char c = p.charAt(i);
        if (c == '*') {
          out.add(ANY); // ** too: without separators it is the same
          i++;
        } else if (c == '?') {
          out.add(ONE);
          i++;
        } else if (c == '\\') {
          if (i + 1 >= p.length()) {
            if (why != null) {
              why.append(
                  "it ends with a \\ that escapes nothing (write \\\\ for a backslash meant as"
                      + " such)");
            }
            return null;
          }
          out.add(literal(p.charAt(i + 1)));
          i += 2;
        } else if (c == '[') {
          int open = i;
          i = klass(p, i + 1, out);
          if (i < 0) {
            if (why != null) {
              why.append(classProblem(p, open));
            }
            return null;
          }
        } else {
          out.add(literal(c));
          i++;
        }
      }
      return out;
    }

    /** Why the class opened at {@code open} cannot be read ({@link #klass} returned -1). */
    private static String classProblem(String p, int open) {
      int i = open + 1;
      if (i < p.length() && p.charAt(i) == '!') {
        i++;
      }
      String at = "the [ at character " + (open + 1);
      if (i + 1 < p.length() && p.charAt(i + 1) == '-') {
        return at
            + " starts a range that is not written as [a-z] (one character, -, one"
            + " character, ])";
      }
      if (i < p.length() && p.charAt(i) == ']') {
        return at + " opens an empty class, [] (write \\[ for a bracket meant as such)";
      }
      return at
          + " opens a class that is never closed with ] (close it, as in [ab], or write \\[ for"
          + " a bracket meant as such)";
    }

    private static GlobToken literal(char c) {
      return new GlobToken(false, String.valueOf(c), (char) 0, (char) 0, false);
    }

    /**
     * Reads a class from just after its {@code [}: {@code !} first negates it; {@code x-y} is a
     * range (its ends taken as written); else a set, in which {@code \} escapes, up to the {@code
     * ]}. Returns the index after the {@code ]}, or -1 when the class is malformed or empty.
     */
    private static int klass(String p, int i, List<GlobToken> out) {
      boolean negated = i < p.length() && p.charAt(i) == '!';
      if (negated) {
        i++;
      }
      if (i + 1 < p.length() && p.charAt(i + 1) == '-') {
        if (i + 3 >= p.length() || p.charAt(i + 3) != ']') {
          return -1;
        }
        out.add(new GlobToken(false, null, p.charAt(i), p.charAt(i + 2), negated));
        return i + 4;
      }
      StringBuilder set = new StringBuilder();
      while (i < p.length() && p.charAt(i) != ']') {
        if (p.charAt(i) == '\\') {
          i++;
          if (i >= p.length()) {
            return -1;
          }
        }
        set.append(p.charAt(i++));
      }
      if (i >= p.length() || set.isEmpty()) {
        return -1;
      }
      out.add(new GlobToken(false, set.toString(), (char) 0, (char) 0, negated));
      return i + 1;
    }
  }
}
