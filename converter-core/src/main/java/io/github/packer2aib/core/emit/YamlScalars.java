package io.github.packer2aib.core.emit;

import io.github.packer2aib.core.source.LoneSurrogates;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which strings may be written as plain YAML scalars, and which multi-line strings a literal block
 * ({@code |}) reproduces exactly. A plain scalar must read back as the same string under YAML 1.2
 * (core schema) and YAML 1.1 (PyYAML, SnakeYAML 1.x, Go yaml.v2 — what many Azure tools use), so
 * anything either could resolve to a boolean, null, number or timestamp is quoted, as is anything
 * whose characters change how the line parses.
 */
final class YamlScalars {
  private YamlScalars() {}

  /** YAML 1.1 booleans and nulls, YAML 1.2 core booleans and nulls, 1.1 merge and value keys. */
  private static final Set<String> RESERVED =
      Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "<<", "=");

  /**
   * Numbers of either version: decimal, with underscores, sexagesimal ({@code 1:30}), with a
   * leading dot, with an exponent; binary, octal and hexadecimal; infinities and NaN.
   */
  private static final Pattern NUMBER =
      Pattern.compile(
          "[-+]?(?:[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\\.[0-9_.]*)?|\\.[0-9_.]*)(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?0[bBoOxX][0-9a-fA-F_]+"
              + "|[-+]?\\.(?:inf|nan)",
          Pattern.CASE_INSENSITIVE);

  /** YAML 1.1 timestamps: a date, optionally followed by a time. */
  private static final Pattern TIMESTAMP =
      Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \\t].*)?", Pattern.DOTALL);

  /** Characters that start a YAML construct when they open a scalar. */
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  /** True when {@code s} must be quoted to read back as this string (single-line strings). */
  static boolean needsQuotes(String s) {
    if (s.isEmpty()) {
      return true;
    }
    if (RESERVED.contains(s.toLowerCase(Locale.ROOT))
        || NUMBER.matcher(s).matches()
        || TIMESTAMP.matcher(s).matches()) {
      return true;
    }
    char first = s.charAt(0);
    char last = s.charAt(s.length() - 1);
    if (INDICATORS.indexOf(first) >= 0 || isBlank(first) || isBlank(last) || last == ':') {
      return true;
    }
    if (s.contains(": ") || s.contains(":\t") || s.indexOf('#') >= 0) {
      return true;
    }
    // Document markers at the start of a line end or start a document in a stream.
    if (s.startsWith("---") || s.startsWith("...")) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isPlainSafe(s.charAt(i)) || LoneSurrogates.isLone(s, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a literal block scalar reads back as exactly {@code s}: it has a line break, every
   * other character is printable and no tab, no line ends in blanks (editors strip them and the
   * emitter refuses them), it has no carriage return or Unicode line separator (readers normalise
   * line breaks), and it does not end in more than one line break (a keep-chomping {@code |+} block
   * would leave the blank lines at the end of a document, where tools strip them).
   */
  static boolean literalBlockIsExact(String s) {
    if (s.indexOf('\n') < 0 || s.endsWith("\n\n")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        if (i > 0 && isBlank(s.charAt(i - 1))) {
          return false;
        }
      } else if (!isPlainSafe(c) || LoneSurrogates.isLone(s, i)) {
        return false;
      }
    }
    return !isBlank(s.charAt(s.length() - 1));
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /**
   * Characters that need no escape: printable ASCII and Unicode except C1 controls, NEL/line and
   * paragraph separators (line breaks to YAML 1.1, not to 1.2), the BOM and non-characters.
   * Surrogate pairs are fine; a lone surrogate is not. Tabs are written as {@code \t}: SnakeYAML's
   * emitter escapes them anyway, and a tab in a plain scalar is easily mistaken for indentation.
   */
  private static boolean isPlainSafe(char c) {
    if (c < 0x20 || c == 0x7F) {
      return false;
    }
    if (c >= 0x80 && c <= 0x9F) {
      return false;
    }
    return c != 0x2028 && c != 0x2029 && c != 0xFEFF && c != 0xFFFE && c != 0xFFFF;
  }
}
