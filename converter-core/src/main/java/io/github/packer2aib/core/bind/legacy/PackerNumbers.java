package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.doc.DocNumbers;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.Float64;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A number of a legacy template as Packer 1.6.6 reads it: its JSON decoder puts every number into a
 * Go {@code float64}, so {@code 123456789012345678} is 123456789012345680 and {@code -0.0} is
 * negative zero, and its weak decoding writes such a number as text with {@code
 * strconv.FormatFloat(f, 'f', -1, 64)}, the shortest decimal of the float ("123456789012345680",
 * "-0"): the value here is that decimal ({@link Float64#shortest}), which a conversion to string
 * writes the same way. A number beyond float64's range ({@code 1e309}, {@code 1e999999999}) makes
 * Packer refuse the whole template ("cannot unmarshal number 1e309 into Go value of type float64");
 * one too small for it ({@code 1e-400}) is zero to Packer. Reading the latter as zero here is not
 * only faithful: computing exactly with a decimal exponent of a billion would take unbounded time
 * and memory (it ran the converter into an internal error).
 */
final class PackerNumbers {
  private PackerNumbers() {}

  /**
   * A decimal exponent this far from zero leaves a number well inside float64's normal range (about
   * 2.2e-308 to 1.8e308).
   */
  private static final int SURELY_IN_RANGE = 300;

  /**
   * At most this many significant digits, a decimal in float64's normal range is the shortest
   * decimal of the float it reads as (C's DBL_DIG: two such decimals never read as one float), so
   * most numbers are returned as written, without being parsed as a double.
   */
  private static final int DIGITS_KEPT = 15;

  /**
   * The number, or empty when Packer cannot read it: no number at all ({@code .inf}, {@code .nan}
   * of YAML: see {@link #isFinite}) or beyond float64's range.
   */
  static Optional<BigFloat> decode(DocScalar s) {
    String canonical = DocNumbers.canonical(s.text());
    if (canonical == null) {
      return Optional.empty();
    }
    boolean negative = canonical.startsWith("-");
    BigDecimal d;
    try {
      d = new BigDecimal(canonical);
    } catch (NumberFormatException exponentBeyondInt) {
      d = null;
    }
    if (d != null) {
      if (d.signum() == 0) {
        return Optional.of(BigFloat.ofDouble(negative ? -0.0 : 0.0));
      }
      long exponent = (long) d.precision() - d.scale() - 1;
      if (d.precision() <= DIGITS_KEPT && Math.abs(exponent) <= SURELY_IN_RANGE) {
        return Optional.of(BigFloat.ofDecimal(d, BigFloat.LITERAL_PRECISION));
      }
    }
    // Java rounds a decimal to a double as Go's strconv.ParseFloat does (to nearest even), so the
    // same numbers overflow, and underflow to a zero of the number's sign; the exponent is read
    // without building the number.
    double rounded = Double.parseDouble(canonical);
    if (Double.isInfinite(rounded)) {
      return Optional.empty();
    }
    if (rounded == 0) {
      return Optional.of(BigFloat.ofDouble(rounded));
    }
    return Optional.of(BigFloat.ofDecimal(Float64.shortest(rounded), BigFloat.LITERAL_PRECISION));
  }

  /** Why Packer cannot read {@code s}, which {@link #decode} gave nothing for (LEGACY-E019). */
  static String refusal(DocScalar s) {
    String text = Excerpts.cut(s.text(), 40);
    return isFinite(s)
        ? text
            + " is beyond the numbers Packer's JSON reader holds (64-bit floating point, at most"
            + " about 1.8e308 either side of zero), so Packer refuses the template. Write a smaller"
            + " number, or quote it if it is meant as text."
        : "\""
            + text
            + "\" is not a finite number, which Packer's JSON cannot hold. Quote it if it is meant"
            + " as text.";
  }

  /** Whether the scalar is a number at all: false for YAML's {@code .inf} and {@code .nan}. */
  static boolean isFinite(DocScalar s) {
    return DocNumbers.canonical(s.text()) != null;
  }
}
