package io.github.packer2aib.core.mapping.packer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** POSIX shell text: quoting and byte-exact here-documents. */
final class ShellText {
  // Compiled once: these run for every step of every template.
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ShellText() {}

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  /** A word the shell reads back as exactly {@code s}: bare when safe, else single-quoted. */
  static String quote(String s) {
    if (!s.isEmpty() && SAFE.matcher(s).matches()) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Always single-quoted ({@code export K='V'} reads better with quotes). */
  static String singleQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
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
    String body = finalNewline ? content.substring(0, content.length() - 1) : content;
    List<String> lines = List.of(body.split("\n", -1));
    String delimiter = delimiter(lines);
    out.add("cat > " + target + " <<'" + delimiter + "'");
    out.addAll(lines);
    out.add(delimiter);
    if (!finalNewline) {
      out.add("truncate -s -1 " + target);
    }
    return out;
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

  /** Whether {@code name} is a valid shell variable name. */
  static boolean isName(String name) {
    return NAME.matcher(name).matches();
  }
}
