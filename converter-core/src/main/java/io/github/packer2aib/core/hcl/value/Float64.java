package io.github.packer2aib.core.hcl.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A float64 (a Java {@code double}) as Go writes it: {@code strconv.FormatFloat(f, fmt, -1, 64)},
 * which {@code fmt}'s {@code %v}, {@code text/template} and the weak decoding of Packer's legacy
 * templates use, gives the fewest decimal digits that read back as the same double, and of those
 * the closest to it.
 *
 * <p>Why not {@link Double#toString}: before JDK 19 (JDK-4511638) it does not always give the
 * shortest such decimal ({@code 1e23} is {@code 9.999999999999999E22}, {@code 5e-324} is {@code
 * 4.9E-324}, {@code 2.82879384806159e17} is {@code 2.82879384806159008E17}), and the converter runs
 * on JDK 17. Every place that writes a double as text goes through {@link #shortest}.
 *
 * <p>Unlike {@link BigFloat}'s shortest form (Go's {@code big.Float}, which HCL numbers are and
 * which counts half an ulp either side at the value's precision), a float64's neighbours are the
 * next doubles: below a power of two the next one down is half as far, and subnormals have fewer
 * bits ({@code 5e-324} is the smallest double, so "5e-324" identifies it).
 */
public final class Float64 {
  private Float64() {}

  /** The mantissa of a normal double with no fraction bits set: a power of two. */
  private static final long HIDDEN_BIT = 1L << 52;

  /**
   * The shortest decimal that reads back as {@code d} (round to nearest even, as Java's and Go's
   * parsers read), the closest to {@code d} when several have that many digits; {@code 0} for
   * either zero ({@code BigDecimal} has no negative zero: see {@link #isNegativeZero}).
   *
   * @throws IllegalArgumentException for an infinity or NaN
   */
  public static BigDecimal shortest(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not a finite double: " + d);
    }
    if (d == 0) {
      return BigDecimal.ZERO;
    }
    long bits = Double.doubleToRawLongBits(Math.abs(d));
    int biased = (int) (bits >>> 52);
    long fraction = bits & (HIDDEN_BIT - 1);
    long m = biased == 0 ? fraction : fraction | HIDDEN_BIT;
    int e = biased == 0 ? -1074 : biased - 1075;
    // |d| = m * 2^e. In units of a quarter ulp, 2^(e-2): |d| is 4m, the midpoint to the next double
    // up 4m + 2, to the next one down 4m - 2, or 4m - 1 when m is a power of two that is not the
    // smallest normal mantissa (the exponent steps down there, and the spacing halves).
    BigInteger quarter = BigInteger.valueOf(m).shiftLeft(2);
    boolean powerOfTwo = m == HIDDEN_BIT && biased > 1;
    BigDecimal x = ShortestDecimal.dyadic(quarter, e - 2);
    BigDecimal upper = ShortestDecimal.dyadic(quarter.add(BigInteger.TWO), e - 2);
    BigDecimal lower =
        ShortestDecimal.dyadic(quarter.subtract(BigInteger.valueOf(powerOfTwo ? 1 : 2)), e - 2);
    // A midpoint reads back as the double with the even mantissa.
    boolean inclusive = (m & 1) == 0;
    // 17 significant digits identify every double.
    BigDecimal best = ShortestDecimal.between(x, lower, upper, inclusive, 17);
    best = best.stripTrailingZeros();
    return d < 0 ? best.negate() : best;
  }

  /** Whether {@code d} is {@code -0.0}, which Go prints as {@code -0}. */
  public static boolean isNegativeZero(double d) {
    return d == 0 && Double.doubleToRawLongBits(d) != 0;
  }

  /**
   * Go's {@code strconv.FormatFloat(d, 'f', -1, 64)}: the shortest decimal in positional notation
   * ({@code 1e21} is {@code 1000000000000000000000}, {@code -0.0} is {@code -0}), as Packer's weak
   * decoding turns a JSON number into text. Infinities are {@code +Inf} and {@code -Inf}.
   */
  public static String positional(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return isNegativeZero(d) ? "-0" : "0";
    }
    return shortest(d).toPlainString();
  }
}
