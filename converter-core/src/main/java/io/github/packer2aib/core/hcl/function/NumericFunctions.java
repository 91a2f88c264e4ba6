package io.github.packer2aib.core.hcl.function;

import static io.github.packer2aib.core.hcl.function.DefinedFunction.define;

import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Number functions. {@code log} and {@code pow} compute on doubles, as Packer does on Go's float64,
 * with {@link GoMath}'s port of Go's {@code math.Log} and {@code math.Pow}: {@link StrictMath}
 * (fdlibm) gives results a few units in the last place apart from Packer's for about half of all
 * {@code pow} calls, whole exponents included, and for about one {@code log} call in a hundred.
 * Their arguments are read as float64 the way cty reads them ({@link Args#toFloat64InCall}): a
 * number beyond float64's range fails the call, as in Packer, rather than computing on an infinity
 * ({@code pow(1e400, 0)} is no 1).
 */
final class NumericFunctions {
  private NumericFunctions() {}

  static List<HclFunction> all() {
    List<HclFunction> fs = new ArrayList<>();
    fs.add(
        define("abs")
            .param("num", Type.NUMBER)
            .returns(Type.NUMBER)
            .impl(a -> Value.number(a.get(0).asNumber().abs())));
    fs.add(
        define("ceil")
            .param("num", Type.NUMBER)
            .returns(Type.NUMBER)
            .impl(a -> Value.number(round(a.get(0).asNumber(), true))));
    fs.add(
        define("floor")
            .param("num", Type.NUMBER)
            .returns(Type.NUMBER)
            .impl(a -> Value.number(round(a.get(0).asNumber(), false))));
    fs.add(
        define("signum")
            .param("num", Type.NUMBER)
            .returns(Type.NUMBER)
            .impl(
                a -> {
                  // Packer reads the argument as a whole number first.
                  BigFloat n = a.get(0).asNumber();
                  if ((!n.isInteger() && !n.isZero())
                      || n.compareTo(BigFloat.of(Long.MIN_VALUE)) < 0
                      || n.compareTo(BigFloat.of(Long.MAX_VALUE)) > 0) {
                    throw FunctionException.call(
                        "value must be a whole number, between "
                            + Long.MIN_VALUE
                            + " and "
                            + Long.MAX_VALUE);
                  }
                  return Value.number(n.signum());
                }));
    fs.add(
        define("log")
            .param("num", Type.NUMBER)
            .param("base", Type.NUMBER)
            .returns(Type.NUMBER)
            .impl(
                a ->
                    number(
                        GoMath.log(Args.toFloat64InCall(a.get(0)))
                            / GoMath.log(Args.toFloat64InCall(a.get(1))))));
    fs.add(
        define("pow")
            .param("num", Type.NUMBER)
            .param("power", Type.NUMBER)
            .returns(Type.NUMBER)
            .impl(
                a ->
                    number(
                        GoMath.pow(
                            Args.toFloat64InCall(a.get(0)), Args.toFloat64InCall(a.get(1))))));
    fs.add(
        define("max")
            .variadic("numbers", Type.NUMBER)
            .returns(Type.NUMBER)
            .impl(a -> extreme(a, true)));
    fs.add(
        define("min")
            .variadic("numbers", Type.NUMBER)
            .returns(Type.NUMBER)
            .impl(a -> extreme(a, false)));
    fs.add(
        define("parseint")
            .param("number", Type.DYNAMIC)
            .param("base", Type.NUMBER)
            .returns(Type.NUMBER)
            .impl(NumericFunctions::parseint));
    return fs;
  }

  private static Value number(double d) throws FunctionException {
    if (Double.isNaN(d)) {
      throw FunctionException.call("the result is not a number (NaN)");
    }
    return Value.number(BigFloat.ofDouble(d));
  }

  /** Past this, a float64 no longer holds every whole number of the int64 range. */
  private static final double INT64_LIMIT = 0x1p63;

  private static BigFloat round(BigFloat n, boolean up) {
    if (n.isInfinite()) {
      return n;
    }
    double d = n.toDouble();
    if (Math.abs(d) < INT64_LIMIT) {
      // As Packer 1.6.6: the argument read as a float64, int64(math.Ceil(x)); so
      // ceil(1.0000000000000001) is 1 and floor(-0) is 0.
      return BigFloat.of((long) (up ? Math.ceil(d) : Math.floor(d)));
    }
    // Beyond int64 Packer overflows; the exact result is kept (d lines of function-calls.tsv).
    if (n.isInteger()) {
      return n;
    }
    BigInteger t = n.truncate();
    boolean positive = n.signum() > 0;
    if (up && positive) {
      t = t.add(BigInteger.ONE);
    } else if (!up && !positive) {
      t = t.subtract(BigInteger.ONE);
    }
    return BigFloat.of(t);
  }

  private static Value extreme(List<Value> a, boolean max) throws FunctionException {
    if (a.isEmpty()) {
      throw FunctionException.call("must pass at least one number");
    }
    Value best = a.get(0);
    for (Value v : a) {
      int c = v.asNumber().compareTo(best.asNumber());
      if (max ? c > 0 : c < 0) {
        best = v;
      }
    }
    return best;
  }

  private static Value parseint(List<Value> a) throws FunctionException {
    Value num = a.get(0);
    if (num.type() != Type.STRING) {
      throw FunctionException.arg(
          0, "first argument must be a string, not " + num.type().friendlyName());
    }
    // First read as Go's int, as cty does (Packer 1.6.6: 10.5 is "value must be a whole
    // number, between …"), then checked as a base.
    BigInteger base = BigInteger.valueOf(Args.toLong(a.get(1), 1));
    if (base.compareTo(BigInteger.TWO) < 0 || base.compareTo(BigInteger.valueOf(62)) > 0) {
      throw FunctionException.arg(1, "base must be a whole number between 2 and 62 inclusive");
    }
    String s = num.asString();
    BigInteger parsed = parseBigInt(s, base.intValue());
    if (parsed == null) {
      throw FunctionException.arg(
          0,
          "cannot parse "
              + io.github.packer2aib.core.hcl.value.Strings.quote(s)
              + " as a base "
              + base
              + " integer");
    }
    return Value.number(BigFloat.of(parsed));
  }

  /** Go's {@code big.Int.SetString(s, base)} for bases 2..62. */
  static BigInteger parseBigInt(String s, int base) {
    int i = 0;
    boolean negative = false;
    if (s.startsWith("+") || s.startsWith("-")) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (i >= s.length()) {
      return null;
    }
    BigInteger r = BigInteger.ZERO;
    BigInteger bb = BigInteger.valueOf(base);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'z') {
        d = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'Z') {
        d = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
      } else {
        return null;
      }
      if (d >= base) {
        return null;
      }
      r = r.multiply(bb).add(BigInteger.valueOf(d));
    }
    return negative ? r.negate() : r;
  }
}
