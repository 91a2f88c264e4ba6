package io.github.packer2aib.core.hcl.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal between two bounds, as Go's {@code strconv} and {@code big.Float} pick it
 * ({@code roundShortest}): the search that both a float64 ({@link Float64}) and an HCL number
 * ({@link BigFloat}) make, which differ only in where the neighbours of the value lie.
 */
final class ShortestDecimal {
  private ShortestDecimal() {}

  /**
   * The decimal with the fewest significant digits (at most {@code maxDigits}) that lies between
   * {@code lower} and {@code upper} (the bounds included when {@code inclusive}), the nearest to
   * {@code x} of those; {@code x} itself when none does. Having k digits that work implies k + 1
   * digits work (the truncation and the rounding up at k + 1 lie between those at k and the value),
   * so the count is binary searched.
   */
  static BigDecimal between(
      BigDecimal x, BigDecimal lower, BigDecimal upper, boolean inclusive, int maxDigits) {
    int lo = 1;
    int hi = maxDigits;
    BigDecimal best = x;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      BigDecimal c = candidate(x, mid, lower, upper, inclusive);
      if (c != null) {
        best = c;
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    return best;
  }

  /** {@code m * 2^e} exactly. */
  static BigDecimal dyadic(BigInteger m, int e) {
    if (e >= 0) {
      return new BigDecimal(m.shiftLeft(e));
    }
    return new BigDecimal(m.multiply(BigInteger.valueOf(5).pow(-e)), -e);
  }

  /**
   * The k-digit decimal next to {@code x} that lies between the bounds: the nearer one (ties to
   * even) when both the truncation and the rounding up do, else the one that does; null when
   * neither does.
   */
  private static BigDecimal candidate(
      BigDecimal x, int digits, BigDecimal lower, BigDecimal upper, boolean inclusive) {
    BigDecimal down = x.round(new MathContext(digits, RoundingMode.DOWN));
    BigDecimal up = x.round(new MathContext(digits, RoundingMode.UP));
    boolean downOk = within(down, lower, upper, inclusive);
    boolean upOk = within(up, lower, upper, inclusive);
    if (downOk && upOk) {
      return x.round(new MathContext(digits, RoundingMode.HALF_EVEN));
    }
    if (downOk) {
      return down;
    }
    return upOk ? up : null;
  }

  private static boolean within(
      BigDecimal v, BigDecimal lower, BigDecimal upper, boolean inclusive) {
    int cl = v.compareTo(lower);
    int cu = v.compareTo(upper);
    return inclusive ? cl >= 0 && cu <= 0 : cl > 0 && cu < 0;
  }
}
