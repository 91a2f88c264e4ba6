package io.github.packer2aib.core.mapping.packer;

import java.util.ArrayList;
import java.util.List;

/** POSIX shell text: quoting and byte-exact here-documents. */
final class ShellText {
  private ShellText() {}

  /** A word the shell reads back as exactly {@code s}: bare when safe, else single-quoted. */
  static String quote(String s) {
    if (isSafe(s)) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /**
   * A remote path as a shell word, with a leading {@code ~} or {@code ~/} left unquoted so that the
   * shell expands it to the home directory, as the shell behind Packer's {@code scp} upload does
   * with the destination it is given (quoted, {@code '~/x'} would name a directory called "~").
   */
  static String quotePath(String path) {
    if (path.equals("~")) {
      return "~";
    }
    if (path.startsWith("~/")) {
      String rest = path.substring(2);
      return rest.isEmpty() ? "~/" : "~/" + quote(rest);
    }
    return quote(path);
  }

  /**
   * {@link #quotePath(String)}, with each {@code $NAME} and {@code ${NAME}} among the first {@code
   * expandable} characters put in double quotes, so that the shell expands it as the shell behind
   * Packer's scp upload expands the directory it uploads into ({@code /home/$USER/x.conf} becomes
   * {@code /home/"$USER"/x.conf}); what follows them, and any other {@code $}, stays text.
   */
  static String quotePath(String path, int expandable) {
    int cut = Math.min(expandable, path.length());
    if (!expandsVariable(path, cut)) {
      return quotePath(path);
    }
    StringBuilder out = new StringBuilder(path.length() + 8);
    int literal = path.startsWith("~/") ? 2 : 0;
    out.append(path, 0, literal);
    for (int i = literal; i < cut; i++) {
      int end = variableEnd(path, i);
      if (end > 0 && end <= cut) {
        if (i > literal) {
          out.append(quote(path.substring(literal, i)));
        }
        out.append('"').append(path, i, end).append('"');
        literal = end;
        i = end - 1;
      }
    }
    if (literal < path.length()) {
      out.append(quote(path.substring(literal)));
    }
    return out.toString();
  }

  /** Whether the first {@code expandable} characters of {@code path} name a {@code $NAME}. */
  static boolean expandsVariable(String path, int expandable) {
    int cut = Math.min(expandable, path.length());
    for (int i = path.indexOf('$'); i >= 0 && i < cut; i = path.indexOf('$', i + 1)) {
      int end = variableEnd(path, i);
      if (end > 0 && end <= cut) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the variable {@code $NAME} or {@code ${NAME}} that starts at {@code i} ends (the index
   * after it), or -1 when none starts there.
   */
  static int variableEnd(String text, int i) {
    if (i + 1 >= text.length() || text.charAt(i) != '$') {
      return -1;
    }
    boolean braced = text.charAt(i + 1) == '{';
    int from = braced ? i + 2 : i + 1;
    int k = from;
    while (k < text.length()
        && isWordChar(text.charAt(k))
        && !(k == from && text.charAt(k) >= '0' && text.charAt(k) <= '9')) {
      k++;
    }
    if (k == from) {
      return -1;
    }
    if (!braced) {
      return k;
    }
    return k < text.length() && text.charAt(k) == '}' ? k + 1 : -1;
  }

  /** Whether a remote path starts at the home directory ({@code ~} or {@code ~/…}). */
  static boolean isHomePath(String path) {
    return path.equals("~") || path.startsWith("~/");
  }

  /** Always single-quoted ({@code export K='V'} reads better with quotes). */
  static String singleQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /**
   * A value for {@code export NAME=…}: single-quoted, unless execute_command wrote expansions in it
   * ({@link ExecuteCommand#EXPANDING_DOLLAR}, as in {@code PATH=$PATH:/opt/bin}): then in double
   * quotes, where those expand as they did in Packer's remote shell and every other character stays
   * itself.
   */
  static String exportValue(String value) {
    if (value.indexOf(ExecuteCommand.EXPANDING_DOLLAR) < 0
        && value.indexOf(ExecuteCommand.EXPANDING_BACKTICK) < 0) {
      return singleQuote(value);
    }
    StringBuilder sb = new StringBuilder(value.length() + 8).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ExecuteCommand.EXPANDING_DOLLAR) {
        sb.append('$');
      } else if (c == ExecuteCommand.EXPANDING_BACKTICK) {
        sb.append('`');
      } else {
        if ("$`\"\\".indexOf(c) >= 0) {
          sb.append('\\');
        }
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /**
   * {@code text} as the shell reads it in Packer's assignment {@code NAME="text"} ({@code
   * doubleQuoted}) or {@code NAME=text}, in the form {@link #exportValue} writes back: the
   * characters the shell takes as they are, and each {@code $} and backquote it expands as its mark
   * ({@link ExecuteCommand#EXPANDING_DOLLAR}), so that {@code export NAME=} and {@code exportValue}
   * of the result give NAME the value the assignment gives it. Null when the text does not make one
   * such word, or keeps its meaning only with more than these marks: in double quotes a {@code "}
   * that ends them, or a final backslash; unquoted a blank, a quote, one of {@code ; & | < > ( )}
   * or a {@code ~} the shell would expand; in both, a {@code $( … )}, {@code ${ … }} or backquoted
   * command that is not closed or holds a quote, a backslash or a backquote. A {@code '} in double
   * quotes stays a character (Packer's escaping of it is the caller's concern).
   */
  static String markExpansions(String text, boolean doubleQuoted) {
    if (!doubleQuoted && text.indexOf('\'') >= 0) {
      return null;
    }
    int n = text.length();
    StringBuilder out = new StringBuilder(n);
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (i + 1 >= n) {
          return null; // it would escape the closing quote, or what follows the word
        }
        char next = text.charAt(i + 1);
        if (next == '\n') {
          i += 2; // a line continuation: both go
        } else if (doubleQuoted && "$`\"\\".indexOf(next) < 0) {
          out.append('\\'); // in double quotes \x is itself
          i++;
        } else {
          out.append(next);
          i += 2;
        }
        continue;
      }
      if (c == '"') {
        return null;
      }
      int end;
      if (c == '`') {
        end = text.indexOf('`', i + 1);
        if (end < 0 || !plainInside(text, i + 1, end)) {
          return null;
        }
        out.append(ExecuteCommand.EXPANDING_BACKTICK);
        appendMarked(out, text, i + 1, end);
        out.append(ExecuteCommand.EXPANDING_BACKTICK);
        i = end + 1;
        continue;
      }
      if (c == '$' && i + 1 < n && (text.charAt(i + 1) == '(' || text.charAt(i + 1) == '{')) {
        end = closing(text, i + 1);
        if (end < 0) {
          return null;
        }
        out.append(ExecuteCommand.EXPANDING_DOLLAR);
        appendMarked(out, text, i + 1, end + 1);
        i = end + 1;
        continue;
      }
      if (c == '$') {
        out.append(ExecuteCommand.EXPANDING_DOLLAR);
      } else if (!doubleQuoted
          && (c == ' '
              || c == '\t'
              || c == '\n'
              || ";&|<>()".indexOf(c) >= 0
              || (c == '~' && (i == 0 || text.charAt(i - 1) == ':')))) {
        return null;
      } else {
        out.append(c);
      }
      i++;
    }
    return out.toString();
  }

  /** Whether {@code text[from, to)} holds no quote, backslash or backquote. */
  private static boolean plainInside(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if ("\"'\\`".indexOf(text.charAt(k)) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the {@code )} or {@code }} closes the bracket at {@code open} (the one after a {@code
   * $}), counting the brackets of its kind between and skipping single-quoted text in a {@code $( …
   * )} command; -1 when none does, or when a double quote, backslash or backquote stands inside (or
   * a single quote inside {@code ${ … }}), whose meaning there the converter does not rewrite.
   */
  private static int closing(String text, int open) {
    char o = text.charAt(open);
    char close = o == '(' ? ')' : '}';
    int depth = 0;
    for (int k = open; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '"' || c == '\\' || c == '`') {
        return -1;
      }
      if (c == '\'') {
        if (o != '(') {
          return -1;
        }
        k = text.indexOf('\'', k + 1);
        if (k < 0) {
          return -1;
        }
      } else if (c == o) {
        depth++;
      } else if (c == close && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  /** Appends {@code text[from, to)} with each {@code $} as its mark. */
  private static void appendMarked(StringBuilder out, String text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      out.append(c == '$' ? ExecuteCommand.EXPANDING_DOLLAR : c);
    }
  }

  /**
   * Whether {@code text} has a Windows line ending (CR LF, or a CR ending its last line), which
   * Packer's shell provisioner turns into LF when it uploads a script that is not {@code binary}.
   */
  static boolean hasWindowsLineEndings(String text) {
    return text.indexOf("\r\n") >= 0 || text.endsWith("\r");
  }

  /**
   * {@code text} as Packer's shell provisioner uploads a script (its UnixReader): each line's CR
   * before LF dropped, and a CR ending the last line too.
   */
  static String unixLineEndings(String text) {
    String out = text.replace("\r\n", "\n");
    return out.endsWith("\r") ? out.substring(0, out.length() - 1) : out;
  }

  /** The line that strips the CR of each line of the script at {@code path} on the VM. */
  static String stripCarriageReturns(String path) {
    return "sed -i 's/\\r$//' " + quote(path);
  }

  /**
   * Lines that write {@code content} to {@code path} byte for byte: a quoted here-document (no
   * expansion), with the final newline the here-document adds removed again when the content lacks
   * one.
   */
  static List<String> writeFile(String path, String content) {
    List<String> out = new ArrayList<>();
    String target = quote(path);
    if (content.isEmpty()) {
      out.add(": > " + target);
      return out;
    }
    boolean finalNewline = content.endsWith("\n");
    int end = finalNewline ? content.length() - 1 : content.length();
    // The lines as split("\n", -1) of the content before its final newline, put straight after
    // the header (set once the delimiter is known): every wrapped step and written file comes
    // here, and the split's list, array and copy were allocation for nothing.
    out.add(null);
    int start = 0;
    for (int i = 0; i < end; i++) {
      if (content.charAt(i) == '\n') {
        out.add(content.substring(start, i));
        start = i + 1;
      }
    }
    out.add(content.substring(start, end));
    closeHereDocument(out, target);
    if (!finalNewline) {
      out.add("truncate -s -1 " + target);
    }
    return out;
  }

  /**
   * How many of the content's lines {@link #writeFile} writes, one to a line after its header: none
   * for empty content, else one more than the line breaks before a final one.
   */
  static int lineCount(String content) {
    if (content.isEmpty()) {
      return 0;
    }
    int end = content.endsWith("\n") ? content.length() - 1 : content.length();
    int count = 1;
    for (int i = 0; i < end; i++) {
      if (content.charAt(i) == '\n') {
        count++;
      }
    }
    return count;
  }

  /**
   * {@code writeFile(path, first + "\n" + String.join("\n", rest) + "\n")} without joining the
   * lines only to split them again (a wrapped inline step writes its shebang and its commands so):
   * when no line holds a line break, they are the here-document's lines as they are.
   */
  static List<String> writeLines(String path, String first, List<String> rest) {
    boolean plain = first.indexOf('\n') < 0;
    for (int i = 0; plain && i < rest.size(); i++) {
      plain = rest.get(i).indexOf('\n') < 0;
    }
    if (!plain) {
      return writeFile(path, first + "\n" + String.join("\n", rest) + "\n");
    }
    List<String> out = new ArrayList<>(rest.size() + 3);
    out.add(null); // the header, once the delimiter is known
    out.add(first);
    out.addAll(rest);
    closeHereDocument(out, quote(path));
    return out;
  }

  /**
   * Sets the header of the here-document whose lines follow it in {@code out} (at index 0, a
   * placeholder until the delimiter is known) and ends it with the delimiter.
   */
  private static void closeHereDocument(List<String> out, String target) {
    String delimiter = delimiter(out.subList(1, out.size()));
    out.set(0, "cat > " + target + " <<'" + delimiter + "'");
    out.add(delimiter);
  }

  /** A here-document delimiter that no line of the content equals. */
  static String delimiter(List<String> lines) {
    String d = "PACKER2AIB_EOF";
    int n = 1;
    while (lines.contains(d)) {
      d = "PACKER2AIB_EOF_" + n++;
    }
    return d;
  }

  /**
   * Whether a word needs no quotes: {@code [A-Za-z0-9_@%+=:,./-]+}. (These checks run for every
   * path and variable of every step; loops are cheaper than the regular expressions they were.)
   */
  static boolean isSafe(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isWordChar(c) && "@%+=:,./-".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code name} is a valid shell variable name: {@code [A-Za-z_][A-Za-z0-9_]*}. */
  static boolean isName(String name) {
    if (name.isEmpty() || (name.charAt(0) >= '0' && name.charAt(0) <= '9')) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isWordChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z0-9_]}. */
  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
