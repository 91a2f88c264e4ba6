package io.github.packer2aib.core.hcl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@link GoMath#pow} that follow from Go's algorithm, whatever the rounding of the
 * intermediate steps: with a dyadic base (m * 2^e) and a whole exponent whose exact power fits in a
 * float64's 53 bits, every squaring and product is exact, so the result is the exact power; with
 * the negative exponent it is one correctly rounded division; and the sign of a negative base only
 * travels through the products.
 */
class GoMathProperties {

  /** The largest n (at most 60) with |m|^n within 53 bits. */
  private static int maxExponent(int m) {
    int n = 0;
    BigInteger p = BigInteger.ONE;
    BigInteger b = BigInteger.valueOf(m).abs();
    while (n < 60 && p.multiply(b).bitLength() <= 53) {
      p = p.multiply(b);
      n++;
    }
    return n;
  }

  /** m^n * 2^(e*n) exactly (|e| <= 16 and n <= 60 keep it inside the normal range). */
  private static BigDecimal exactPower(int m, int e, int n) {
    BigInteger p = BigInteger.valueOf(m).pow(n);
    long shift = (long) e * n;
    BigDecimal two = BigDecimal.valueOf(2);
    return shift >= 0
        ? new BigDecimal(p).multiply(two.pow((int) shift))
        : new BigDecimal(p).divide(two.pow((int) -shift));
  }

  @Property
  void exactPowersOfDyadicBasesAreExact(
      @ForAll @IntRange(min = -4096, max = 4096) int m,
      @ForAll @IntRange(min = -16, max = 16) int e,
      @ForAll @IntRange(min = 0, max = 60) int anyN) {
    Assume.that(m != 0);
    int n = anyN % (maxExponent(m) + 1);
    BigDecimal exact = exactPower(m, e, n);
    double x = Math.scalb((double) m, e);
    double r = GoMath.pow(x, n);
    assertEquals(0, new BigDecimal(r).compareTo(exact), () -> "pow(" + x + ", " + n + ") = " + r);
  }

  @Property
  void negativeExponentIsOneRoundedDivision(
      @ForAll @IntRange(min = 2, max = 4096) int m,
      @ForAll @IntRange(min = -16, max = 16) int e,
      @ForAll @IntRange(min = 0, max = 60) int anyN) {
    int n = 1 + anyN % maxExponent(m);
    BigDecimal exact = exactPower(m, e, n);
    double x = Math.scalb((double) m, e);
    double r = GoMath.pow(x, -n);
    // |r * B - 1| <= B * ulp(r) / 2, all in exact decimal arithmetic.
    BigDecimal error = new BigDecimal(r).multiply(exact).subtract(BigDecimal.ONE).abs();
    BigDecimal halfUlp = exact.multiply(new BigDecimal(Math.ulp(r))).divide(BigDecimal.valueOf(2));
    assertTrue(error.compareTo(halfUlp) <= 0, () -> "pow(" + x + ", -" + n + ") = " + r);
  }

  @Property
  void negativeBaseOnlyChangesTheSign(
      @ForAll @IntRange(min = 1, max = 1_000_000) int digits,
      @ForAll @IntRange(min = -300, max = 300) int n) {
    double x = digits / 1000.0;
    double positive = GoMath.pow(x, n);
    double negative = GoMath.pow(-x, n);
    assertEquals((n & 1) == 1 ? -positive : positive, negative);
  }
}
