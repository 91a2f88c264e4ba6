package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.source.Range;
import java.util.Locale;

/** Small wording helpers shared by the JSON and YAML readers, so both speak alike. */
final class Words {
  private Words() {}

  private static final int MAX_QUOTED = 60;

  /**
   * The warning for a string or key at {@code range} that escaped a lone surrogate, replaced by
   * U+FFFD ({@link io.github.packer2aib.core.source.LoneSurrogates}).
   */
  static Diagnostic loneSurrogate(SyntaxCode code, Range range, String path) {
    return Diagnostic.of(
            code,
            range,
            "This string escapes one half of a UTF-16 surrogate pair without the other (such as"
                + " \\ud800), which no UTF-8 file can hold: it was replaced by U+FFFD"
                + (code == SyntaxCode.JSON_LONE_SURROGATE ? ", as Packer's JSON reader does" : "")
                + ". Escape both halves of the pair (\\ud83d\\ude00 for an emoji) or write the"
                + " character itself.")
        .withPath(path);
  }

  /** A value in double quotes for a message, with control characters escaped and long text cut. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    int count = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (++count > MAX_QUOTED) {
        out.append("…");
        break;
      }
      if (cp == '"' || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
        out.append(String.format(Locale.ROOT, "\\u%04X", cp));
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.append('"').toString();
  }

  /**
   * How to name one character in a message: {@code "@"}, or {@code the control character U+0001}.
   */
  static String character(int cp) {
    if (cp == '\t') {
      return "a tab character (U+0009)";
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || Character.isSurrogate((char) cp)) {
      return "the control character " + codePoint(cp);
    }
    if (Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT) {
      return "the invisible character " + codePoint(cp);
    }
    return "\"" + new String(Character.toChars(cp)) + "\"";
  }

  static String codePoint(int cp) {
    return String.format(Locale.ROOT, "U+%04X", cp);
  }

  /** The diagnostic for a key that appears twice in one object or mapping. */
  static Diagnostic duplicateKey(
      SyntaxCode code, String container, String key, Range duplicate, Range first, String path) {
    String where = first == null ? "earlier" : "at " + first;
    Diagnostic d =
        Diagnostic.of(
                code,
                duplicate,
                "The key "
                    + quote(key)
                    + " was already defined "
                    + where
                    + ". Each key may appear only once in "
                    + container
                    + ": remove one of them or rename it.")
            .withPath(path);
    return first == null ? d : d.withRelated(new Related(first, "first defined here"));
  }
}
