package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds Windows paths in double-quoted strings whose backslashes were read as escapes: {@code
 * "C:\temp\new.txt"} is valid JSON and YAML, but holds a tab and a line break where the author
 * meant "\t" and "\n", and {@code "C:\Program Files"} in YAML holds a paragraph separator. The file
 * reads without error and the build fails much later on a path that does not exist, so each such
 * string of an image template gets a warning at its first escape. (Packer templates are not
 * checked: their strings reach the output through Packer's own rules, reported where they map.)
 */
public final class WindowsPathEscapes {
  private WindowsPathEscapes() {}

  /** Longest path quoted back in the warning. */
  private static final int MAX_SHOWN = 80;

  /**
   * The warnings for one image template read from {@code file}.
   *
   * @param node the template's node in the document
   * @param pointer its JSON pointer in the document, which each warning's path starts with
   */
  public static List<Diagnostic> check(SourceFile file, DocNode node, String pointer) {
    List<Diagnostic> out = new ArrayList<>();
    walk(node, pointer, file, !DocReader.looksLikeJson(file), out);
    return out;
  }

  private static void walk(
      DocNode node, String pointer, SourceFile file, boolean yaml, List<Diagnostic> out) {
    if (node instanceof DocObject o) {
      for (DocMember m : o.members()) {
        walk(m.value(), JsonPointer.append(pointer, m.key()), file, yaml, out);
      }
    } else if (node instanceof DocArray a) {
      for (int i = 0; i < a.items().size(); i++) {
        walk(a.items().get(i), JsonPointer.append(pointer, i), file, yaml, out);
      }
    } else if (node instanceof DocScalar s
        && s.isString()
        && s.range() != null
        && holdsEscapedCharacter(s.text())) {
      Diagnostic d = check(s.range(), pointer, file, yaml);
      if (d != null) {
        out.add(d);
      }
    }
  }

  /** A cheap test on the decoded value: only these characters come from the escapes looked for. */
  private static boolean holdsEscapedCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (meaning(fromDecoded(value.charAt(i))) != null) {
        return true;
      }
    }
    return false;
  }

  /** The escape letter that gives {@code c}, or 0. */
  private static char fromDecoded(char c) {
    return switch (c) {
      case '\t' -> 't';
      case '\n' -> 'n';
      case '\r' -> 'r';
      case '\b' -> 'b';
      case '\f' -> 'f';
      case '\u000B' -> 'v';
      case '\u0007' -> 'a';
      case '\u001B' -> 'e';
      case '\u0000' -> '0';
      case '\u0085' -> 'N';
      case '\u2028' -> 'L';
      case '\u2029' -> 'P';
      case '\u00A0' -> '_';
      default -> 0;
    };
  }

  /** What an escape letter stands for, in words; null for escapes that keep a character. */
  private static String meaning(char letter) {
    return switch (letter) {
      case 't' -> "a tab";
      case 'n' -> "a line break";
      case 'r' -> "a carriage return";
      case 'b' -> "a backspace";
      case 'f' -> "a form feed";
      case 'v' -> "a vertical tab";
      case 'a' -> "a bell character";
      case 'e' -> "an escape character";
      case '0' -> "a NUL character";
      case 'N' -> "a next-line character (U+0085)";
      case 'L' -> "a line separator (U+2028)";
      case 'P' -> "a paragraph separator (U+2029)";
      case '_' -> "a no-break space";
      default -> null;
    };
  }

  private static Diagnostic check(Range range, String pointer, SourceFile file, boolean yaml) {
    String text = file.text();
    int start = range.startOffset();
    int end = Math.min(range.endOffset(), text.length());
    if (end - start < 2 || text.charAt(start) != '"') {
      return null; // only double-quoted strings have escapes
    }
    int drive = drive(text, start + 1, end);
    if (drive < 0 || text.substring(start + 1, end).contains("\\\\")) {
      // An author who wrote an escaped backslash knows escapes: a "\n" beside it is meant.
      return null;
    }
    // The escapes of the path, not those of text before it ("echo\tC:\temp").
    for (int i = drive; i + 1 < end; i++) {
      if (text.charAt(i) != '\\') {
        continue;
      }
      char letter = text.charAt(i + 1);
      String meaning = meaning(letter);
      if (meaning != null && (yaml || "tnrbf".indexOf(letter) >= 0)) {
        String raw = text.substring(start + 1, end - 1);
        return Diagnostic.of(
                yaml ? SyntaxCode.YAML_WINDOWS_PATH_ESCAPE : SyntaxCode.JSON_WINDOWS_PATH_ESCAPE,
                file.range(i, i + 2),
                "In a double-quoted string a backslash starts an escape, so \\"
                    + letter
                    + " in this Windows path is read as "
                    + meaning
                    + ", not as a backslash and \""
                    + letter
                    + "\". Write each backslash twice"
                    + (raw.length() <= MAX_SHOWN && raw.indexOf('\n') < 0
                        ? " (\"" + doubled(raw) + "\")"
                        : "")
                    + (yaml ? ", or put the path in single quotes, which keep backslashes" : "")
                    + ".")
            .withPath(pointer);
      }
      i++; // skip the escaped character, so "\\t" is a backslash and a t
    }
    return null;
  }

  /** The raw string with each lone backslash doubled; escaped backslashes and quotes stay. */
  private static String doubled(String raw) {
    StringBuilder sb = new StringBuilder(raw.length() + 8);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length() && "\\\"".indexOf(raw.charAt(i + 1)) >= 0) {
        sb.append(c).append(raw.charAt(++i));
      } else {
        sb.append(c == '\\' ? "\\\\" : String.valueOf(c));
      }
    }
    return sb.toString();
  }

  /**
   * Where the text holds a drive such as "C:\" that starts a Windows path, or -1: an upper-case
   * letter standing alone before ":\" (drives are written so; "a:\n" in a script is more likely a
   * key and a line break), or a lower-case one that starts the string and is followed by at least
   * two path segments ({@code "c:\temp\new.txt"}; a first segment with a colon, as in "a:\nb:\nc",
   * is text). A drive letter and colon that end a line of a script ("Set-Location D:" then a line
   * break, as convert writes a YAML literal block or a heredoc) are no path either: see {@link
   * #endsALine}.
   */
  private static int drive(String text, int from, int to) {
    for (int i = from + 1; i + 1 < to; i++) {
      char drive = text.charAt(i - 1);
      if (text.charAt(i) != ':' || text.charAt(i + 1) != '\\' || endsALine(text, from, i + 1, to)) {
        continue;
      }
      if (drive >= 'A'
          && drive <= 'Z'
          && (i - 1 == from || !isAsciiLetterOrDigit(text.charAt(i - 2)))) {
        return i - 1;
      }
      if (drive >= 'a' && drive <= 'z' && i - 1 == from && secondSegmentFollows(text, i + 2, to)) {
        return i - 1;
      }
    }
    return -1;
  }

  /**
   * Whether the escape at {@code at} (just after a drive's colon) is a line break that ends a line
   * of a multi-line string: "\n" or "\r" that ends the string, or in a string with another line
   * break escape. A path such as "C:\new" is one line of its own; a script that has a line ending
   * in "D:" has other lines, and doubling its backslashes would join them into one.
   */
  private static boolean endsALine(String text, int from, int at, int to) {
    char letter = text.charAt(at + 1);
    if (letter != 'n' && letter != 'r') {
      return false;
    }
    if (at + 2 >= to - 1) {
      return true; // the last characters of the string, before its closing quote
    }
    for (int i = from; i + 1 < to; i++) {
      if (text.charAt(i) == '\\') {
        char c = text.charAt(i + 1);
        if (i != at && (c == 'n' || c == 'r')) {
          return true;
        }
        i++; // the escaped character
      }
    }
    return false;
  }

  /** Whether a path segment without a colon, then another backslash, start at {@code from}. */
  private static boolean secondSegmentFollows(String text, int from, int to) {
    // from is past the drive's backslash; the segment's first character may be an escape letter.
    for (int i = from + 1; i < to - 1; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        return i > from + 1;
      }
      if (c == ':' || c == '"') {
        return false;
      }
    }
    return false;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
