package io.github.packer2aib.core.hcl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Float64#shortest} against round trips through the JDK's parser, which rounds a decimal to
 * the nearest double as Go's does: the result reads back as the same double, no decimal with fewer
 * digits does, and of the decimals with as many digits it is the closest.
 */
class Float64Properties {

  @Property(tries = 3000)
  void readsBackAsTheSameDouble(@ForAll("doubles") double d) {
    BigDecimal s = Float64.shortest(d);
    assertEquals(
        Double.doubleToLongBits(Math.abs(d)),
        Double.doubleToLongBits(Math.abs(Double.parseDouble(s.toString()))),
        d + " gave " + s);
    assertEquals(d < 0, s.signum() < 0, d + " gave " + s);
  }

  @Property(tries = 3000)
  void noDecimalWithFewerDigitsReadsBack(@ForAll("doubles") double d) {
    BigDecimal s = Float64.shortest(d);
    int digits = s.precision();
    if (digits == 1) {
      return;
    }
    // The two decimals of one digit fewer around the exact value are the only candidates: any
    // other is farther away on the same side.
    BigDecimal exact = new BigDecimal(d);
    for (RoundingMode mode : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.UP}) {
      BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
      assertTrue(
          Double.parseDouble(shorter.toString()) != d,
          d + " gave " + s + ", but " + shorter + " reads back as it too");
    }
  }

  @Property(tries = 3000)
  void isTheClosestOfItsLength(@ForAll("doubles") double d) {
    BigDecimal s = Float64.shortest(d);
    BigDecimal exact = new BigDecimal(d);
    for (RoundingMode mode : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.UP}) {
      BigDecimal other = exact.round(new MathContext(s.precision(), mode));
      if (Double.parseDouble(other.toString()) == d) {
        int closer = other.subtract(exact).abs().compareTo(s.subtract(exact).abs());
        assertTrue(closer >= 0, d + " gave " + s + ", but " + other + " is closer");
      }
    }
  }

  /** Never longer than the JDK's own answer, which always reads back but is not always shortest. */
  @Property(tries = 3000)
  void neverLongerThanDoubleToString(@ForAll("doubles") double d) {
    BigDecimal jdk = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    assertTrue(Float64.shortest(d).precision() <= jdk.precision(), () -> d + " vs " + jdk);
  }

  /**
   * Where JDK 17's Double.toString is longer than needed (JDK-4511638), and the edges: the smallest
   * subnormal, the smallest normal, a power of two (whose next double down is half as far), the
   * largest double. Go's strconv.FormatFloat(d, 'e', -1, 64) gives these digits.
   */
  @Example
  void knownValues() {
    assertEquals("1E+23", Float64.shortest(1e23).toString());
    assertEquals("5E-324", Float64.shortest(Double.MIN_VALUE).toString());
    assertEquals("2.82879384806159E+17", Float64.shortest(2.82879384806159e17).toString());
    assertEquals("2.2250738585072014E-308", Float64.shortest(Double.MIN_NORMAL).toString());
    assertEquals("1.7976931348623157E+308", Float64.shortest(Double.MAX_VALUE).toString());
    assertEquals("9007199254740992", Float64.shortest(0x1p53).toPlainString());
    assertEquals("-0.1", Float64.shortest(-0.1).toString());
    assertEquals("123456789012345680", Float64.shortest(123456789012345678.0).toPlainString());
    assertEquals("-0", Float64.positional(-0.0));
    assertEquals("1000000000000000000000", Float64.positional(1e21));
    assertEquals("0.0000001", Float64.positional(1e-7));
  }

  @Provide
  Arbitrary<Double> doubles() {
    Arbitrary<Double> anyBits =
        Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> Double.isFinite(d) && d != 0);
    Arbitrary<Double> powersOfTwo =
        Arbitraries.integers().between(-1074, 1023).map(e -> Math.scalb(1.0, e));
    // Next to a power of two or of ten, where the bounds are uneven or the digits carry.
    Arbitrary<Double> nearPowers =
        Arbitraries.oneOf(
                powersOfTwo,
                Arbitraries.integers().between(-323, 308).map(e -> Double.parseDouble("1e" + e)))
            .flatMap(
                p ->
                    Arbitraries.integers()
                        .between(-3, 3)
                        .map(
                            k -> {
                              double v = p;
                              for (int i = 0; i < Math.abs(k); i++) {
                                v = k < 0 ? Math.nextDown(v) : Math.nextUp(v);
                              }
                              return v;
                            }))
            .filter(d -> Double.isFinite(d) && d != 0);
    Arbitrary<Double> subnormals =
        Arbitraries.longs().between(1, (1L << 52) - 1).map(Double::longBitsToDouble);
    Arbitrary<Double> shortDecimals =
        Arbitraries.integers()
            .between(1, 999_999)
            .flatMap(
                m ->
                    Arbitraries.integers()
                        .between(-330, 300)
                        .map(e -> Double.parseDouble(m + "e" + e)))
            .filter(d -> Double.isFinite(d) && d != 0);
    return Arbitraries.oneOf(anyBits, powersOfTwo, nearPowers, subnormals, shortDecimals)
        .flatMap(d -> Arbitraries.of(d, -d));
  }
}
