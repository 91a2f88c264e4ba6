package io.github.packer2aib.core.hcl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Conversions between primitives that must be lossless. */
class ValueProperties {

  @Provide
  Arbitrary<BigDecimal> decimals() {
    return Combinators.combine(
            Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)),
            Arbitraries.integers().between(-60, 60))
        .as(BigDecimal::new);
  }

  @Property(tries = 500)
  void numberToStringAndBackIsIdentity(@ForAll("decimals") BigDecimal d) {
    Value n = Value.number(d);
    Value s = Convert.to(n, Type.STRING).value();
    Value back = Convert.to(s, Type.NUMBER).value();
    assertEquals(n, back);
    assertEquals(s, Convert.to(back, Type.STRING).value());
  }

  @Property(tries = 300)
  void arithmeticResultsSurviveTheStringRoundTrip(
      @ForAll("decimals") BigDecimal a, @ForAll("decimals") BigDecimal b) throws OperationException {
    if (b.signum() == 0) {
      return;
    }
    Value q = Operations.divide(Value.number(a), Value.number(b));
    Value back = Convert.to(Convert.to(q, Type.STRING).value(), Type.NUMBER).value();
    assertEquals(q, back);
  }

  @Property(tries = 200)
  void boolsAndStringsRoundTrip(@ForAll boolean b, @ForAll String s) {
    Value bv = Value.bool(b);
    assertEquals(bv, Convert.to(Convert.to(bv, Type.STRING).value(), Type.BOOL).value());
    Value sv = Value.string(s);
    assertEquals(sv, Convert.to(sv, Type.STRING).value());
  }

  @Property(tries = 200)
  void sensitiveMarksSurviveConversionOfCollections(@ForAll("decimals") BigDecimal d, @ForAll boolean markList) {
    Value secret = Value.number(d).mark(Mark.SENSITIVE);
    Value tuple = Value.tuple(Value.string("x"), secret);
    if (markList) {
      tuple = tuple.mark(Mark.SENSITIVE);
    }
    Value list = Convert.to(tuple, Type.list(Type.STRING)).value();
    assertTrue(list.containsSensitive());
    Value set = Convert.to(tuple, Type.set(Type.STRING)).value();
    assertTrue(set.containsSensitive());
  }
}
