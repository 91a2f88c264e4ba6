package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.doc.DocScalar.Type;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The YAML 1.2 core schema for plain scalars (YAML 1.2.2, §10.3.2). Unlike YAML 1.1 (and
 * SnakeYAML's default resolver), {@code yes}, {@code no}, {@code on}, {@code off} and {@code y} are
 * strings, and {@code 0o17} and {@code 0x1F} are the only non-decimal integers.
 */
final class CoreSchema {
  private CoreSchema() {}

  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> BOOLS =
      Set.of("true", "True", "TRUE", "false", "False", "FALSE");
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(inf|Inf|INF)"
              + "|\\.(nan|NaN|NAN)");

  /** The type of an untagged plain scalar. */
  static Type resolvePlain(String value) {
    if (isNull(value)) {
      return Type.NULL;
    }
    if (isBool(value)) {
      return Type.BOOLEAN;
    }
    if (isInt(value) || isFloat(value)) {
      return Type.NUMBER;
    }
    return Type.STRING;
  }

  static boolean isNull(String value) {
    return NULLS.contains(value);
  }

  static boolean isBool(String value) {
    return BOOLS.contains(value);
  }

  static boolean isInt(String value) {
    return mayBeNumber(value) && INT.matcher(value).matches();
  }

  /** Floats include the integer forms of the float pattern, infinities and not-a-number. */
  static boolean isFloat(String value) {
    return mayBeNumber(value) && FLOAT.matcher(value).matches();
  }

  /** A cheap test that spares most plain strings the regular expressions. */
  private static boolean mayBeNumber(String value) {
    if (value.isEmpty() || value.length() > MAX_NUMBER_LENGTH) {
      return false;
    }
    char c = value.charAt(0);
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
  }

  /** Longer digit runs are strings: no template needs them, and they keep matching cheap. */
  private static final int MAX_NUMBER_LENGTH = 1000;
}
