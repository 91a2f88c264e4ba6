package io.github.packer2aib.core.hcl.function;

/**
 * Go's {@code math.Pow} and {@code math.Log} on float64, bit for bit as the Packer binary computes
 * them on x86-64: HCL's {@code pow} is cty's {@code math.Pow(num, power)} and {@code log} is {@code
 * math.Log(num) / math.Log(base)}, both on float64. Go's {@code Pow} is its own algorithm (the
 * whole part of the exponent by repeated squaring of the base's mantissa, the fraction by {@code
 * Exp(yf * Log(x))}), not fdlibm's, so {@link StrictMath#pow} differs from it by a few units in the
 * last place, whole exponents included ({@code pow(1.1, 10)}: Go 2.593742460100002, fdlibm
 * 2.5937424601000023).
 *
 * <p>On amd64 Go's {@code Exp} and {@code Log} are assembly ({@code exp_amd64.s}, {@code
 * log_amd64.s}), not its portable Go code, and {@code Exp} takes a fused multiply-add path when the
 * CPU has AVX and FMA (every x86-64 server CPU since 2013): {@link #exp} and {@link #log} follow
 * those. On arm64 (Apple silicon, Graviton) Go uses other code for both, so a fractional exponent
 * there can end a bit apart from this; a whole exponent takes only the multiplications and is the
 * same everywhere.
 */
final class GoMath {
  private GoMath() {}

  private static final long SIGN = 0x8000000000000000L;
  private static final long EXPONENT = 0x7FF0000000000000L;
  private static final long MANTISSA = 0x000FFFFFFFFFFFFFL;
  private static final int BIAS = 1023;

  /** Go's {@code math.Pow(x, y)}, with its special cases in Go's order. */
  static double pow(double x, double y) {
    if (y == 0 || x == 1) {
      return 1;
    }
    if (y == 1) {
      return x;
    }
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return Double.NaN;
    }
    if (x == 0) {
      // ±0 to an odd power keeps the sign; any other power gives +0 or +Inf.
      boolean negativeOdd = negative(x) && isOddInt(y);
      if (y < 0) {
        return negativeOdd ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      return negativeOdd ? x : 0;
    }
    if (Double.isInfinite(y)) {
      if (x == -1) {
        return 1;
      }
      return (Math.abs(x) < 1) == (y > 0) ? 0 : Double.POSITIVE_INFINITY;
    }
    if (Double.isInfinite(x)) {
      if (x < 0) {
        return pow(1 / x, -y); // (-Inf)^y is (-0)^-y
      }
      return y < 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    if (y == 0.5) {
      return Math.sqrt(x);
    }
    if (y == -0.5) {
      return 1 / Math.sqrt(x);
    }

    double ay = Math.abs(y);
    double yi = truncate(ay);
    double yf = ay - yi;
    if (yf != 0 && x < 0) {
      return Double.NaN;
    }
    if (yi >= 0x1p63) {
      // A huge even power: over- or underflows for every base but -1 (1 was handled above).
      if (x == -1) {
        return 1;
      }
      return (Math.abs(x) < 1) == (y > 0) ? 0 : Double.POSITIVE_INFINITY;
    }

    // The result is kept as a1 * 2^ae so the squarings below cannot overflow on the way.
    double a1 = 1.0;
    long ae = 0;
    if (yf != 0) {
      // Go keeps the fraction within [-0.5, 0.5] and moves the rest to the whole part.
      if (yf > 0.5) {
        yf--;
        yi++;
      }
      a1 = exp(yf * log(x));
    }

    // Multiply in the successive squarings of x's mantissa for each bit of yi, carrying the powers
    // of two separately (Go's Frexp: x = x1 * 2^xe with |x1| in [0.5, 1)).
    long bits = Double.doubleToRawLongBits(x);
    long xe = 0;
    if ((bits & EXPONENT) == 0) { // subnormal: make it normal first, as Go's normalize does
      bits = Double.doubleToRawLongBits(x * 0x1p52);
      xe = -52;
    }
    xe += ((bits >>> 52) & 0x7FF) - BIAS + 1;
    double x1 = Double.longBitsToDouble((bits & ~EXPONENT) | ((long) (BIAS - 1) << 52));
    for (long i = (long) yi; i != 0; i >>= 1) {
      if (xe < -(1 << 12) || (1 << 12) < xe) {
        // xe is past any float64 exponent and ae will take it at least once more: Go stops here and
        // lets ldexp over- or underflow.
        ae += xe;
        break;
      }
      if ((i & 1) == 1) {
        a1 *= x1;
        ae += xe;
      }
      x1 *= x1;
      xe <<= 1;
      if (x1 < .5) {
        x1 += x1;
        xe--;
      }
    }
    if (y < 0) {
      a1 = 1 / a1;
      ae = -ae;
    }
    return ldexp(a1, ae);
  }

  /**
   * Go's {@code Ldexp(frac, exp)}: frac * 2^exp, rounded once when the result is subnormal, 0 or
   * Inf past the range.
   */
  static double ldexp(double frac, long exp) {
    if (frac == 0 || Double.isInfinite(frac) || Double.isNaN(frac)) {
      return frac;
    }
    long bits = Double.doubleToRawLongBits(frac);
    if ((bits & EXPONENT) == 0) {
      bits = Double.doubleToRawLongBits(frac * 0x1p52);
      exp -= 52;
    }
    exp += ((bits >>> 52) & 0x7FF) - BIAS;
    if (exp < -1075) {
      return Math.copySign(0.0, frac);
    }
    if (exp > 1023) {
      return frac < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    double m = 1;
    if (exp < -1022) {
      // Build the value 2^53 higher and scale it down with one multiplication, so it rounds once.
      exp += 53;
      m = 0x1p-53;
    }
    bits = (bits & ~EXPONENT) | ((exp + BIAS) << 52);
    return m * Double.longBitsToDouble(bits);
  }

  /** Go's {@code isOddInt}: an integer too large for a float64 fraction is even. */
  static boolean isOddInt(double y) {
    if (!(Math.abs(y) < 0x1p53)) {
      return false;
    }
    double whole = truncate(y);
    return whole == y && (((long) whole) & 1) == 1;
  }

  private static double truncate(double d) {
    return d < 0 ? Math.ceil(d) : Math.floor(d);
  }

  private static boolean negative(double d) {
    return (Double.doubleToRawLongBits(d) & SIGN) != 0;
  }

  // log_amd64.s: fdlibm's polynomial, with the fraction and exponent read straight from the bits.
  private static final double HSQRT2 = 7.07106781186547524401e-01;
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  private static final double L1 = 6.666666666666735130e-01;
  private static final double L2 = 3.999999999940941908e-01;
  private static final double L3 = 2.857142874366239149e-01;
  private static final double L4 = 2.222219843214978396e-01;
  private static final double L5 = 1.818357216161805012e-01;
  private static final double L6 = 1.531383769920937332e-01;
  private static final double L7 = 1.479819860511658591e-01;

  /**
   * Go's {@code math.Log} as amd64 runs it. Unlike Go's portable {@code log} it does not normalize
   * a subnormal argument first (so it is off there, in Packer too), and it reduces a fraction equal
   * to sqrt(2)/2 (the comparison is "not less than") where the portable code does not.
   */
  static double log(double x) {
    long bits = Double.doubleToRawLongBits(x);
    if ((bits & ~SIGN) == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (bits < 0) {
      return Double.NaN;
    }
    if (bits >= EXPONENT) {
      return x; // +Inf or NaN
    }
    double f1 = Double.longBitsToDouble((bits & MANTISSA) | 0x3FE0000000000000L);
    double k = (double) ((int) ((bits >>> 52) & 0x7FF) - 0x3FE);
    if (f1 <= HSQRT2) {
      k -= 1;
      f1 *= 2;
    }
    double f = f1 - 1;
    double s = f / (2 + f);
    double s2 = s * s;
    double s4 = s2 * s2;
    double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
    double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
    double r = t1 + t2;
    double hfsq = 0.5 * f * f;
    return k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
  }

  // exp_amd64.s (after Shibata's SLEEF): x = k*ln2 + r, e^(r/16) by a Taylor polynomial, then
  // squared four times as (e^t - 1) -> (e^t - 1)(e^t + 1).
  private static final double LOG2E = 1.4426950408889634073599246810018920;
  private static final double LN2U = 0.69314718055966295651160180568695068359375;
  private static final double LN2L = 0.28235290563031577122588448175013436025525412068e-12;
  private static final double OVERFLOW = 7.09782712893384e+02;
  private static final double[] TAYLOR = {
    2.4801587301587301587e-5, // 1/8!
    1.9841269841269841270e-4,
    1.3888888888888888889e-3,
    8.3333333333333333333e-3,
    4.1666666666666666667e-2,
    1.6666666666666666667e-1,
    0.5,
    1.0
  };

  /**
   * Go's {@code math.Exp} as amd64 runs it on a CPU with FMA. {@link #pow} calls it only with |x|
   * at most about 373, where the result is a normal number; the subnormal branch follows the
   * current assembly.
   */
  static double exp(double x) {
    if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
      return x;
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    if (x > OVERFLOW) {
      return Double.POSITIVE_INFINITY;
    }
    int k = toInt32(LOG2E * x); // CVTSD2SL: nearest, ties to even
    double kd = k;
    double r = Math.fma(-kd, LN2U, x);
    r = Math.fma(-kd, LN2L, r);
    r *= 0.0625;
    double p = TAYLOR[0];
    for (int i = 1; i < TAYLOR.length; i++) {
      p = Math.fma(r, p, TAYLOR[i]);
    }
    double t = r * p; // e^r - 1
    for (int i = 0; i < 3; i++) {
      t *= t + 2.0;
    }
    t = Math.fma(t + 2.0, t, 1.0);
    int biased = k + BIAS; // the assembly adds in 32 bits; k is never near the int limits
    if (biased >= 0x7FF) {
      return Double.POSITIVE_INFINITY;
    }
    if (biased <= 0) {
      if (biased < -52) {
        return 0;
      }
      t *= Double.longBitsToDouble((long) (biased + 0x3FE) << 52);
      return t * Double.longBitsToDouble(1L << 52);
    }
    return t * Double.longBitsToDouble((long) biased << 52);
  }

  /** x86's CVTSD2SL in the default rounding mode: out of range or NaN gives Integer.MIN_VALUE. */
  private static int toInt32(double d) {
    double r = Math.rint(d);
    if (!(r >= Integer.MIN_VALUE && r <= Integer.MAX_VALUE)) {
      return Integer.MIN_VALUE;
    }
    return (int) r;
  }
}
