package io.github.packer2aib.core.hcl.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions with Go's (RE2) syntax and semantics, on Java's engine: patterns are
 * translated by {@link GoRegexSyntax} (which refuses what Go refuses, with Go's messages), and
 * matched with only {@code \n} ending a line ({@link Pattern#UNIX_LINES}).
 *
 * <p>Java's engine backtracks and can take exponential time where RE2 is linear. Every match runs
 * against a {@link BudgetedText} that counts character reads; past the budget the match stops with
 * a {@link FunctionException}. The budget of a call grows with its text up to a cap, and is taken
 * from its template's {@link RegexBudget}, so that neither one call nor many can run for long. Deep
 * recursion in Java's matcher (long inputs with nested groups) is caught the same way.
 */
final class GoRegex {
  private GoRegex() {}

  /** Patterns longer than this are refused (RE2 has a similar program-size limit). */
  static final int MAX_PATTERN_LENGTH = 20_000;

  /** Character reads allowed per match: generous for real templates, small for a computer. */
  static final long BASE_BUDGET = 2_000_000L;

  static final long BUDGET_PER_CHAR = 2_000L;

  /**
   * The most one call may read, whatever the length of its text: a simple pattern reads a few
   * characters per character of text, so this passes a scan of many megabytes, but ends a
   * backtracking one (the budget per character alone let {@code 0*b} run for seconds over a long
   * string of zeros).
   */
  static final long MAX_BUDGET_PER_CALL = 50_000_000L;

  /** A compiled pattern and the names of its capture groups (empty for an unnamed group). */
  record Compiled(Pattern pattern, List<String> groupNames) {
    int groupIndex(String name) {
      return groupNames.indexOf(name) + 1;
    }

    boolean hasNamedGroups() {
      return groupNames.stream().anyMatch(n -> !n.isEmpty());
    }

    boolean hasUnnamedGroups() {
      return groupNames.stream().anyMatch(String::isEmpty);
    }
  }

  static Compiled compileGo(String goPattern, int argIndex) throws FunctionException {
    Compiled known = COMPILED.get(goPattern);
    if (known != null) {
      return known;
    }
    List<String> names = new ArrayList<>();
    Pattern p = compile(goPattern, argIndex, names);
    Compiled compiled = new Compiled(p, List.copyOf(names));
    if (COMPILED.size() >= MAX_COMPILED) {
      COMPILED.clear(); // a bound, not a policy: templates use a handful of patterns
    }
    COMPILED.put(goPattern, compiled);
    return compiled;
  }

  /**
   * Patterns compiled so far, by their Go text (only valid ones, so the argument index, which only
   * an error message names, plays no part). Compiled patterns are immutable and thread-safe, and a
   * bulk run calls regex_replace with the same few patterns in template after template: translating
   * and compiling each time showed in profiles.
   */
  private static final Map<String, Compiled> COMPILED = new ConcurrentHashMap<>();

  private static final int MAX_COMPILED = 256;

  static Pattern compile(String goPattern, int argIndex) throws FunctionException {
    return compile(goPattern, argIndex, new ArrayList<>());
  }

  private static Pattern compile(String goPattern, int argIndex, List<String> names)
      throws FunctionException {
    if (goPattern.length() > MAX_PATTERN_LENGTH) {
      throw invalid(argIndex, "error parsing regexp: expression too large");
    }
    String java;
    try {
      java = GoRegexSyntax.translate(goPattern, names);
    } catch (GoRegexSyntax.Invalid e) {
      throw invalid(argIndex, e.getMessage());
    }
    try {
      return Pattern.compile(java, Pattern.UNIX_LINES);
    } catch (PatternSyntaxException | StackOverflowError e) {
      // Java's engine compiles nested groups recursively: past its stack, say it as Go would.
      String desc =
          e instanceof PatternSyntaxException p && !p.getDescription().startsWith("Stack overflow")
              ? p.getDescription()
              : "expression nests too deeply";
      throw invalid(argIndex, "error parsing regexp: " + desc);
    }
  }

  /**
   * A pattern Go would not compile: for {@code regex} and {@code regexall} (cty's functions) an
   * error of the pattern argument, {@code argIndex}; for Packer's own {@code regex_replace} ({@code
   * argIndex} -1) a failed call with Go's message alone, as Packer reports them.
   */
  private static FunctionException invalid(int argIndex, String goMessage) {
    return argIndex < 0
        ? FunctionException.call(goMessage)
        : FunctionException.arg(argIndex, "invalid regular expression pattern: " + goMessage);
  }

  /** Thrown when a match exceeds its budget; converted to a {@link FunctionException}. */
  static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded() {
      super("regular expression step budget exceeded", null, false, false);
    }
  }

  /** The call's own budget was not enough. */
  static FunctionException tooExpensive(int argIndex) {
    return FunctionException.arg(
        argIndex,
        "the regular expression takes too long to match this string: Java's regular expression"
            + " engine backtracks where Go's does not, and this pattern makes it try the same"
            + " characters again and again. "
            + SIMPLIFY);
  }

  /** The template's {@link RegexBudget} is spent. */
  static FunctionException templateTooExpensive(int argIndex, long max) {
    return FunctionException.arg(
        argIndex,
        String.format(
                Locale.ROOT,
                "the template's regular expressions together have read more than %,d characters:"
                    + " Java's regular expression engine backtracks where Go's does not, and a"
                    + " pattern of this template makes it try the same characters again and again."
                    + " ",
                max)
            + SIMPLIFY);
  }

  private static final String SIMPLIFY =
      "Simplify the pattern: anchor it (^…$) where it must match the whole string, and avoid a"
          + " repeated part that can match the same text in more than one way ((a+)+, (a|ab)*) or"
          + " that fails only after a long run (0*b over a string of zeros).";

  /** A string that counts reads and stops a runaway match. */
  static final class BudgetedText implements CharSequence {
    private final String text;
    private final long[] remaining;

    BudgetedText(String text, long budget) {
      this(text, new long[] {budget});
    }

    private BudgetedText(String text, long[] remaining) {
      this.text = text;
      this.remaining = remaining;
    }

    /** The reads left (negative once exceeded). */
    long remaining() {
      return remaining[0];
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      if (--remaining[0] < 0) {
        throw new BudgetExceeded();
      }
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new BudgetedText(text.substring(start, end), remaining);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * Go's {@code Regexp.ReplaceAllString}: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}}
   * expand to groups ({@code $name} takes the longest run of letters, digits and underscores; an
   * unknown group expands to nothing); {@code $$} is a dollar.
   */
  static String replaceAll(Compiled c, String text, String template, int argIndex)
      throws FunctionException {
    List<Piece> pieces = parseTemplate(template);
    StringBuilder out = new StringBuilder();
    int last = 0;
    for (MatchResult m : findAll(c.pattern(), text, argIndex)) {
      out.append(text, last, m.start());
      for (Piece p : pieces) {
        if (p instanceof Piece.Text t) {
          out.append(t.text());
        } else {
          String group = group(m, ((Piece.Group) p).name(), c.groupNames());
          if (group != null) {
            out.append(group);
          }
        }
      }
      // Checked as it grows: each of many matches may be replaced by a long text.
      if (out.length() > Formatter.MAX_LENGTH) {
        throw Formatter.tooLong(out.length());
      }
      last = m.end();
    }
    out.append(text, last, text.length());
    return out.toString();
  }

  /**
   * Successive non-overlapping matches, as Go's {@code FindAll}: an empty match right after the
   * previous match is skipped.
   */
  static List<MatchResult> findAll(Pattern p, String text, int argIndex) throws FunctionException {
    return findAll(p, text, argIndex, budgetFor(text));
  }

  /** The reads one call over {@code text} may make. */
  static long budgetFor(String text) {
    return Math.min(BASE_BUDGET + BUDGET_PER_CHAR * text.length(), MAX_BUDGET_PER_CALL);
  }

  /**
   * As {@link #findAll(Pattern, String, int)} with an explicit budget of character reads (within
   * what is left of the template's).
   */
  static List<MatchResult> findAll(Pattern p, String text, int argIndex, long budget)
      throws FunctionException {
    List<MatchResult> all = new ArrayList<>();
    return match(
        text,
        argIndex,
        budget,
        counted -> {
          Matcher m = p.matcher(counted);
          int pos = 0;
          int lastEnd = -1;
          int len = text.length();
          while (pos <= len && m.find(pos)) {
            int s = m.start();
            int e = m.end();
            if (s == e && s == lastEnd) {
              if (s >= len) {
                break;
              }
              pos = s + Character.charCount(text.codePointAt(s));
              continue;
            }
            if (all.size() >= ElementLimit.MAX) {
              throw ElementLimit.exceeded("matches");
            }
            all.add(m.toMatchResult());
            lastEnd = e;
            if (s == e) {
              if (e >= len) {
                break;
              }
              pos = e + Character.charCount(text.codePointAt(e));
            } else {
              pos = e;
            }
          }
          return all;
        });
  }

  /** The first match, or null. */
  static MatchResult find(Pattern p, String text, int argIndex) throws FunctionException {
    return match(
        text,
        argIndex,
        budgetFor(text),
        counted -> {
          Matcher m = p.matcher(counted);
          return m.find() ? m.toMatchResult() : null;
        });
  }

  /** A match over {@link BudgetedText}. */
  private interface Match<T> {
    T run(BudgetedText counted) throws FunctionException;
  }

  /**
   * Runs {@code match} with at most {@code budget} reads, and no more than the template has left;
   * what it reads is taken from the template's budget, whether it ends or is stopped.
   */
  private static <T> T match(String text, int argIndex, long budget, Match<T> match)
      throws FunctionException {
    RegexBudget template = RegexBudget.current();
    long allowed = Math.min(budget, template.remaining());
    BudgetedText counted = new BudgetedText(text, allowed);
    try {
      return match.run(counted);
    } catch (BudgetExceeded | StackOverflowError e) {
      throw allowed < budget
          ? templateTooExpensive(argIndex, template.max())
          : tooExpensive(argIndex);
    } finally {
      template.spend(allowed - Math.max(0, counted.remaining()));
    }
  }

  /** A part of a replacement template: text to copy, or a reference to a group. */
  private sealed interface Piece {
    record Text(String text) implements Piece {}

    record Group(String name) implements Piece {}
  }

  /**
   * Reads a replacement template once, before the matches, as Go's {@code Expand} reads it for each
   * one. Each character is looked at a bounded number of times: the next closing brace is searched
   * for once and kept while it lies ahead, and a braced name is checked before it is copied.
   * Searching for and copying up to the closing brace at every dollar sign, for every match, made a
   * template of many unclosed braced references cost its length squared per match.
   */
  private static List<Piece> parseTemplate(String template) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int n = template.length();
    int close = -2; // the next '}' from where it was last searched for; -1: none; -2: not yet
    for (int i = 0; i < n; i++) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= n) {
        text.append(c);
        continue;
      }
      char d = template.charAt(i + 1);
      if (d == '$') {
        text.append('$');
        i++;
        continue;
      }
      int nameStart;
      int nameEnd;
      int next;
      if (d == '{') {
        if (close == -2 || (close >= 0 && close < i + 2)) {
          close = template.indexOf('}', i + 2);
        }
        if (close < 0 || close == i + 2 || !isNameRun(template, i + 2, close)) {
          text.append(c);
          continue;
        }
        nameStart = i + 2;
        nameEnd = close;
        next = close + 1;
      } else {
        int j = i + 1;
        while (j < n && isNameChar(template.charAt(j))) {
          j++;
        }
        if (j == i + 1) {
          text.append(c);
          continue;
        }
        nameStart = i + 1;
        nameEnd = j;
        next = j;
      }
      if (text.length() > 0) {
        pieces.add(new Piece.Text(text.toString()));
        text.setLength(0);
      }
      pieces.add(new Piece.Group(template.substring(nameStart, nameEnd)));
      i = next - 1;
    }
    if (text.length() > 0) {
      pieces.add(new Piece.Text(text.toString()));
    }
    return pieces;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Whether {@code s} holds only name characters from {@code start} to {@code end}. */
  private static boolean isNameRun(String s, int start, int end) {
    for (int k = start; k < end; k++) {
      if (!isNameChar(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Go's {@code extract}: a name of ASCII digits without a leading zero (and within Go's limit of
   * about nine digits) is a group number; anything else ({@code $01}, or a digit of another script)
   * names a group, which usually does not exist and so expands to nothing. -1 for a name.
   */
  static int groupNumber(String name) {
    int num = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9' || num >= 100_000_000) {
        return -1;
      }
      num = num * 10 + (c - '0');
    }
    return name.charAt(0) == '0' && name.length() > 1 ? -1 : num;
  }

  private static String group(MatchResult m, String name, List<String> names) {
    int idx = groupNumber(name);
    if (idx >= 0) {
      return idx <= m.groupCount() ? m.group(idx) : null;
    }
    // Go's Expand: the first group of that name that took part in the match (names may repeat).
    for (int i = 0; i < names.size(); i++) {
      if (name.equals(names.get(i)) && m.group(i + 1) != null) {
        return m.group(i + 1);
      }
    }
    return null;
  }
}
