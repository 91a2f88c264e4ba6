package io.github.packer2aib.core.mapping.packer;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level statements of a step's command text: split at line breaks, {@code ;} and {@code &&}
 * outside quotes, brackets and braces, so that a loop written on one line or over several stays one
 * statement. An inline element of a template may hold a whole script (an HCL heredoc, a {@code
 * ;}-joined line), and the generalization checks must judge each of its statements, not the element
 * as a whole. Read without a shell's or PowerShell's full grammar: a text this reader cannot follow
 * (an unclosed quote or bracket, a stray closing one, a shell here-document) gives null, and the
 * callers then keep the text as it is.
 */
final class CommandStatements {
  private CommandStatements() {}

  /**
   * One statement: its text, where it starts in the command text, and whether it starts a physical
   * line (the first statement, or one after a line break rather than after {@code ;} or {@code
   * &&}).
   */
  record Statement(String text, int start, boolean startsLine) {}

  /**
   * The statements of {@code text} read as PowerShell ({@code powerShell}: backtick escapes, {@code
   * <# #>} comments, here-strings) or as a POSIX shell (backslash escapes); null when the text
   * cannot be read safely.
   */
  static List<Statement> of(String text, boolean powerShell) {
    return read(text, powerShell, null);
  }

  /**
   * {@code text} without its comments ({@code #} to the end of the line, and in PowerShell {@code
   * <# #>}, which becomes a blank), read as {@link #of} reads it: a {@code #} inside a string or a
   * word is no comment. Null when the text cannot be read safely.
   */
  static String withoutComments(String text, boolean powerShell) {
    List<int[]> comments = new ArrayList<>();
    if (read(text, powerShell, comments) == null) {
      return null;
    }
    if (comments.isEmpty()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length());
    int from = 0;
    for (int[] c : comments) {
      b.append(text, from, c[0]);
      if (text.charAt(c[0]) == '<') {
        b.append(' '); // a <# #> comment parts the words on either side of it
      }
      from = c[1];
    }
    return b.append(text, from, text.length()).toString();
  }

  /** {@link #of}, adding the start and end of each comment to {@code comments} when not null. */
  private static List<Statement> read(String text, boolean powerShell, List<int[]> comments) {
    List<Statement> out = new ArrayList<>();
    int n = text.length();
    int depth = 0;
    int start = 0;
    boolean startsLine = true;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        int end = powerShell ? powerShellQuoteEnd(text, i) : shellQuoteEnd(text, i);
        if (end < 0) {
          return null;
        }
        i = end + 1;
        continue;
      }
      if (c == (powerShell ? '`' : '\\')) {
        // An escaped character, or a line continued on the next: a CRLF line's whole break.
        i += text.startsWith("\r\n", i + 1) ? 3 : 2;
        continue;
      }
      if (c == '#' && (i == 0 || isSeparator(text.charAt(i - 1)))) {
        int from = i;
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
        if (comments != null) {
          comments.add(new int[] {from, i});
        }
        continue;
      }
      if (powerShell && c == '<' && i + 1 < n && text.charAt(i + 1) == '#') {
        int end = text.indexOf("#>", i + 2);
        if (end < 0) {
          return null;
        }
        if (comments != null) {
          comments.add(new int[] {i, end + 2});
        }
        i = end + 2;
        continue;
      }
      if (!powerShell && c == '<' && i + 1 < n && text.charAt(i + 1) == '<') {
        return null; // a here-document (or here-string): its lines are not statements
      }
      if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        if (--depth < 0) {
          return null; // as in a shell's case patterns: not followed here
        }
      } else if (depth == 0
          && (c == ';' || (c == '\n' && !continues(text, i)) || isAndAnd(text, i))) {
        out.add(new Statement(text.substring(start, i), start, startsLine));
        startsLine = c == '\n';
        i += c == '&' ? 2 : 1;
        start = i;
        continue;
      }
      i++;
    }
    if (depth != 0) {
      return null;
    }
    out.add(new Statement(text.substring(start), start, startsLine));
    return out;
  }

  /**
   * Whether the line ending at {@code i} goes on on the next: it ends with a pipe or {@code &&} /
   * {@code ||}, after which both shells read on.
   */
  private static boolean continues(String text, int i) {
    int k = i - 1;
    while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\r')) {
      k--;
    }
    return k >= 0 && (text.charAt(k) == '|' || text.charAt(k) == '&');
  }

  private static boolean isAndAnd(String text, int i) {
    return text.charAt(i) == '&' && i + 1 < text.length() && text.charAt(i + 1) == '&';
  }

  /** Whether a comment may start after {@code c} (a {@code #} inside a word is no comment). */
  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || c == ';' || c == '{' || c == '(' || c == '}';
  }

  /**
   * Where the PowerShell string opened at {@code i} ends (its closing quote), or -1. A {@code @'}
   * or {@code @"} at the end of a line opens a here-string, closed by the quote and {@code @} at
   * the start of a line; in a double-quoted string a backtick escapes the next character (a doubled
   * quote closes and reopens the string, which reads the same).
   */
  private static int powerShellQuoteEnd(String text, int i) {
    char q = text.charAt(i);
    if (i > 0 && text.charAt(i - 1) == '@' && restOfLineBlank(text, i + 1)) {
      int end = text.indexOf("\n" + q + "@", i + 1);
      return end < 0 ? -1 : end + 1;
    }
    for (int k = i + 1; k < text.length(); k++) {
      char c = text.charAt(k);
      if (q == '"' && c == '`') {
        k++;
      } else if (c == q) {
        return k;
      }
    }
    return -1;
  }

  /** Where the shell string opened at {@code i} ends, or -1 (a backslash escapes in {@code "}). */
  private static int shellQuoteEnd(String text, int i) {
    char q = text.charAt(i);
    for (int k = i + 1; k < text.length(); k++) {
      char c = text.charAt(k);
      if (q == '"' && c == '\\') {
        k++;
      } else if (c == q) {
        return k;
      }
    }
    return -1;
  }

  private static boolean restOfLineBlank(String text, int from) {
    for (int k = from; k < text.length() && text.charAt(k) != '\n'; k++) {
      if (!Character.isWhitespace(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }
}
