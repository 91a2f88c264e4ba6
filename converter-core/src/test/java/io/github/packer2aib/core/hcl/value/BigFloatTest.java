package io.github.packer2aib.core.hcl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BigFloatTest {
  private static BigFloat n(String s) {
    return BigFloat.parse(s).orElseThrow();
  }

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({
    "1, 1",
    "1.5, 1.5",
    "0.1, 0.1",
    "1e100, 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
    "1.5e-7, 0.00000015",
    "-2.50, -2.5",
    "123456789012345678901234567890, 123456789012345678901234567890",
    "0.000, 0",
    "-0, -0",
    "1E3, 1000",
    "+7, 7",
  })
  void literalsPrintAsPackerPrintsThem(String literal, String printed) {
    assertEquals(printed, n(literal).toString());
  }

  /**
   * Integers print as themselves (a shortcut skips the digit search) only while they are exact at
   * their precision; a large power of two at double precision still prints its shortest form.
   */
  @ParameterizedTest(name = "{0} at precision {1} prints as {2}")
  @CsvSource({
    "9007199254740993, 53, 9007199254740992",
    "1152921504606846976, 53, 1152921504606847000",
    "-1152921504606846976, 53, -1152921504606847000",
    "4096, 53, 4096",
    "-9007199254740992, 53, -9007199254740992",
    "18446744073709551615, 64, 18446744073709551615",
    "18446744073709551617, 64, 18446744073709551616",
  })
  void integersPrintExactlyOnlyWhileExact(String value, int precision, String printed) {
    assertEquals(printed, BigFloat.ofDecimal(new BigDecimal(value), precision).toString());
  }

  @Test
  void divisionRoundsTo512BitsAndPrintsTheShortestDecimal() {
    // Packer 1.6.6 prints 10/3 with 153 threes after the point and a final 2.
    assertEquals(
        "3." + "3".repeat(153) + "2",
        n("10").divide(n("3")).toString());
    assertEquals("0.3", n("0.1").add(n("0.2")).toString());
    assertEquals("1", n("1").divide(n("3")).multiply(n("3")).toString());
  }

  @Test
  void doublesPrintAtTheirOwnPrecision() {
    assertEquals("1.4142135623730951", BigFloat.ofDouble(Math.sqrt(2)).toString());
    assertEquals("0.1", BigFloat.ofDouble(0.1).toString());
    assertEquals(BigFloat.DOUBLE_PRECISION, BigFloat.ofDouble(0.1).precision());
    // Mixed with a literal, the result takes the larger precision and shows the double's error.
    assertTrue(BigFloat.ofDouble(0.1).multiply(n("1")).toString().startsWith("0.1000000000000000055511"));
  }

  @Test
  void remainderTruncatesTowardZero() {
    assertEquals("1", n("7").remainder(n("3")).toString());
    assertEquals("-1", n("-7").remainder(n("3")).toString());
    assertEquals("1.5", n("7.5").remainder(n("2")).toString());
  }

  @Test
  void infinitiesAndNaN() {
    assertEquals("+Inf", n("1").divide(n("0")).toString());
    assertEquals("-Inf", n("-1").divide(n("0")).toString());
    assertThrows(ArithmeticException.class, () -> n("0").divide(n("0")));
    assertThrows(ArithmeticException.class, () -> BigFloat.POSITIVE_INFINITY.add(BigFloat.NEGATIVE_INFINITY));
    assertTrue(BigFloat.POSITIVE_INFINITY.compareTo(n("1e1000")) > 0);
  }

  @Test
  void equalityIsNumericAcrossPrecisions() {
    assertEquals(BigFloat.of(3), n("3"));
    assertEquals(BigFloat.of(3).hashCode(), n("3.0").hashCode());
    assertEquals(n("0"), n("-0"));
  }

  @Test
  void parseRefusesGarbageAndHugeExponents() {
    assertEquals(Optional.empty(), BigFloat.parse("abc"));
    assertEquals(Optional.empty(), BigFloat.parse("1e"));
    assertEquals(Optional.empty(), BigFloat.parse(""));
    assertEquals(Optional.empty(), BigFloat.parse("0x10"));
    assertEquals(Optional.empty(), BigFloat.parse("1e999999999"));
    assertEquals(BigFloat.POSITIVE_INFINITY, n("Inf"));
  }

  @Test
  void exactValuesAndConversions() {
    assertEquals(new BigDecimal("0.5"), n("0.5").toBigDecimal());
    assertEquals(0.1, n("0.1").toDouble());
    assertEquals("-3", n("-3.7").truncate().toString());
    assertTrue(n("4").isInteger());
    assertTrue(!n("4.5").isInteger());
  }
}
