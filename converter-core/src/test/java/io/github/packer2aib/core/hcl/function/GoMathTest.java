package io.github.packer2aib.core.hcl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link GoMath} against Packer 1.6.6 on x86-64 (FMA): every expected value in the first two tables
 * is what {@code packer console} printed for {@code jsonencode(pow(x, y))} or {@code
 * jsonencode(log(x, b))} (that shortest decimal reads back as the same float64). Most of them are
 * one to thirteen units in the last place apart from {@link StrictMath}; the rest pin special paths
 * (square roots, subnormal bases, which Go's amd64 {@code Log} reads without normalizing, huge
 * exponents, results that over- or underflow in {@code Ldexp}). The third table is Go's documented
 * special cases.
 */
class GoMathTest {

  @ParameterizedTest(name = "pow({0}, {1}) = {2}")
  @CsvSource({
    // The reviewer's cases (review 28).
    "1.1, 10, 2.593742460100002",
    "7, 30, 2.2539340290692256E25",
    "0.9, 5, 0.5904900000000002",
    "10, 64, 1.0000000000000002E64",
    "1.05, 10, 1.6288946267774416",
    "1.4, 34.0, 92972.22253682939",
    "1.1, 100, 13780.612339822364",
    "1.1, -100, 7.256571590148151E-5",
    "3, 99, 1.7179250691067043E47",
    "10, 308, 1.0000000000000006E308",
    "8.10, 4, 4304.6721",
    "19.64, 58, 1.005092518188648E75",
    "16.225, 32, 5.319987049846376E38",
    "17.9946, -38, 2.0164920119953433E-48",
    // Negative bases with whole exponents.
    "-6.560, 37, -1.680513698428943E30",
    "-3.38, 13, -7514794.409432557",
    "-0.2, 29, -5.368709120000017E-21",
    "-1.7, -22, 8.513805603679792E-6",
    "-5.37, -17, -3.8943693911425105E-13",
    // Fractional exponents: Exp(yf * Log(x)) times the whole part.
    "12.647, 15.1, 4.365274215997071E16",
    "18.878, 35.64, 2.985872023992009E45",
    "5.362, 5.2, 6201.538013923658",
    "1.4142135623730951, 7.7, 14.420007401773297",
    "10.38, -13.561, 1.6570960764251777E-14",
    "435103, 1.8389, 2.3377979406728073E10",
    "6.15, -1.2, 0.11307064278814125",
    "1e300, -1.02, 9.99999999999988E-307",
    "0.000123, -45.6, 1.9967648287855095E178",
    "1e-20, 0.05, 0.09999999999999998",
    "1.0000001, 1000000000, 2.688103843211962E43",
    "0.9999999, 2000000000, 1.383882797830828E-87",
    "1.0000001, 1000000000.3, 2.688103923855063E43",
    // y = 0.5 and -0.5 are square roots.
    "2, 0.5, 1.4142135623730951",
    "2, -0.5, 0.7071067811865475",
    // Subnormal bases: Go's amd64 Log reads their bits without normalizing.
    "5e-324, 0.3, 4.110496954075371E-93",
    "2.5e-320, 0.25, 1.0270193092083922E-77",
    "1e-310, -0.2, 3.893566739472996E61",
    "5e-324, 0.5, 2.2227587494850775E-162",
    // Results at the edges of the float64 range (Ldexp rounds once, or gives 0).
    "1.5, -1800, 1.0857597E-317",
    "2, -1074, 4.9E-324",
    "2, -1075, 0",
    "3e-315, 1.5, 0",
    "-0.999, 1000000000000000, 0",
    // A whole exponent of 2^63 or more: 1 for -1, otherwise 0 or +Inf.
    "-1, 100000000000000000000, 1",
    "0.5, 100000000000000000000, 0",
  })
  void powAsPacker(double x, double y, double packer) {
    assertEquals(packer, GoMath.pow(x, y));
  }

  @ParameterizedTest(name = "log({0}) / log({1}) = {2}")
  @CsvSource({
    "1.142508015853771, 3.0, 0.12126740361487763",
    "1.1416214542567718, 0.5, -0.1910843524517275",
    "1.2860856498397109, 10.0, 0.10926989239389252",
    "1.7195224349214224, 3.0, 0.49339207630201687",
    "1.3599914060645253, 90.86045013344089, 0.06818723274749794",
    "0.8661447660832293, 58.0807354604791, -0.03537889949063294",
    "5e-324, 10, -307.95368556425274",
    "1e-310, 2, -1022.9935307189364",
    "0.7071067811865476, 10, -0.15051499783199054",
    "50, 10, 1.6989700043360185",
  })
  void logAsPacker(double x, double base, double packer) {
    assertEquals(packer, GoMath.log(x) / GoMath.log(base));
  }

  @ParameterizedTest(name = "pow({0}, {1}) = {2}")
  @CsvSource({
    "NaN, 0, 1",
    "NaN, -0.0, 1",
    "1, NaN, 1",
    "-3.5, 1, -3.5",
    "NaN, 2, NaN",
    "2, NaN, NaN",
    "0.0, -3, Infinity",
    "-0.0, -3, -Infinity",
    "-0.0, -2, Infinity",
    "-0.0, -2.5, Infinity",
    "-0.0, -Infinity, Infinity",
    "0.0, Infinity, 0",
    "-0.0, 3, -0.0",
    "-0.0, 4, 0",
    "-0.0, 2.5, 0",
    "-0.0, 1e300, 0",
    "-1, Infinity, 1",
    "-1, -Infinity, 1",
    "2, Infinity, Infinity",
    "2, -Infinity, 0",
    "0.5, Infinity, 0",
    "-0.5, -Infinity, Infinity",
    "Infinity, 0.1, Infinity",
    "Infinity, -2, 0",
    "-Infinity, 3, -Infinity",
    "-Infinity, 2, Infinity",
    "-Infinity, -3, -0.0",
    "-Infinity, -2.5, 0",
    "-8, 0.5, NaN",
    "-8, 1.5, NaN",
    "-1, 1e300, 1",
    "2, 1024, Infinity",
    "-2, 1025, -Infinity",
    "10, -400, 0",
  })
  void goSpecialCases(double x, double y, double go) {
    assertEquals(go, GoMath.pow(x, y));
  }
}
