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
