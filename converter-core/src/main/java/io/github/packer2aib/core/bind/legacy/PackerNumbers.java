package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.doc.DocNumbers;
import io.github.packer2aib.core.doc.DocScalar;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A number of a legacy template as Packer 1.6.6 reads it: its JSON decoder puts every number into a
 * Go {@code float64}. A number beyond that range ({@code 1e309}, {@code 1e999999999}) makes Packer
 * refuse the whole template ("cannot unmarshal number 1e309 into Go value of type float64"); one
 * too small for it ({@code 1e-400}) is zero to Packer. Reading the latter as zero here is not only
 * faithful: computing exactly with a decimal exponent of a billion would take unbounded time and
 * memory (it ran the converter into an internal error).
 */
final class PackerNumbers {
  private PackerNumbers() {}

  /**
   * A decimal exponent this far from zero leaves a number well inside float64's range (about
   * 4.9e-324 to 1.8e308), so most numbers are returned without being parsed as a double.
   */
  private static final int SURELY_IN_RANGE = 300;

  /**
   * The number, or empty when Packer cannot read it: no number at all ({@code .inf}, {@code .nan}
   * of YAML: see {@link #isFinite}) or beyond float64's range.
   */
  static Optional<BigDecimal> decode(DocScalar s) {
    String canonical = DocNumbers.canonical(s.text());
    if (canonical == null) {
      return Optional.empty();
    }
    BigDecimal d;
    try {
      d = new BigDecimal(canonical);
    } catch (NumberFormatException exponentBeyondInt) {
      d = null;
    }
    if (d != null) {
      long exponent = (long) d.precision() - d.scale() - 1;
      if (d.signum() == 0 || Math.abs(exponent) <= SURELY_IN_RANGE) {
        return Optional.of(d);
      }
    }
    // Java rounds a decimal to a double as Go's strconv.ParseFloat does (to nearest even), so the
    // same numbers overflow; the exponent is read without building the number.
    double rounded = Double.parseDouble(canonical);
    if (Double.isInfinite(rounded)) {
      return Optional.empty();
    }
    if (rounded == 0) {
      return Optional.of(BigDecimal.ZERO);
    }
    return Optional.of(d != null ? d : new BigDecimal(rounded));
  }

  /** Whether the scalar is a number at all: false for YAML's {@code .inf} and {@code .nan}. */
  static boolean isFinite(DocScalar s) {
    return DocNumbers.canonical(s.text()) != null;
  }
}
