package io.github.packer2aib.core.mapping.packer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PowerShell text: quoting and byte-exact file writes. */
final class PowerShellText {
  private PowerShellText() {}

  /**
   * A single-quoted string literal. PowerShell also ends single-quoted strings at the typographic
   * quotes U+2018–U+201B, so those are doubled too.
   */
  static String quote(String s) {
    // Most texts hold no quote: checked first, they are copied whole rather than one character
    // per call (every environment value, path and generalization line comes here).
    int first = 0;
    while (first < s.length() && !isQuote(s.charAt(first))) {
      first++;
    }
    if (first == s.length()) {
      return new StringBuilder(s.length() + 2).append('\'').append(s).append('\'').toString();
    }
    StringBuilder b = new StringBuilder("'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c);
      if (isQuote(c)) {
        b.append(c);
      }
    }
    return b.append('\'').toString();
  }

  private static boolean isQuote(char c) {
    return c == '\'' || (c >= '\u2018' && c <= '\u201B');
  }

  /**
   * Lines that write {@code bytes} to {@code path} exactly. Plain ASCII text with one kind of line
   * ending is written from readable string literals; anything else from base64, since how Image
   * Builder encodes the script it runs is not documented.
   */
  /**
   * How many lines of the text {@link #writeFile} writes one to a line after its header (quoted
   * items of an array); none when it writes the bytes as Base64 or the text is empty.
   */
  static int lineCount(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String ending = readableLineEnding(text);
    if (ending == null || text.isEmpty()) {
      return 0;
    }
    String body = text.endsWith(ending) ? text.substring(0, text.length() - ending.length()) : text;
    int count = 1;
    for (int i = body.indexOf(ending); i >= 0; i = body.indexOf(ending, i + ending.length())) {
      count++;
    }
    return count;
  }

  static List<String> writeFile(String path, byte[] bytes) {
    List<String> out = new ArrayList<>();
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String ending = readableLineEnding(text);
    if (ending == null) {
      String b64 = Base64.getEncoder().encodeToString(bytes);
      out.add("$packer2aibBytes = [Convert]::FromBase64String((@(");
      for (int i = 0; i < b64.length(); i += 76) {
        out.add("  '" + b64.substring(i, Math.min(b64.length(), i + 76)) + "'");
      }
      out.add(") -join ''))");
      out.add("[IO.File]::WriteAllBytes(" + quote(path) + ", $packer2aibBytes)");
      return out;
    }
    if (text.isEmpty()) {
      out.add("[IO.File]::WriteAllText(" + quote(path) + ", '')");
      return out;
    }
    boolean finalNewline = text.endsWith(ending);
    String body = finalNewline ? text.substring(0, text.length() - ending.length()) : text;
    out.add("$packer2aibLines = @(");
    // The lines as split("\n", -1) or at every "\r\n" (then no '\r' stands elsewhere, see
    // readableLineEnding), by hand: a pattern split of each Windows script was a visible cost.
    char end = ending.equals("\n") ? '\n' : '\r';
    int start = 0;
    for (int i = 0; i <= body.length(); i++) {
      if (i == body.length() || body.charAt(i) == end) {
        out.add("  " + quote(body.substring(start, i)));
        start = i + ending.length();
        i += ending.length() - 1;
      }
    }
    out.add(")");
    String joiner = ending.equals("\n") ? "\"`n\"" : "\"`r`n\"";
    out.add(
        "[IO.File]::WriteAllText("
            + quote(path)
            + ", ($packer2aibLines -join "
            + joiner
            + ")"
            + (finalNewline ? " + " + joiner : "")
            + ")");
    return out;
  }

  /**
   * "\n" or "\r\n" when the text is printable ASCII (and tabs) with one kind of line ending; null
   * when it must be written from base64.
   */
  static String readableLineEnding(String text) {
    boolean crlf = false;
    boolean lf = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
          return null;
        }
        crlf = true;
        i++;
      } else if (c == '\n') {
        lf = true;
      } else if (c != '\t' && (c < 0x20 || c > 0x7E)) {
        return null;
      }
    }
    if (crlf && lf) {
      return null;
    }
    return crlf ? "\r\n" : "\n";
  }

  /** Whether {@code $env:name = …} can set the variable: names of the form of a shell name. */
  static boolean isName(String name) {
    return ShellText.isName(name);
  }
}
