package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.source.LoneSurrogates;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;

/**
 * Maps offsets inside a string's decoded value back to offsets in the file, so an error in a {@code
 * {{ }}} expression points at its column even when the string was written with escapes ({@code \"},
 * {@code \n}, {@code \u00e9}) or, in YAML, quoted, folded or as a block scalar.
 *
 * <p>JSON strings are mapped exactly, also where the reader replaced half of a surrogate pair by
 * U+FFFD. YAML scalars are aligned: every character of the value that is not whitespace must match
 * the same character in the text, in order (escapes of double-quoted scalars and {@code ''} of
 * single-quoted ones are decoded on the way), while whitespace that YAML folds or strips is
 * skipped. When the alignment fails — an alias, a tag we do not read, anything unexpected — there
 * is no map, and callers fall back to the string's whole range.
 */
final class StringOffsets {
  private StringOffsets() {}

  /**
   * For each index {@code i} of {@code value} (and {@code value.length()}), the file offset where
   * that character is written; null when the string cannot be mapped.
   *
   * @param range where the string literal stands in the file (quotes included)
   */
  static int[] map(SourceFile file, Range range, String value, boolean yaml) {
    if (range == null || !range.file().equals(file.name())) {
      return null;
    }
    String raw = file.text();
    int start = range.startOffset();
    int end = Math.min(raw.length(), range.endOffset());
    if (start >= end) {
      return null;
    }
    return yaml ? yaml(raw, start, end, value) : json(raw, start, end, value);
  }

  /** The file range of a span of the value, or the whole string's range when unmapped. */
  static Range range(SourceFile file, Range whole, int[] map, int spanStart, int spanEnd) {
    if (map == null) {
      return whole;
    }
    int s = map[Math.min(spanStart, map.length - 1)];
    int e = map[Math.min(spanEnd, map.length - 1)];
    return file.range(s, Math.max(s, e));
  }

  // ------------------------------------------------------------------ JSON

  private static int[] json(String raw, int start, int end, String value) {
    if (raw.charAt(start) != '"') {
      return null;
    }
    int[] map = new int[value.length() + 1];
    int j = start + 1;
    for (int k = 0; k < value.length(); k++) {
      if (j >= end) {
        return null;
      }
      map[k] = j;
      char c = raw.charAt(j);
      char decoded;
      if (c == '\\') {
        if (j + 1 >= end) {
          return null;
        }
        char e = raw.charAt(j + 1);
        if (e == 'u') {
          if (j + 6 > end) {
            return null;
          }
          try {
            decoded = (char) Integer.parseInt(raw.substring(j + 2, j + 6), 16);
          } catch (NumberFormatException ex) {
            return null;
          }
          j += 6;
        } else {
          decoded = jsonEscape(e);
          j += 2;
        }
      } else {
        decoded = c;
        j++;
      }
      if (!sameUnit(decoded, value.charAt(k))) {
        return null;
      }
    }
    map[value.length()] = j;
    return map;
  }

  /**
   * Whether the unit the text spells is the value's: the same unit, or U+FFFD for half of a
   * surrogate pair (the JSON and YAML readers replace a lone one, {@link LoneSurrogates}; a half
   * with its other half beside it is kept, so a replacement stands for a lone one).
   */
  private static boolean sameUnit(char spelled, char inValue) {
    return spelled == inValue || (inValue == '\uFFFD' && Character.isSurrogate(spelled));
  }

  private static char jsonEscape(char e) {
    switch (e) {
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      default:
        return e; // \" \\ \/
    }
  }

  // ------------------------------------------------------------------ YAML

  private static int[] yaml(String raw, int start, int end, String value) {
    int j = skipProperties(raw, start, end);
    if (j >= end) {
      return null;
    }
    char first = raw.charAt(j);
    boolean doubleQuoted = first == '"';
    boolean singleQuoted = first == '\'';
    if (doubleQuoted || singleQuoted) {
      j++;
    } else if (first == '|' || first == '>') {
      // A block scalar's content starts on the line after its header.
      while (j < end && raw.charAt(j) != '\n' && raw.charAt(j) != '\r') {
        j++;
      }
    }
    int[] map = new int[value.length() + 1];
    int k = 0;
    while (k < value.length()) {
      char c = value.charAt(k);
      if (j >= end) {
        // A block scalar's range ends at its last character; the line breaks it keeps are after.
        if (!isWhite(c)) {
          return null;
        }
        map[k++] = end;
        continue;
      }
      char r = raw.charAt(j);
      if (doubleQuoted && r == '\\') {
        int consumed = yamlEscape(raw, j, end, value, k, map);
        if (consumed < 0) {
          return null;
        }
        j = consumed;
        k = nextUnmapped(map, k, value.length());
        continue;
      }
      if (singleQuoted && r == '\'' && j + 1 < end && raw.charAt(j + 1) == '\'') {
        if (c != '\'') {
          return null;
        }
        map[k++] = j;
        j += 2;
        continue;
      }
      if (c == r && !isBreak(r)) {
        map[k++] = j;
        j++;
        continue;
      }
      if (isWhite(c) && isWhite(r)) {
        // Folded or stripped whitespace: the value's whitespace comes from this run of the text.
        map[k++] = j;
        while (k < value.length() && isWhite(value.charAt(k))) {
          map[k++] = j;
        }
        j = skipWhite(raw, j, end);
        continue;
      }
      if (isWhite(r)) {
        // Indentation or a line break the value does not keep.
        j = skipWhite(raw, j, end);
        continue;
      }
      return null;
    }
    map[value.length()] = j;
    return map;
  }

  /** The first slot at or after {@code k} that no escape has filled (escapes never map to 0). */
  private static int nextUnmapped(int[] map, int k, int length) {
    int i = k;
    while (i < length && map[i] != 0) {
      i++;
    }
    return i;
  }

  /**
   * Decodes one escape of a double-quoted scalar at {@code j}, mapping the characters it produces
   * to {@code j}. Returns the text offset after it, or -1 when it does not match the value. An
   * escaped line break produces nothing.
   */
  private static int yamlEscape(String raw, int j, int end, String value, int k, int[] map) {
    if (j + 1 >= end) {
      return -1;
    }
    char e = raw.charAt(j + 1);
    if (isBreak(e)) {
      int i = j + 1;
      if (e == '\r' && i + 1 < end && raw.charAt(i + 1) == '\n') {
        i++;
      }
      i++;
      while (i < end && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
        i++;
      }
      return i;
    }
    String produced;
    int length;
    switch (e) {
      case 'x':
        produced = codePoint(raw, j + 2, 2, end);
        length = 4;
        break;
      case 'u':
        produced = codePoint(raw, j + 2, 4, end);
        length = 6;
        break;
      case 'U':
        produced = codePoint(raw, j + 2, 8, end);
        length = 10;
        break;
      default:
        produced = simpleYamlEscape(e);
        length = 2;
    }
    if (produced == null || !spells(produced, value, k)) {
      return -1;
    }
    for (int i = 0; i < produced.length(); i++) {
      map[k + i] = j;
    }
    return j + length;
  }

  /** Whether {@code value} holds what {@code produced} spells at {@code k} ({@link #sameUnit}). */
  private static boolean spells(String produced, String value, int k) {
    if (k + produced.length() > value.length()) {
      return false;
    }
    for (int i = 0; i < produced.length(); i++) {
      if (!sameUnit(produced.charAt(i), value.charAt(k + i))) {
        return false;
      }
    }
    return true;
  }

  private static String codePoint(String raw, int from, int digits, int end) {
    if (from + digits > end) {
      return null;
    }
    try {
      int cp = Integer.parseInt(raw.substring(from, from + digits), 16);
      return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  private static String simpleYamlEscape(char e) {
    switch (e) {
      case '0':
        return "\0";
      case 'a':
        return "\u0007";
      case 'b':
        return "\b";
      case 't':
      case '\t':
        return "\t";
      case 'n':
        return "\n";
      case 'v':
        return "\u000b";
      case 'f':
        return "\f";
      case 'r':
        return "\r";
      case 'e':
        return "\u001b";
      case ' ':
        return " ";
      case '"':
        return "\"";
      case '/':
        return "/";
      case '\\':
        return "\\";
      case 'N':
        return "\u0085";
      case '_':
        return "\u00a0";
      case 'L':
        return "\u2028";
      case 'P':
        return "\u2029";
      default:
        return null;
    }
  }

  /** Skips whitespace and line breaks of the text. */
  private static int skipWhite(String raw, int j, int end) {
    int i = j;
    while (i < end && isWhite(raw.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Skips a YAML tag ({@code !!str}) and anchor ({@code &name}) before the scalar itself. */
  private static int skipProperties(String raw, int start, int end) {
    int j = start;
    while (j < end && (raw.charAt(j) == '!' || raw.charAt(j) == '&')) {
      while (j < end && !isWhite(raw.charAt(j))) {
        j++;
      }
      while (j < end && isWhite(raw.charAt(j))) {
        j++;
      }
    }
    return j;
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r';
  }

  private static boolean isWhite(char c) {
    return c == ' ' || c == '\t' || isBreak(c);
  }
}
