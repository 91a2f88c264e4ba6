package io.github.packer2aib.core.hcl.value;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HCL's operators on values, with cty's semantics: operands are converted to the operator's type
 * ({@code "2" * 3} is 6), an unknown operand gives an unknown result of the operator's type, a null
 * operand is an error, and the result carries the marks of the operands.
 *
 * <p>Numbers are {@link BigFloat}s: {@code 10/3} gives Packer's 155-digit {@code 3.333...332},
 * {@code 1/0} gives {@code +Inf} (Packer 1.6.6 does the same), {@code 0/0} is an error, {@code x %
 * 0} is {@code x} (as Packer 1.6.6 gives).
 */
public final class Operations {
  private Operations() {}

  private static final String INVALID_OPERAND = "Invalid operand";
  private static final String OPERATION_FAILED = "Operation failed";

  public static Value add(Value a, Value b) throws OperationException {
    return arithmetic(a, b, BigFloat::add);
  }

  public static Value subtract(Value a, Value b) throws OperationException {
    return arithmetic(a, b, BigFloat::subtract);
  }

  public static Value multiply(Value a, Value b) throws OperationException {
    return arithmetic(a, b, BigFloat::multiply);
  }

  public static Value divide(Value a, Value b) throws OperationException {
    return arithmetic(a, b, BigFloat::divide);
  }

  public static Value modulo(Value a, Value b) throws OperationException {
    return arithmetic(
        a, b, (x, y) -> y.isZero() ? x : x.isInfinite() ? x : y.isInfinite() ? x : x.remainder(y));
  }

  public static Value negate(Value a) throws OperationException {
    Set<Mark> marks = a.deepMarks();
    Value n = operand(a, Type.NUMBER, 0);
    if (!n.isKnown()) {
      return Value.unknown(Type.NUMBER).withMarks(marks);
    }
    return Value.number(n.asNumber().negate()).withMarks(marks);
  }

  private interface NumberOp {
    BigFloat apply(BigFloat x, BigFloat y);
  }

  private static Value arithmetic(Value a, Value b, NumberOp op) throws OperationException {
    Set<Mark> marks = union(a, b);
    Value x = operand(a, Type.NUMBER, 0);
    Value y = operand(b, Type.NUMBER, 1);
    if (!x.isKnown() || !y.isKnown()) {
      return Value.unknown(Type.NUMBER).withMarks(marks);
    }
    try {
      return Value.number(op.apply(x.asNumber(), y.asNumber())).withMarks(marks);
    } catch (ArithmeticException e) {
      throw new OperationException(
          -1,
          OPERATION_FAILED,
          "Error during operation: can't divide zero by zero or infinity by infinity.");
    }
  }

  /** The operand converted to {@code type}, unmarked at the top; unknown stays unknown. */
  private static Value operand(Value v, Type type, int index) throws OperationException {
    Value u = Values.stripMarks(v);
    if (u.isNull()) {
      throw new OperationException(
          index,
          INVALID_OPERAND,
          "Unsuitable value for " + side(index) + " operand: argument must not be null.");
    }
    Convert.Result r = Convert.to(u, type);
    if (!r.isOk()) {
      throw new OperationException(
          index,
          INVALID_OPERAND,
          "Unsuitable value for "
              + side(index)
              + " operand: "
              + ((Convert.Failed) r).error()
              + ".");
    }
    return r.value();
  }

  private static String side(int index) {
    return index == 0 ? "left" : "right";
  }

  private static Set<Mark> union(Value a, Value b) {
    EnumSet<Mark> marks = EnumSet.noneOf(Mark.class);
    a.addDeepMarksTo(marks);
    b.addDeepMarksTo(marks);
    return marks;
  }

  // ------------------------------------------------------------------ comparisons

  public static Value lessThan(Value a, Value b) throws OperationException {
    return compare(a, b, c -> c < 0);
  }

  public static Value lessThanOrEqual(Value a, Value b) throws OperationException {
    return compare(a, b, c -> c <= 0);
  }

  public static Value greaterThan(Value a, Value b) throws OperationException {
    return compare(a, b, c -> c > 0);
  }

  public static Value greaterThanOrEqual(Value a, Value b) throws OperationException {
    return compare(a, b, c -> c >= 0);
  }

  private interface Test {
    boolean test(int comparison);
  }

  private static Value compare(Value a, Value b, Test t) throws OperationException {
    Set<Mark> marks = union(a, b);
    Value x = operand(a, Type.NUMBER, 0);
    Value y = operand(b, Type.NUMBER, 1);
    if (!x.isKnown() || !y.isKnown()) {
      return Value.unknown(Type.BOOL).withMarks(marks);
    }
    return Value.bool(t.test(x.asNumber().compareTo(y.asNumber()))).withMarks(marks);
  }

  /**
   * {@code ==}: deep, type-aware equality ({@code 1 == "1"} is false, {@code null == null} is
   * true); unknown when either side holds an unknown that matters.
   */
  public static Value equal(Value a, Value b) {
    Set<Mark> marks = union(a, b);
    Boolean r = equalsOrUnknown(Values.stripMarks(a), Values.stripMarks(b));
    return (r == null ? Value.unknown(Type.BOOL) : Value.bool(r)).withMarks(marks);
  }

  public static Value notEqual(Value a, Value b) {
    Value eq = equal(a, b);
    Value.Unmarked um = eq.unmark();
    if (!um.value().isKnown()) {
      return eq;
    }
    return um.remark(Value.bool(!um.value().asBoolean()));
  }

  /** True, false, or null for "unknown". Both values are unmarked. */
  static Boolean equalsOrUnknown(Value a, Value b) {
    if (!a.isKnown() || !b.isKnown()) {
      return null;
    }
    if (a.isNull() || b.isNull()) {
      return a.isNull() && b.isNull();
    }
    if (!a.type().equals(b.type())) {
      return false;
    }
    if (a instanceof NumberValue) {
      return a.asNumber().compareTo(b.asNumber()) == 0;
    }
    if (a instanceof StringValue || a instanceof BoolValue) {
      return a.equals(b);
    }
    if (a instanceof ListValue || a instanceof TupleValue || a instanceof SetValue) {
      List<Value> x = a.elements();
      List<Value> y = b.elements();
      if (x.size() != y.size()) {
        return false;
      }
      if (a instanceof SetValue && (!a.isWhollyKnown() || !b.isWhollyKnown())) {
        return null;
      }
      Boolean result = true;
      for (int i = 0; i < x.size(); i++) {
        Boolean e = equalsOrUnknown(x.get(i), y.get(i));
        if (e == null) {
          result = null;
        } else if (!e) {
          return false;
        }
      }
      return result;
    }
    Map<String, Value> x =
        a instanceof MapValue ? ((MapValue) a).entries() : ((ObjectValue) a).attributes();
    Map<String, Value> y =
        b instanceof MapValue ? ((MapValue) b).entries() : ((ObjectValue) b).attributes();
    if (!x.keySet().equals(y.keySet())) {
      return false;
    }
    Boolean result = true;
    for (Map.Entry<String, Value> e : x.entrySet()) {
      Boolean r = equalsOrUnknown(e.getValue(), y.get(e.getKey()));
      if (r == null) {
        result = null;
      } else if (!r) {
        return false;
      }
    }
    return result;
  }

  // ------------------------------------------------------------------ logic

  public static Value and(Value a, Value b) throws OperationException {
    return logic(a, b, true);
  }

  public static Value or(Value a, Value b) throws OperationException {
    return logic(a, b, false);
  }

  private static Value logic(Value a, Value b, boolean and) throws OperationException {
    Set<Mark> marks = union(a, b);
    Value x = operand(a, Type.BOOL, 0);
    Value y = operand(b, Type.BOOL, 1);
    if (!x.isKnown() || !y.isKnown()) {
      return Value.unknown(Type.BOOL).withMarks(marks);
    }
    boolean r = and ? x.asBoolean() && y.asBoolean() : x.asBoolean() || y.asBoolean();
    return Value.bool(r).withMarks(marks);
  }

  public static Value not(Value a) throws OperationException {
    Set<Mark> marks = a.deepMarks();
    Value x = operand(a, Type.BOOL, 0);
    if (!x.isKnown()) {
      return Value.unknown(Type.BOOL).withMarks(marks);
    }
    return Value.bool(!x.asBoolean()).withMarks(marks);
  }
}
