package io.github.packer2aib.core.hcl.function;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Translates a pattern in Go's regular expression syntax (RE2, as Go 1.15 parses it for Packer
 * 1.6.6) into {@link java.util.regex.Pattern}'s, so that it matches what Go matches, or refuses it
 * with Go's message where Go refuses it.
 *
 * <ul>
 *   <li>{@code (?P<name>...)} becomes a plain group (Java's names allow fewer characters; groups
 *       are looked up by number), POSIX classes such as {@code [[:alpha:]]} become {@code
 *       \p{Alpha}}, {@code \v} is the vertical tab, {@code $} outside multi-line mode is the end of
 *       the text ({@code \z}).
 *   <li>Where Java reads the same text otherwise: {@code \b} and {@code \B} are ASCII word
 *       boundaries, {@code \s} is {@code [\t\n\f\r ]} (no vertical tab), {@code (?i)} folds case
 *       beyond ASCII, {@code \p{Greek}} names a script, {@code \141} is an octal escape, and a
 *       {@code {} that starts no repetition is a literal.
 *   <li>Refused as Go refuses them: look-around, back-references, atomic groups and possessive or
 *       other nested repetitions ({@code a**}, {@code b{1}{2}}), repeat counts above 1000, escapes
 *       RE2 does not have ({@code \e}, {@code \cA}, {@code \u0041}), unknown Unicode classes, a
 *       repetition with nothing to repeat, unbalanced parentheses and brackets, and reversed class
 *       ranges.
 *   <li>Go's flags scoped as Go scopes them (to the end of the enclosing group), ungreedy mode
 *       {@code (?U)} included, which Java lacks: its repetitions are written with the other
 *       greediness.
 * </ul>
 */
final class GoRegexSyntax {
  private GoRegexSyntax() {}

  /** A pattern Go would not compile; {@link #getMessage} is Go's "error parsing regexp: ...". */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String what, String text) {
      super(
          "error parsing regexp: " + what + (text == null ? "" : ": `" + text + "`"),
          null,
          false,
          false);
    }
  }

  /** The flags that change how the translation reads what follows. */
  private record Flags(boolean multiline, boolean ungreedy) {}

  /** RE2's largest repeat count ({@code x{1000}}). */
  static final int MAX_REPEAT = 1000;

  /**
   * The ASCII word characters of RE2's {@code \b} (Java's {@code \b} also counts other letters).
   */
  private static final String WORD = "[0-9A-Za-z_]";

  private static final String BOUNDARY =
      "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
  private static final String NON_BOUNDARY =
      "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";

  /** RE2's {@code \s}: Java's also holds the vertical tab. */
  private static final String SPACES = "\\t\\n\\f\\r ";

  /** Unicode general categories as Go's unicode package names them. */
  private static final Set<String> CATEGORIES =
      Set.of(
          "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn",
          "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk",
          "Sm", "So", "Z", "Zl", "Zp", "Zs");

  /**
   * The Java form of {@code p}; the names of its capture groups (empty for an unnamed one) are
   * added to {@code names} in order.
   */
  static String translate(String p, List<String> names) throws Invalid {
    return new Run(p, names).translate();
  }

  /** One translation: where it is in the pattern and what it has seen. */
  private static final class Run {
    private final String p;
    private final int n;
    private final List<String> names;
    private final StringBuilder out = new StringBuilder();
    private int i;

    /**
     * The flags Go applies where the pattern is: a group starts with its parent's, and a flag
     * setting ({@code (?m)}) changes them up to the end of the group it is in.
     */
    private Flags flags = new Flags(false, false);

    /** The flags of each open group's parent, innermost last. */
    private final java.util.ArrayDeque<Flags> outer = new java.util.ArrayDeque<>();

    /** Whether the last thing written can take a repetition operator (a pattern's start cannot). */
    private boolean repeatable;

    /** Where the last repetition operator started, or -1 when the last thing was no repetition. */
    private int lastRepeat = -1;

    Run(String p, List<String> names) {
      this.p = p;
      this.n = p.length();
      this.names = names;
    }

    String translate() throws Invalid {
      while (i < n) {
        char c = p.charAt(i);
        switch (c) {
          case '\\' -> escape();
          case '[' -> charClass();
          case '(' -> open();
          case ')' -> close();
          case '|' -> {
            out.append(c);
            i++;
            item(false);
          }
          case '*', '+', '?' -> repetition(i + 1);
          case '{' -> brace();
          case '$' -> {
            out.append(flags.multiline() ? "$" : "\\z");
            i++;
            item(true);
          }
          case '^' -> {
            // Java's multi-line ^ never matches at the end of the text (after a final \n, or in
            // an empty text); Go's does: at the start, or after any \n.
            out.append(flags.multiline() ? "(?:(?<![^\\n]))" : "^");
            i++;
            item(true);
          }
          default -> {
            out.append(c);
            i++;
            item(true);
          }
        }
      }
      if (!outer.isEmpty()) {
        throw new Invalid("missing closing )", p);
      }
      return out.toString();
    }

    /** Something other than a repetition was written; {@code canRepeat}: it may take one. */
    private void item(boolean canRepeat) {
      repeatable = canRepeat;
      lastRepeat = -1;
    }

    /** A repetition operator from {@code i} to {@code end} (exclusive), and its lazy '?'. */
    private void repetition(int end) throws Invalid {
      if (lastRepeat >= 0) {
        throw new Invalid("invalid nested repetition operator", p.substring(lastRepeat, end));
      }
      if (!repeatable) {
        throw new Invalid("missing argument to repetition operator", p.substring(i, end));
      }
      int start = i;
      out.append(p, i, end);
      i = end;
      boolean lazy = i < n && p.charAt(i) == '?';
      if (lazy) {
        i++;
      }
      // In ungreedy mode (?U), x* is lazy and x*? greedy.
      if (lazy != flags.ungreedy()) {
        out.append('?');
      }
      repeatable = false;
      lastRepeat = start;
    }

    /** A '{': a counted repetition when it reads as one, else a literal, as in Go. */
    private void brace() throws Invalid {
      int j = i + 1;
      int minStart = j;
      while (j < n && isDigit(p.charAt(j))) {
        j++;
      }
      if (j == minStart || j >= n) {
        literalBrace();
        return;
      }
      String min = p.substring(minStart, j);
      String max = min;
      if (p.charAt(j) == ',') {
        j++;
        int maxStart = j;
        while (j < n && isDigit(p.charAt(j))) {
          j++;
        }
        max = j == maxStart ? null : p.substring(maxStart, j);
      }
      if (j >= n || p.charAt(j) != '}') {
        literalBrace();
        return;
      }
      int end = j + 1;
      if (count(min) > MAX_REPEAT
          || (max != null && (count(max) > MAX_REPEAT || count(max) < count(min)))) {
        throw new Invalid("invalid repeat count", p.substring(i, end));
      }
      repetition(end);
    }

    private void literalBrace() {
      out.append("\\{");
      i++;
      item(true);
    }

    /** A decimal count, capped so that an absurdly long one still compares as too large. */
    private static int count(String digits) {
      return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private void open() throws Invalid {
      if (p.startsWith("(?", i)) {
        group();
        return;
      }
      names.add("");
      out.append('(');
      i++;
      outer.push(flags);
      item(false);
    }

    private void close() throws Invalid {
      if (outer.isEmpty()) {
        throw new Invalid("unexpected )", p);
      }
      flags = outer.pop();
      out.append(')');
      i++;
      item(true);
    }

    /** A group or flag setting starting with "(?". */
    private void group() throws Invalid {
      if (p.startsWith("(?P<", i)) {
        int close = p.indexOf('>', i);
        String name = close < 0 ? "" : p.substring(i + 4, close);
        if (name.isEmpty()
            || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
          throw new Invalid("invalid named capture", p.substring(i, close < 0 ? n : close + 1));
        }
        // Go 1.15 allows a name twice ($name then takes the first such group that matched).
        names.add(name);
        // Java's group names allow fewer characters than Go's; groups are found by number.
        out.append('(');
        i = close + 1;
        outer.push(flags);
        item(false);
        return;
      }
      int j = i + 2;
      StringBuilder java = new StringBuilder();
      boolean on = true;
      boolean multiline = flags.multiline();
      boolean ungreedy = flags.ungreedy();
      while (j < n && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) {
        char f = p.charAt(j);
        if ("imsU-".indexOf(f) < 0) {
          throw new Invalid("invalid or unsupported Perl syntax", p.substring(i, j + 1));
        }
        if (f == '-') {
          on = false;
          java.append('-');
        } else if (f == 'U') {
          // Ungreedy: Java has no such flag (its U is another), so repetitions are swapped here.
          ungreedy = on;
        } else {
          multiline = f == 'm' ? on : multiline;
          // Go folds case beyond ASCII; Java only with UNICODE_CASE (u) beside i.
          java.append(f == 'i' ? "iu" : String.valueOf(f));
        }
        j++;
      }
      if (j < n && (p.charAt(j) == ')' || p.charAt(j) == ':')) {
        Flags changed = new Flags(multiline, ungreedy);
        boolean scoped = p.charAt(j) == ':';
        String javaFlags = java.toString();
        if (javaFlags.endsWith("-")) {
          javaFlags = javaFlags.substring(0, javaFlags.length() - 1); // nothing turned off but U
        }
        if (scoped) {
          out.append("(?").append(javaFlags).append(':');
          outer.push(flags);
        } else if (!javaFlags.isEmpty()) {
          out.append("(?").append(javaFlags).append(')');
        }
        flags = changed;
        i = j + 1;
        item(false);
        return;
      }
      throw new Invalid("invalid or unsupported Perl syntax", p.substring(i, Math.min(n, j + 1)));
    }

    /** An escape outside a class. */
    private void escape() throws Invalid {
      if (i + 1 >= n) {
        throw new Invalid("trailing backslash at end of expression", "");
      }
      char d = p.charAt(i + 1);
      switch (d) {
        case 'b' -> emit(BOUNDARY, 2, false);
        case 'B' -> emit(NON_BOUNDARY, 2, false);
        case 'A', 'z' -> emit("\\" + d, 2, false);
        case 's' -> emit("[" + SPACES + "]", 2, true);
        case 'S' -> emit("[^" + SPACES + "]", 2, true);
        case 'p', 'P' -> emit(unicodeClass(), 0, true);
        case 'Q' -> {
          int end = p.indexOf("\\E", i + 2);
          String literal = end < 0 ? p.substring(i + 2) : p.substring(i + 2, end);
          out.append(Pattern.quote(literal));
          i = end < 0 ? n : end + 2;
          item(!literal.isEmpty());
        }
        default -> emit(characterEscape(), 0, true);
      }
    }

    /** Writes {@code java} for the escape at {@code i}, {@code length} long (0: already moved). */
    private void emit(String java, int length, boolean canRepeat) {
      out.append(java);
      i += length;
      item(canRepeat);
    }

    /**
     * An escape that stands for one character or a Perl class ({@code \d}, {@code \w}: ASCII in
     * Java as in Go), in or outside a class; moves past it.
     */
    private String characterEscape() throws Invalid {
      char d = p.charAt(i + 1);
      if (d >= '0' && d <= '7') {
        return octal();
      }
      if (d == '8' || d == '9') {
        throw new Invalid("invalid escape sequence", "\\" + d);
      }
      if (Character.isLetterOrDigit(d) && "afnrtvxdDwW".indexOf(d) < 0) {
        throw new Invalid("invalid escape sequence", "\\" + d);
      }
      i += 2;
      if (d == 'v') {
        return "\\x0B";
      }
      if (d == 'x') {
        // \xhh or \x{h...}: Java reads both as Go does; Java checks the digits.
        int end = i;
        if (end < n && p.charAt(end) == '{') {
          int close = p.indexOf('}', end);
          end = close < 0 ? n : close + 1;
        } else {
          end = Math.min(n, end + 2);
        }
        String digits = p.substring(i, end);
        i = end;
        return "\\x" + digits;
      }
      return "\\" + d;
    }

    /**
     * Go's octal escapes: {@code \0} and up to two more octal digits, or a digit 1-7 followed by
     * one or two more (a lone {@code \1} would be a back-reference, which Go refuses).
     */
    private String octal() throws Invalid {
      int start = i + 1;
      if (p.charAt(start) != '0' && (start + 1 >= n || !isOctal(p.charAt(start + 1)))) {
        throw new Invalid("invalid escape sequence", "\\" + p.charAt(start));
      }
      int end = start + 1;
      while (end < n && end < start + 3 && isOctal(p.charAt(end))) {
        end++;
      }
      int code = Integer.parseInt(p.substring(start, end), 8);
      i = end;
      return String.format(Locale.ROOT, "\\x{%X}", code);
    }

    /** {@code \pL}, {@code \p{Greek}}, {@code \P{Lu}}, {@code \p{^Greek}}; moves past it. */
    private String unicodeClass() throws Invalid {
      int start = i;
      boolean negated = p.charAt(i + 1) == 'P';
      String name;
      int end;
      if (i + 2 < n && p.charAt(i + 2) == '{') {
        int close = p.indexOf('}', i + 3);
        if (close < 0) {
          throw new Invalid("invalid character class range", p.substring(start));
        }
        name = p.substring(i + 3, close);
        end = close + 1;
      } else if (i + 2 < n) {
        name = String.valueOf(p.charAt(i + 2));
        end = i + 3;
      } else {
        throw new Invalid("invalid character class range", p.substring(start));
      }
      if (name.startsWith("^")) {
        negated = !negated;
        name = name.substring(1);
      }
      String java = javaClass(name, negated);
      if (java == null) {
        throw new Invalid("invalid character class range", p.substring(start, end));
      }
      i = end;
      return java;
    }

    /**
     * The Java form of a Go Unicode class: a general category, a script ({@code Greek}) or {@code
     * Any}; null for a name Go does not know (such as Java's {@code Alpha} or {@code IsLatin}).
     */
    private static String javaClass(String name, boolean negated) {
      String p = negated ? "\\P{" : "\\p{";
      if (CATEGORIES.contains(name)) {
        return p + name + "}";
      }
      if (name.equals("Any")) {
        return negated ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]";
      }
      if (name.isEmpty() || !Character.isUpperCase(name.charAt(0)) || name.startsWith("Is")) {
        return null;
      }
      try {
        return p + "Is" + Character.UnicodeScript.forName(name).name() + "}";
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    /** A bracketed class, {@code [...]}. */
    private void charClass() throws Invalid {
      int start = i;
      out.append('[');
      i++;
      if (i < n && p.charAt(i) == '^') {
        out.append('^');
        i++;
      }
      boolean first = true;
      while (true) {
        if (i >= n) {
          throw new Invalid("missing closing ]", p.substring(start));
        }
        char c = p.charAt(i);
        if (c == ']' && !first) {
          out.append(']');
          i++;
          item(true);
          return;
        }
        first = false;
        if (c == '[' && p.startsWith("[:", i)) {
          int end = p.indexOf(":]", i + 2);
          if (end > 0) {
            String name = p.substring(i + 2, end);
            boolean negated = name.startsWith("^");
            String cls = posixClass(negated ? name.substring(1) : name, negated);
            if (cls != null) {
              out.append(cls);
              i = end + 2;
              continue;
            }
          }
        }
        int from = i;
        int low = classChar();
        if (low >= 0 && i + 1 < n && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
          out.append('-');
          i++;
          int high = classChar();
          if (high >= 0 && high < low) {
            throw new Invalid("invalid character class range", p.substring(from, i));
          }
        }
      }
    }

    /**
     * One item of a class, written out; returns the character it stands for, or -1 for a class
     * ({@code \d}, {@code \p{L}}) or an escape whose character is not worked out here.
     */
    private int classChar() throws Invalid {
      // A code point, not a char: a range between two characters outside the BMP ([😀-😂]) is
      // one of runes in Go, not of their surrogates.
      int c = p.codePointAt(i);
      if (c != '\\') {
        // Java gives '[', ']' (first) and "&&" meanings inside a class that Go does not.
        if (c == '[' || c == ']' || (c == '&' && i + 1 < n && p.charAt(i + 1) == '&')) {
          out.append('\\');
        }
        out.appendCodePoint(c);
        i += Character.charCount(c);
        return c;
      }
      if (i + 1 >= n) {
        throw new Invalid("missing closing ]", p.substring(p.lastIndexOf('[', i)));
      }
      char d = p.charAt(i + 1);
      switch (d) {
        case 's' -> {
          out.append(SPACES);
          i += 2;
          return -1;
        }
        case 'S' -> {
          out.append("[^").append(SPACES).append(']');
          i += 2;
          return -1;
        }
        case 'p', 'P' -> {
          out.append(unicodeClass());
          return -1;
        }
        case 'b', 'B', 'A', 'z', 'Q' -> throw new Invalid("invalid escape sequence", "\\" + d);
        default -> {
          out.append(characterEscape());
          return Character.isLetterOrDigit(d) ? -1 : d;
        }
      }
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static boolean isOctal(char c) {
      return c >= '0' && c <= '7';
    }
  }

  /** A POSIX class ({@code alpha} of {@code [[:alpha:]]}) in Java; null if there is none. */
  private static String posixClass(String name, boolean negated) {
    if (name.equals("word")) {
      return negated ? "\\W" : "\\w";
    }
    String java = posixClass(name);
    return java == null || !negated ? java : java.replace("\\p", "\\P");
  }

  private static String posixClass(String name) {
    return switch (name) {
      case "alnum" -> "\\p{Alnum}";
      case "alpha" -> "\\p{Alpha}";
      case "ascii" -> "\\p{ASCII}";
      case "blank" -> "\\p{Blank}";
      case "cntrl" -> "\\p{Cntrl}";
      case "digit" -> "\\p{Digit}";
      case "graph" -> "\\p{Graph}";
      case "lower" -> "\\p{Lower}";
      case "print" -> "\\p{Print}";
      case "punct" -> "\\p{Punct}";
      case "space" -> "\\p{Space}";
      case "upper" -> "\\p{Upper}";
      case "xdigit" -> "\\p{XDigit}";
      default -> null;
    };
  }
}
