package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading function arguments the way Go code does (whole numbers, grapheme clusters). */
final class Args {
  private Args() {}

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** What Go's cty says of a number that is no 64-bit whole number. */
  private static final String NOT_A_LONG =
      "value must be a whole number, between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;

  /** A whole number that fits in 64 bits, or the message Go's cty gives. */
  static long toLong(Value v, int argIndex) throws FunctionException {
    return toLong(v, argIndex, "");
  }

  /**
   * As {@link #toLong(Value, int)} with the message after {@code prefix}, as a function that reads
   * its argument itself words it (slice: {@code "invalid start index: "}).
   */
  static long toLong(Value v, int argIndex, String prefix) throws FunctionException {
    BigInteger i = longOrNull(v);
    if (i == null) {
      throw FunctionException.arg(argIndex, prefix + NOT_A_LONG);
    }
    return i.longValue();
  }

  /**
   * As {@link #toLong(Value, int)}, but the call fails rather than the argument: the functions
   * whose Go code converts a number argument in their body return a plain error, which HCL words
   * "Call to function … failed" (Packer 1.6.6: element, chunklist, substr, indent, cidrsubnet).
   */
  static long toLongInCall(Value v, String prefix) throws FunctionException {
    BigInteger i = longOrNull(v);
    if (i == null) {
      throw FunctionException.call(prefix + NOT_A_LONG);
    }
    return i.longValue();
  }

  /**
   * What Go's cty says of a number that a float64 cannot hold: its bounds are {@code
   * -math.MaxFloat64} and {@code math.MaxFloat64} written with Go's {@code %f}, every digit.
   */
  private static final String NOT_A_FLOAT64;

  static {
    String max = new BigDecimal(Double.MAX_VALUE).toPlainString() + ".000000";
    NOT_A_FLOAT64 = "value must be between -" + max + " and " + max + " inclusive";
  }

  /**
   * A number read as Go's float64, as cty's {@code gocty.FromCtyValue} reads it for {@code pow} and
   * {@code log}: rounded to the nearest float64, but a finite number that would round to an
   * infinity ({@code 1e400}) fails the call rather than becoming one, while an infinity itself
   * ({@code 1/0}) is read as it is. The call fails, not the argument, as the function's body
   * converts it (Packer 1.6.6: "Call to function "pow" failed: value must be between ...").
   */
  static double toFloat64InCall(Value v) throws FunctionException {
    BigFloat n = v.asNumber();
    double d = n.toDouble();
    if (Double.isInfinite(d) && !n.isInfinite()) {
      throw FunctionException.call(NOT_A_FLOAT64);
    }
    return d;
  }

  /** {@link #toLongInCall} for Go's {@code int} used as a count or index. */
  static int toIntInCall(Value v, String prefix) throws FunctionException {
    return clamp(toLongInCall(v, prefix));
  }

  private static BigInteger longOrNull(Value v) {
    BigFloat n = v.asNumber();
    BigInteger i = n.toBigInteger().orElse(null);
    if (i == null || i.compareTo(LONG_MIN) < 0 || i.compareTo(LONG_MAX) > 0) {
      return null;
    }
    return i;
  }

  /** As {@link #toLong} but for Go's {@code int} used as a count or index. */
  static int toInt(Value v, int argIndex) throws FunctionException {
    return clamp(toLong(v, argIndex));
  }

  /** {@link #toLong(Value, int, String)} for Go's {@code int}. */
  static int toInt(Value v, int argIndex, String prefix) throws FunctionException {
    return clamp(toLong(v, argIndex, prefix));
  }

  private static int clamp(long l) {
    if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
      // Far beyond anything a list here can hold; clamp so that range checks report it.
      return l > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    }
    return (int) l;
  }

  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  /** The user-perceived characters (extended grapheme clusters) of a string. */
  static List<String> graphemes(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = GRAPHEME.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean isGoSpace(int c) {
    switch (c) {
      case '\t':
      case '\n':
      case 0x0B:
      case '\f':
      case '\r':
      case ' ':
      case 0x85:
      case 0xA0:
      case 0x1680:
      case 0x2028:
      case 0x2029:
      case 0x202F:
      case 0x205F:
      case 0x3000:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200A;
    }
  }

  /** Go's {@code strings.TrimSpace}. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end) {
      int c = s.codePointAt(start);
      if (!isGoSpace(c)) {
        break;
      }
      start += Character.charCount(c);
    }
    while (end > start) {
      int c = s.codePointBefore(end);
      if (!isGoSpace(c)) {
        break;
      }
      end -= Character.charCount(c);
    }
    return s.substring(start, end);
  }

  static List<Value> strings(List<String> ss) {
    List<Value> out = new ArrayList<>(ss.size());
    for (String s : ss) {
      out.add(Value.string(s));
    }
    return out;
  }
}
