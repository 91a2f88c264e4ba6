package io.github.packer2aib.core.hcl.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A binary floating-point number with a per-value precision, behaving like the arbitrary-precision
 * floats that HCL's number type is built on (Go's {@code math/big.Float}, round to nearest even).
 *
 * <p>Why not a plain {@link BigDecimal}: Packer prints {@code 10/3} as a 155-digit decimal and
 * {@code pow(2, 0.5)} as {@code 1.4142135623730951}; both come from binary rounding at a precision
 * that depends on where the number came from. Emulating that exactly is what makes our output
 * byte-identical to Packer's. The precisions in use: {@link #LITERAL_PRECISION} (512 bits) for
 * numbers parsed from text (literals, {@code tonumber}, {@code jsondecode}), {@link #INT_PRECISION}
 * (64) for counts such as {@code length()}, {@link #DOUBLE_PRECISION} (53) for results of {@code
 * pow} and {@code log}. An arithmetic result takes the larger precision of its operands, as Go
 * does.
 *
 * <p>Value: {@code mantissa * 2^exponent}; the mantissa is stored without trailing zero bits (so
 * equal values have equal fields) and has at most {@code precision} bits. Zero keeps a sign, as in
 * Go ({@code -0.0} prints {@code -0}). Infinities exist ({@code 1/0} in Packer 1.6.6); NaN does not
 * (operations that would produce it throw {@link ArithmeticException}).
 */
public final class BigFloat implements Comparable<BigFloat> {
  public static final int LITERAL_PRECISION = 512;
  public static final int INT_PRECISION = 64;
  public static final int DOUBLE_PRECISION = 53;

  /**
   * Numbers whose decimal exponent is beyond this are refused when parsed: Go could hold them, but
   * computing them exactly would let a tiny input (say {@code 1e999999999}) take unbounded time.
   */
  public static final int MAX_DECIMAL_EXPONENT = 10_000;

  private enum Kind {
    FINITE,
    POSITIVE_INFINITY,
    NEGATIVE_INFINITY
  }

  public static final BigFloat ZERO =
      new BigFloat(Kind.FINITE, BigInteger.ZERO, 0, INT_PRECISION, false);
  public static final BigFloat POSITIVE_INFINITY =
      new BigFloat(Kind.POSITIVE_INFINITY, BigInteger.ZERO, 0, LITERAL_PRECISION, false);
  public static final BigFloat NEGATIVE_INFINITY =
      new BigFloat(Kind.NEGATIVE_INFINITY, BigInteger.ZERO, 0, LITERAL_PRECISION, true);

  private final Kind kind;
  private final BigInteger mantissa; // signed; zero for zero and infinities
  private final int exponent;
  private final int precision;
  private final boolean negativeZero;

  private BigFloat(
      Kind kind, BigInteger mantissa, int exponent, int precision, boolean negativeZero) {
    this.kind = kind;
    this.mantissa = mantissa;
    this.exponent = exponent;
    this.precision = precision;
    this.negativeZero = negativeZero;
  }

  // ---------------------------------------------------------------- construction

  public static BigFloat of(long v) {
    return round(BigInteger.valueOf(v), 0, INT_PRECISION, false);
  }

  public static BigFloat of(BigInteger v) {
    return round(v, 0, Math.max(INT_PRECISION, v.abs().bitLength()), false);
  }

  /** A double, exactly, at precision 53 (what Go's {@code big.NewFloat} gives). */
  public static BigFloat ofDouble(double d) {
    if (Double.isNaN(d)) {
      throw new ArithmeticException("NaN");
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
    }
    if (d == 0) {
      return new BigFloat(Kind.FINITE, BigInteger.ZERO, 0, DOUBLE_PRECISION, 1 / d < 0);
    }
    long bits = Double.doubleToRawLongBits(d);
    int exp = (int) ((bits >> 52) & 0x7ff);
    long frac = bits & ((1L << 52) - 1);
    long m;
    int e;
    if (exp == 0) {
      m = frac;
      e = -1074;
    } else {
      m = frac | (1L << 52);
      e = exp - 1075;
    }
    if (d < 0) {
      m = -m;
    }
    return round(BigInteger.valueOf(m), e, DOUBLE_PRECISION, false);
  }

  /** The decimal value rounded to the given binary precision. */
  public static BigFloat ofDecimal(BigDecimal d, int precision) {
    if (d.signum() == 0) {
      return new BigFloat(Kind.FINITE, BigInteger.ZERO, 0, precision, false);
    }
    BigInteger unscaled = d.unscaledValue();
    int scale = d.scale();
    if (scale <= 0) {
      return round(unscaled.multiply(BigInteger.TEN.pow(-scale)), 0, precision, false);
    }
    return fromRational(unscaled, BigInteger.TEN.pow(scale), precision);
  }

  /**
   * Parses a decimal number the way HCL reads number literals and {@code tonumber} reads strings:
   * optional sign, digits with optional fraction, optional exponent; rounded to 512 bits. {@code
   * Inf}/{@code +Inf}/{@code -Inf} are accepted, as Go's parser does. Empty when not a number.
   */
  public static Optional<BigFloat> parse(String text) {
    String s = text;
    if (s.isEmpty()) {
      return Optional.empty();
    }
    BigFloat plain = plainInteger(s);
    if (plain != null) {
      return Optional.of(plain);
    }
    boolean negative = false;
    int i = 0;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String rest = s.substring(i);
    if (rest.equals("Inf") || rest.equals("inf")) {
      return Optional.of(negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY);
    }
    int digitsBefore = 0;
    int digitsAfter = 0;
    StringBuilder digits = new StringBuilder();
    int n = s.length();
    while (i < n && isDigit(s.charAt(i))) {
      digits.append(s.charAt(i++));
      digitsBefore++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        digits.append(s.charAt(i++));
        digitsAfter++;
      }
    }
    if (digitsBefore + digitsAfter == 0) {
      return Optional.empty();
    }
    long exp10 = 0;
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        expNegative = s.charAt(i) == '-';
        i++;
      }
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        if (exp10 < 1_000_000_000L) {
          exp10 = exp10 * 10 + (s.charAt(i) - '0');
        }
        i++;
      }
      if (i == start) {
        return Optional.empty();
      }
      if (expNegative) {
        exp10 = -exp10;
      }
    }
    if (i != n) {
      return Optional.empty();
    }
    String ds = stripLeadingZeros(digits.toString());
    if (ds.isEmpty()) {
      return Optional.of(
          new BigFloat(Kind.FINITE, BigInteger.ZERO, 0, LITERAL_PRECISION, negative));
    }
    long scale = digitsAfter - exp10;
    long magnitude = ds.length() - scale; // decimal position of the point relative to the digits
    // The exponent of the number written d.ddd×10^e is magnitude - 1: 1e10000 is in, 1e10001 not.
    if (Math.abs(scale) > MAX_DECIMAL_EXPONENT || Math.abs(magnitude - 1) > MAX_DECIMAL_EXPONENT) {
      return Optional.empty();
    }
    BigInteger unscaled = new BigInteger(ds);
    if (negative) {
      unscaled = unscaled.negate();
    }
    return Optional.of(ofDecimal(new BigDecimal(unscaled, (int) scale), LITERAL_PRECISION));
  }

  /**
   * The value of a literal written as up to 18 digits without a leading zero (most number literals:
   * 128, 3): what the general path below computes for it (a decimal of scale 0, rounded to the
   * literal precision), without its builder, strings, BigDecimal and parsing of a BigInteger.
   */
  private static BigFloat plainInteger(String s) {
    int n = s.length();
    if (n > 18 || s.charAt(0) == '0') {
      return null;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return null;
      }
      v = v * 10 + (c - '0');
    }
    return round(BigInteger.valueOf(v), 0, LITERAL_PRECISION, false);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String stripLeadingZeros(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  /** {@code num/den} (den > 0) rounded to nearest even at {@code precision} bits. */
  private static BigFloat fromRational(BigInteger num, BigInteger den, int precision) {
    boolean negative = num.signum() < 0;
    BigInteger a = num.abs();
    if (a.signum() == 0) {
      return new BigFloat(Kind.FINITE, BigInteger.ZERO, 0, precision, negative);
    }
    // Scale so the integer quotient has at least precision + 2 bits; the remainder is sticky.
    int shift = precision + 2 - (a.bitLength() - den.bitLength());
    BigInteger scaledNum = shift >= 0 ? a.shiftLeft(shift) : a;
    BigInteger scaledDen = shift >= 0 ? den : den.shiftLeft(-shift);
    BigInteger[] qr = scaledNum.divideAndRemainder(scaledDen);
    BigInteger q = qr[0].shiftLeft(1);
    if (qr[1].signum() != 0) {
      q = q.or(BigInteger.ONE); // sticky bit below the rounding position
    }
    BigFloat r = round(negative ? q.negate() : q, -shift - 1, precision, false);
    return r;
  }

  /** {@code m * 2^e} rounded to nearest even at {@code precision} bits. */
  private static BigFloat round(BigInteger m, int e, int precision, boolean negativeZero) {
    if (m.signum() == 0) {
      return new BigFloat(Kind.FINITE, BigInteger.ZERO, 0, precision, negativeZero);
    }
    boolean negative = m.signum() < 0;
    BigInteger a = m.abs();
    int excess = a.bitLength() - precision;
    if (excess > 0) {
      BigInteger kept = a.shiftRight(excess);
      boolean half = a.testBit(excess - 1);
      boolean sticky = a.getLowestSetBit() < excess - 1;
      if (half && (sticky || kept.testBit(0))) {
        kept = kept.add(BigInteger.ONE);
      }
      a = kept;
      e += excess;
    }
    int tz = a.getLowestSetBit();
    if (tz > 0) {
      a = a.shiftRight(tz);
      e += tz;
    }
    return new BigFloat(Kind.FINITE, negative ? a.negate() : a, e, precision, false);
  }

  // ---------------------------------------------------------------- queries

  public boolean isInfinite() {
    return kind != Kind.FINITE;
  }

  public boolean isZero() {
    return kind == Kind.FINITE && mantissa.signum() == 0;
  }

  /** -1, 0 or 1; zero (of either sign) is 0. */
  public int signum() {
    switch (kind) {
      case POSITIVE_INFINITY:
        return 1;
      case NEGATIVE_INFINITY:
        return -1;
      default:
        return mantissa.signum();
    }
  }

  public int precision() {
    return precision;
  }

  public boolean isInteger() {
    return kind == Kind.FINITE && exponent >= 0;
  }

  /** The exact value; throws for infinities. */
  public BigDecimal toBigDecimal() {
    requireFinite();
    if (exponent >= 0) {
      return new BigDecimal(mantissa.shiftLeft(exponent));
    }
    return new BigDecimal(mantissa.multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
  }

  /** The integer value when this is a whole number. */
  public Optional<BigInteger> toBigInteger() {
    if (!isInteger()) {
      return Optional.empty();
    }
    return Optional.of(mantissa.shiftLeft(exponent));
  }

  /** The value truncated toward zero; throws for infinities. */
  public BigInteger truncate() {
    requireFinite();
    if (exponent >= 0) {
      return mantissa.shiftLeft(exponent);
    }
    BigInteger a = mantissa.abs().shiftRight(-exponent);
    return mantissa.signum() < 0 ? a.negate() : a;
  }

  /** The value as the nearest double (used by functions that Packer computes on float64). */
  public double toDouble() {
    if (kind == Kind.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    if (kind == Kind.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    if (isZero()) {
      return negativeZero ? -0.0 : 0.0;
    }
    BigFloat r = round(mantissa, exponent, 53, false);
    int bits = r.mantissa.abs().bitLength();
    int topExp = r.exponent + bits - 1;
    if (topExp > 1023) {
      return r.signum() > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    if (topExp < -1022) {
      // Subnormal range: let BigDecimal do the correct rounding.
      return toBigDecimal().doubleValue();
    }
    return Math.scalb(r.mantissa.doubleValue(), r.exponent);
  }

  private void requireFinite() {
    if (kind != Kind.FINITE) {
      throw new ArithmeticException("infinity has no finite value");
    }
  }

  // ---------------------------------------------------------------- arithmetic

  public BigFloat withPrecision(int newPrecision) {
    if (kind != Kind.FINITE) {
      return this;
    }
    return round(mantissa, exponent, newPrecision, negativeZero);
  }

  public BigFloat negate() {
    switch (kind) {
      case POSITIVE_INFINITY:
        return NEGATIVE_INFINITY;
      case NEGATIVE_INFINITY:
        return POSITIVE_INFINITY;
      default:
        if (isZero()) {
          return new BigFloat(Kind.FINITE, BigInteger.ZERO, 0, precision, !negativeZero);
        }
        return new BigFloat(Kind.FINITE, mantissa.negate(), exponent, precision, false);
    }
  }

  public BigFloat abs() {
    return signum() < 0 || negativeZero ? negate() : this;
  }

  public BigFloat add(BigFloat o) {
    int p = Math.max(precision, o.precision);
    if (isInfinite() || o.isInfinite()) {
      if (isInfinite() && o.isInfinite() && kind != o.kind) {
        throw new ArithmeticException("addition of infinities with opposite signs");
      }
      return isInfinite() ? this : o;
    }
    if (isZero() && o.isZero()) {
      return new BigFloat(Kind.FINITE, BigInteger.ZERO, 0, p, negativeZero && o.negativeZero);
    }
    int e = Math.min(exponent, o.exponent);
    BigInteger sum = mantissa.shiftLeft(exponent - e).add(o.mantissa.shiftLeft(o.exponent - e));
    return round(sum, e, p, false);
  }

  public BigFloat subtract(BigFloat o) {
    return add(o.negate());
  }

  public BigFloat multiply(BigFloat o) {
    int p = Math.max(precision, o.precision);
    boolean negative = (signum() < 0 || negativeZero) != (o.signum() < 0 || o.negativeZero);
    if (isInfinite() || o.isInfinite()) {
      if (isZero() || o.isZero()) {
        throw new ArithmeticException("multiplication of zero with infinity");
      }
      return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
    }
    if (isZero() || o.isZero()) {
      return new BigFloat(Kind.FINITE, BigInteger.ZERO, 0, p, negative);
    }
    return round(mantissa.multiply(o.mantissa), exponent + o.exponent, p, false);
  }

  /** Division; {@code x/0} is an infinity (as Go's big.Float gives), {@code 0/0} throws. */
  public BigFloat divide(BigFloat o) {
    int p = Math.max(precision, o.precision);
    boolean negative = (signum() < 0 || negativeZero) != (o.signum() < 0 || o.negativeZero);
    if (isInfinite() && o.isInfinite()) {
      throw new ArithmeticException("division of infinity by infinity");
    }
    if (isZero() && o.isZero()) {
      throw new ArithmeticException("division of zero by zero");
    }
    if (isInfinite() || o.isZero()) {
      return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
    }
    if (isZero() || o.isInfinite()) {
      return new BigFloat(Kind.FINITE, BigInteger.ZERO, 0, p, negative);
    }
    // (ma * 2^ea) / (mb * 2^eb) = (ma / mb) * 2^(ea - eb)
    BigInteger num = mantissa;
    BigInteger den = o.mantissa;
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigFloat q = fromRational(num, den, p);
    if (q.isZero()) {
      return q;
    }
    return new BigFloat(Kind.FINITE, q.mantissa, q.exponent + exponent - o.exponent, p, false);
  }

  /**
   * HCL's {@code %}: the remainder of truncated division, carrying the dividend's sign ({@code -7 %
   * 3} is {@code -1}, {@code 7.5 % 2} is {@code 1.5}).
   */
  public BigFloat remainder(BigFloat o) {
    if (isInfinite() || o.isInfinite() || o.isZero()) {
      throw new ArithmeticException("remainder with infinity or zero divisor");
    }
    // As cty computes it (Packer 1.6.6): t = trunc(x / y) at the operands' precision, then
    // x - y * t with both steps rounded to max(64, bits of t): so 7 % 0.1 is 0 and 1e20 % 3 is 0
    // there, not the remainder of the exact binary values.
    BigInteger t = divide(o).truncate();
    int p = Math.max(64, t.abs().bitLength());
    BigFloat work = round(o.mantissa.multiply(t), o.exponent, p, false);
    if (work.isZero()) {
      // x - (+0): x itself (its sign of zero kept), rounded to the work precision.
      return isZero()
          ? new BigFloat(Kind.FINITE, BigInteger.ZERO, 0, p, negativeZero)
          : round(mantissa, exponent, p, false);
    }
    int e = Math.min(exponent, work.exponent);
    BigInteger diff =
        mantissa.shiftLeft(exponent - e).subtract(work.mantissa.shiftLeft(work.exponent - e));
    return round(diff, e, p, false);
  }

  @Override
  public int compareTo(BigFloat o) {
    if (kind != Kind.FINITE || o.kind != Kind.FINITE) {
      return Integer.compare(rank(), o.rank());
    }
    if (mantissa.signum() != o.mantissa.signum()) {
      return Integer.compare(mantissa.signum(), o.mantissa.signum());
    }
    int e = Math.min(exponent, o.exponent);
    return mantissa.shiftLeft(exponent - e).compareTo(o.mantissa.shiftLeft(o.exponent - e));
  }

  private int rank() {
    switch (kind) {
      case POSITIVE_INFINITY:
        return 1;
      case NEGATIVE_INFINITY:
        return -1;
      default:
        return 0;
    }
  }

  /** Equality by numeric value: precision and the sign of zero do not matter (as cty compares). */
  @Override
  public boolean equals(Object obj) {
    return obj instanceof BigFloat && compareTo((BigFloat) obj) == 0;
  }

  @Override
  public int hashCode() {
    if (kind != Kind.FINITE) {
      return kind.hashCode();
    }
    return isZero() ? 0 : 31 * mantissa.hashCode() + exponent;
  }

  // ---------------------------------------------------------------- printing

  /**
   * The shortest decimal that reads back as this number at its precision, in positional notation
   * ({@code 1e100} prints all 101 digits, {@code 1.5e-7} prints {@code 0.00000015}); this is how
   * Packer renders numbers in strings and JSON. Infinities print {@code +Inf} / {@code -Inf}.
   */
  @Override
  public String toString() {
    if (kind == Kind.POSITIVE_INFINITY) {
      return "+Inf";
    }
    if (kind == Kind.NEGATIVE_INFINITY) {
      return "-Inf";
    }
    if (isZero()) {
      return negativeZero ? "-0" : "0";
    }
    BigInteger whole = exactInteger();
    if (whole != null && whole.abs().bitLength() <= precision) {
      // Half an ulp is below 1 here, so no shorter decimal lies within it: the shortest form is
      // the integer itself. Integers are most numbers in templates, and the search is costly.
      return whole.toString();
    }
    BigDecimal shortest = shortest();
    String plain = shortest.stripTrailingZeros().toPlainString();
    return plain;
  }

  /**
   * Finds the fewest significant decimal digits that identify this value among its neighbours at
   * the same precision (half an ulp either side; the bounds count when the mantissa is even, as
   * round-to-nearest-even would map them back here). Having k digits that work implies k+1 digits
   * work, so the digit count is binary searched.
   */
  private BigDecimal shortest() {
    BigDecimal x = toBigDecimal().abs();
    BigInteger m = mantissa.abs();
    // Shift the mantissa to exactly precision + 1 bits: its lowest bit is then half an ulp.
    int shift = precision + 1 - m.bitLength();
    BigInteger m2 = m.shiftLeft(shift);
    int e2 = exponent - shift;
    BigDecimal lower = ShortestDecimal.dyadic(m2.subtract(BigInteger.ONE), e2);
    BigDecimal upper = ShortestDecimal.dyadic(m2.add(BigInteger.ONE), e2);
    boolean inclusive = !m2.testBit(1);
    // The exact value always works, so no more digits than it has are needed.
    BigDecimal best = ShortestDecimal.between(x, lower, upper, inclusive, x.precision());
    return mantissa.signum() < 0 ? best.negate() : best;
  }

  /** The value as an integer when it is one (finite), else null. */
  private BigInteger exactInteger() {
    if (exponent >= 0) {
      return mantissa.shiftLeft(exponent);
    }
    int lowest = mantissa.getLowestSetBit();
    return lowest >= -exponent ? mantissa.shiftRight(-exponent) : null;
  }
}
