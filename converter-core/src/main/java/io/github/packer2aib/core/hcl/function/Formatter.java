package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code format} function's little language, as cty implements it on top of Go's {@code fmt}:
 * {@code %%}, flags {@code -+# 0}, width, {@code .precision}, explicit argument index {@code [n]},
 * verbs {@code v t b d o x X e E f F g G s q}. {@code %v} prints strings as they are, numbers as
 * Go's shortest {@code %g} ({@code 1e+06}), bools as strings, null as {@code null} and anything
 * else as JSON; {@code %#v} always JSON; both are padded to the width (with zeros under the 0 flag,
 * even on the right with {@code -}) and ignore precision. {@code %s} and {@code %q} keep the first
 * precision grapheme clusters (a precision of 0 keeps all) and pad likewise; {@code %q} writes the
 * string as JSON ({@code "\u003c"} for {@code <}), not as Go's {@code %q}. Widths count grapheme
 * clusters. {@code %t} ignores width and precision (as Packer does).
 */
final class Formatter {
  private Formatter() {}

  /** Formats; {@code argBase} is the index of the first format argument among the call's. */
  static String format(String spec, List<Value> args, int argBase) throws FunctionException {
    StringBuilder out = new StringBuilder();
    int argNext = 0;
    int maxUsed = 0;
    int n = spec.length();
    int i = 0;
    while (i < n) {
      char c = spec.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      int verbStart = i;
      i++;
      if (i >= n) {
        throw FunctionException.call(
            "invalid format string starting at offset " + byteOffset(spec, i));
      }
      if (spec.charAt(i) == '%') {
        out.append('%');
        i++;
        continue;
      }
      boolean minus = false;
      boolean plus = false;
      boolean sharp = false;
      boolean zero = false;
      boolean space = false;
      flags:
      while (i < n) {
        switch (spec.charAt(i)) {
          case '-':
            minus = true;
            break;
          case '+':
            plus = true;
            break;
          case '#':
            sharp = true;
            break;
          case '0':
            zero = true;
            break;
          case ' ':
            space = true;
            break;
          default:
            break flags;
        }
        i++;
      }
      int width = -1;
      int precision = -1;
      int start = i;
      while (i < n && Character.isDigit(spec.charAt(i))) {
        i++;
      }
      if (i > start) {
        width = parseLength(spec.substring(start, i));
      }
      if (i < n && spec.charAt(i) == '.') {
        i++;
        start = i;
        while (i < n && Character.isDigit(spec.charAt(i))) {
          i++;
        }
        precision = i > start ? parseLength(spec.substring(start, i)) : 0;
      }
      if (i < n && spec.charAt(i) == '[') {
        int close = spec.indexOf(']', i);
        int digitsStart = i + 1;
        int k = digitsStart;
        while (k < n && Character.isDigit(spec.charAt(k))) {
          k++;
        }
        if (k == digitsStart || spec.charAt(digitsStart) == '0' || close != k) {
          int bad = k < n ? k : n;
          if (k > digitsStart && spec.charAt(digitsStart) == '0') {
            bad = digitsStart;
          }
          if (bad >= n) {
            throw FunctionException.call(
                "invalid format string starting at offset " + byteOffset(spec, bad));
          }
          throw unrecognized(spec, bad);
        }
        int idx = parseSmall(spec.substring(digitsStart, close));
        argNext = idx - 1;
        i = close + 1;
      }
      if (i >= n) {
        throw FunctionException.call(
            "invalid format string starting at offset " + byteOffset(spec, i));
      }
      int verb = spec.codePointAt(i);
      if (!Character.isLetter(verb)) {
        throw unrecognized(spec, i);
      }
      i += Character.charCount(verb);
      String verbText = spec.substring(verbStart, i);
      // The verb's offset (in bytes, as Go counts) is worked out only for an error: counting it
      // for every verb cost the length of the text before it, so a format of n verbs took n²
      // (200,000 verbs took a minute).
      if ("vtbdoxXeEfFgGsq".indexOf(verb) < 0) {
        throw FunctionException.call(
            "unsupported format verb '"
                + new String(Character.toChars(verb))
                + "' in \""
                + verbText
                + "\" at offset "
                + byteOffset(spec, verbStart));
      }
      if (argNext >= args.size()) {
        throw FunctionException.call(
            "not enough arguments for \""
                + verbText
                + "\" at "
                + byteOffset(spec, verbStart)
                + ": need index "
                + (argNext + 1)
                + " but have "
                + args.size()
                + " total");
      }
      Value arg = args.get(argNext);
      argNext++;
      maxUsed = Math.max(maxUsed, argNext);
      Spec s =
          new Spec(
              minus,
              plus,
              sharp,
              zero,
              space,
              width,
              precision,
              (char) verb,
              verbText,
              spec,
              verbStart);
      out.append(formatOne(s, arg));
      if (out.length() > MAX_LENGTH) {
        throw tooLong(out.length());
      }
    }
    if (maxUsed < args.size()) {
      throw FunctionException.arg(
          argBase + maxUsed,
          maxUsed == 0
              ? "too many arguments; no verbs in format string"
              : "too many arguments; only " + maxUsed + " used by format string");
    }
    return out.toString();
  }

  private static FunctionException unrecognized(String spec, int at) {
    int c = spec.codePointAt(at);
    return FunctionException.call(
        "unrecognized format character '"
            + new String(Character.toChars(c))
            + "' at offset "
            + byteOffset(spec, at));
  }

  /**
   * The longest string a value may hold (16 MiB, as {@code file} reads). Widths and precisions are
   * honoured up to this, as Go honours them, and a result that grows past it is an error: a short
   * format cannot ask for gigabytes, and none is cut short without a word (they were capped at
   * 10,000, so {@code format("%015000d", 0)} gave 10,000 zeros).
   */
  static final int MAX_LENGTH = FileFunctions.MAX_FILE;

  /** A width or precision: up to {@link #MAX_LENGTH}, else an error. */
  private static int parseLength(String digits) throws FunctionException {
    if (digits.length() <= 9) {
      int n = Integer.parseInt(digits);
      if (n <= MAX_LENGTH) {
        return n;
      }
    }
    throw FunctionException.call(
        "the width or precision "
            + Excerpts.cut(digits.replaceFirst("^0+(?=.)", ""), 20)
            + " is more than the "
            + String.format(Locale.ROOT, "%,d", MAX_LENGTH)
            + " characters a string may hold");
  }

  static FunctionException tooLong(long length) {
    return FunctionException.call(
        String.format(
            Locale.ROOT,
            "the result would be %,d characters long, more than the %,d a string may hold",
            length,
            MAX_LENGTH));
  }

  /** A list of strings that would hold {@code length} characters, more than a value may. */
  static FunctionException tooLongList(long length) {
    return FunctionException.call(
        String.format(
            Locale.ROOT,
            "the strings of the result would hold more than %,d characters together, more than"
                + " the %,d a value may hold",
            length,
            MAX_LENGTH));
  }

  /** Explicit argument indexes past any call's arguments are all the same. */
  static final int MAX_WIDTH = 10_000;

  private static int parseSmall(String digits) {
    try {
      return Math.min(Integer.parseInt(digits), MAX_WIDTH);
    } catch (NumberFormatException e) {
      return MAX_WIDTH;
    }
  }

  static int byteOffset(String s, int charIndex) {
    return s.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
  }

  private record Spec(
      boolean minus,
      boolean plus,
      boolean sharp,
      boolean zero,
      boolean space,
      int width,
      int precision,
      char verb,
      String text,
      String format,
      int start) {

    /** {@code start} is the verb's index in {@code format}; the error gives it in bytes. */
    FunctionException unsupported(String why) {
      return FunctionException.call(
          "unsupported value for \"" + text + "\" at " + byteOffset(format, start) + ": " + why);
    }
  }

  private static String formatOne(Spec s, Value arg) throws FunctionException {
    if (s.verb() == 'v') {
      String text;
      if (s.sharp() || arg.isNull()) {
        text = Json.encode(arg);
      } else if (arg.type().equals(Type.STRING)) {
        text = arg.asString();
      } else if (arg.type().equals(Type.NUMBER)) {
        text = shortestGeneral(arg.asNumber());
      } else {
        text = Json.encode(arg);
      }
      return padWidth(text, s);
    }
    if (arg.isNull()) {
      throw s.unsupported("null value cannot be formatted");
    }
    switch (s.verb()) {
      case 't':
        {
          Convert.Result r = Convert.to(arg, Type.BOOL);
          if (!r.isOk()) {
            throw s.unsupported(((Convert.Failed) r).error().toString());
          }
          return r.value().asBoolean() ? "true" : "false";
        }
      case 's':
      case 'q':
        {
          Convert.Result r = Convert.to(arg, Type.STRING);
          if (!r.isOk()) {
            throw s.unsupported(((Convert.Failed) r).error().toString());
          }
          String str = r.value().asString();
          // cty truncates only for a precision above 0 (%.0s prints the whole string), counting
          // grapheme clusters; %q then writes the string as JSON (Go's json.Marshal), not as Go's
          // %q would quote it.
          if (s.precision() > 0) {
            str = truncateGraphemes(str, s.precision());
          }
          if (s.verb() == 'q') {
            StringBuilder quoted = new StringBuilder(str.length() + 2);
            Json.string(str, quoted);
            str = quoted.toString();
          }
          return padWidth(str, s);
        }
      default:
        break;
    }
    Convert.Result r = Convert.to(arg, Type.NUMBER);
    if (!r.isOk()) {
      throw s.unsupported(((Convert.Failed) r).error().toString());
    }
    BigFloat num = r.value().asNumber();
    switch (s.verb()) {
      case 'b':
      case 'd':
      case 'o':
      case 'x':
      case 'X':
        {
          BigInteger bi = num.toBigInteger().orElse(null);
          if (bi == null) {
            throw s.unsupported("an integer is required");
          }
          return integer(bi, s);
        }
      default:
        return floating(num, s);
    }
  }

  /**
   * Extended grapheme clusters (UAX #29) as cty counts them with go-textseg: Java's {@code \X} (not
   * java.text.BreakIterator, which on Java 17 splits emoji modifier, ZWJ and flag sequences).
   */
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private static String truncateGraphemes(String s, int clusters) {
    if (s.length() <= clusters) {
      return s;
    }
    Matcher m = GRAPHEME.matcher(s);
    int end = 0;
    for (int n = 0; n < clusters && m.find(); n++) {
      end = m.end();
    }
    return s.substring(0, end);
  }

  /** The number of grapheme clusters in {@code s}, counting no further than {@code limit}. */
  private static int graphemes(String s, int limit) {
    Matcher m = GRAPHEME.matcher(s);
    int n = 0;
    while (n < limit && m.find()) {
      n++;
    }
    return n;
  }

  /**
   * cty's formatPadWidth, used by {@code %v}, {@code %s} and {@code %q}: pads to the width, counted
   * in grapheme clusters, with zeros when the 0 flag is set (on the left, or on the right with
   * {@code -}), else with spaces.
   */
  private static String padWidth(String body, Spec s) {
    if (s.width() <= 0) {
      return body;
    }
    int len = graphemes(body, s.width());
    if (s.width() <= len) {
      return body;
    }
    String fill = repeat(s.zero() ? '0' : ' ', s.width() - len);
    return s.minus() ? body + fill : fill + body;
  }

  /**
   * A number as {@code %v} prints it: big.Float's {@code Text('g', -1)}, Go's shortest {@code %g}
   * (exponent form when the decimal exponent is below -4 or at least 6: {@code 1e+06}, {@code
   * 2.0240101e+07}, {@code 1e-05}); infinities are {@code +Inf} and {@code -Inf}.
   */
  static String shortestGeneral(BigFloat num) {
    if (num.isInfinite()) {
      return num.signum() < 0 ? "-Inf" : "+Inf";
    }
    boolean negative = num.signum() < 0 || num.toString().startsWith("-");
    Spec g = new Spec(false, false, false, false, false, -1, -1, 'g', "%g", "%g", 0);
    return (negative ? "-" : "") + general(num.abs(), num.toBigDecimal().abs(), g);
  }

  private static String repeat(char c, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(c);
    }
    return sb.toString();
  }

  private static String sign(boolean negative, Spec s) {
    if (negative) {
      return "-";
    }
    if (s.plus()) {
      return "+";
    }
    return s.space() ? " " : "";
  }

  /** Pads a number: zeros go between the sign/prefix and the digits. */
  private static String padNumber(String prefix, String digits, Spec s, boolean allowZero) {
    int len = prefix.length() + digits.length();
    if (s.width() <= len) {
      return prefix + digits;
    }
    int fill = s.width() - len;
    if (s.minus()) {
      return prefix + digits + repeat(' ', fill);
    }
    if (s.zero() && allowZero) {
      return prefix + repeat('0', fill) + digits;
    }
    return repeat(' ', fill) + prefix + digits;
  }

  private static String integer(BigInteger v, Spec s) {
    boolean negative = v.signum() < 0;
    BigInteger a = v.abs();
    String digits;
    String prefix = "";
    switch (s.verb()) {
      case 'b':
        digits = a.toString(2);
        if (s.sharp()) {
          prefix = "0b";
        }
        break;
      case 'o':
        digits = a.toString(8);
        if (s.sharp() && !digits.startsWith("0")) {
          prefix = "0";
        }
        break;
      case 'x':
        digits = a.toString(16);
        if (s.sharp()) {
          prefix = "0x";
        }
        break;
      case 'X':
        digits = a.toString(16).toUpperCase(java.util.Locale.ROOT);
        if (s.sharp()) {
          prefix = "0X";
        }
        break;
      default:
        digits = a.toString();
    }
    if (s.precision() >= 0) {
      if (s.precision() == 0 && a.signum() == 0) {
        digits = "";
      }
      if (digits.length() < s.precision()) {
        digits = repeat('0', s.precision() - digits.length()) + digits;
      }
    }
    return padNumber(sign(negative, s) + prefix, digits, s, s.precision() < 0);
  }

  private static String floating(BigFloat num, Spec s) {
    if (num.isInfinite()) {
      // Go's big.Float prints +Inf with its sign whatever the flags (a space with the space flag).
      return padNumber(num.signum() < 0 ? "-" : s.space() ? " " : "+", "Inf", s, false);
    }
    boolean negative = num.signum() < 0 || num.toString().startsWith("-");
    BigDecimal a = num.toBigDecimal().abs();
    String body;
    switch (s.verb()) {
      case 'e':
      case 'E':
        body = exponent(a, s.precision() < 0 ? 6 : s.precision(), s.verb() == 'E', s.sharp());
        break;
      case 'f':
      case 'F':
        body = fixed(a, s.precision() < 0 ? 6 : s.precision(), s.sharp());
        break;
      default:
        body = general(num.abs(), a, s);
    }
    return padNumber(sign(negative, s), body, s, true);
  }

  static String fixed(BigDecimal a, int precision, boolean sharp) {
    String r = plain(a, precision);
    if (sharp && precision == 0) {
      r += ".";
    }
    return r;
  }

  static String exponent(BigDecimal a, int precision, boolean upper, boolean sharp) {
    String mant;
    int exp;
    if (a.signum() == 0) {
      mant = precision > 0 ? "0." + repeat('0', precision) : "0";
      exp = 0;
    } else {
      BigDecimal r = a.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
      exp = r.precision() - r.scale() - 1;
      mant = plain(r.movePointLeft(exp), precision);
    }
    if (sharp && precision == 0) {
      mant += ".";
    }
    return mant + expSuffix(exp, upper);
  }

  /**
   * {@code a} with {@code scale} digits after the point, as {@code setScale(scale, HALF_EVEN)}
   * writes it; more digits than {@code a} has are zeros appended to its text, since setScale
   * multiplies by a power of ten that takes long to compute for a precision of millions.
   */
  private static String plain(BigDecimal a, int scale) {
    if (scale <= a.scale() || scale <= 0) {
      return a.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }
    BigDecimal whole = a.scale() < 0 ? a.setScale(0) : a;
    String text = whole.toPlainString();
    return text + (whole.scale() == 0 ? "." : "") + repeat('0', scale - whole.scale());
  }

  private static String expSuffix(int exp, boolean upper) {
    String digits = Integer.toString(Math.abs(exp));
    if (digits.length() < 2) {
      digits = "0" + digits;
    }
    return (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + digits;
  }

  /** Go's %g on big floats: shortest digits (or {@code precision} significant ones). */
  private static String general(BigFloat abs, BigDecimal a, Spec s) {
    boolean upper = s.verb() == 'G';
    String digits;
    int decExp; // position of the decimal point relative to the digits (Go's d.exp)
    boolean shortest = s.precision() < 0;
    if (a.signum() == 0) {
      digits = "0";
      decExp = 1;
    } else {
      BigDecimal d;
      if (shortest) {
        d = new BigDecimal(abs.toString());
      } else {
        d = a.round(new MathContext(Math.max(1, s.precision()), RoundingMode.HALF_EVEN));
      }
      d = d.stripTrailingZeros();
      digits = d.unscaledValue().toString();
      decExp = d.precision() - d.scale();
    }
    int prec = shortest ? digits.length() : Math.max(1, s.precision());
    int eprec = prec;
    if (eprec > digits.length() && digits.length() >= decExp) {
      eprec = digits.length();
    }
    if (shortest) {
      eprec = 6;
    }
    int exp = decExp - 1;
    if (exp < -4 || exp >= eprec) {
      int p = shortest ? digits.length() - 1 : prec - 1;
      if (!s.sharp()) {
        p = Math.min(p, digits.length() - 1);
      }
      String mant = digits.substring(0, 1);
      String frac = digits.substring(1);
      if (frac.length() < p) {
        frac = frac + repeat('0', p - frac.length());
      }
      return mant + (p > 0 ? "." + frac.substring(0, p) : "") + expSuffix(exp, upper);
    }
    int fracDigits = shortest ? Math.max(digits.length() - decExp, 0) : Math.max(prec - decExp, 0);
    if (!s.sharp()) {
      fracDigits = Math.min(fracDigits, Math.max(digits.length() - decExp, 0));
    }
    return new BigDecimal(new BigInteger(digits), digits.length() - decExp)
        .setScale(fracDigits, RoundingMode.HALF_EVEN)
        .toPlainString();
  }
}
