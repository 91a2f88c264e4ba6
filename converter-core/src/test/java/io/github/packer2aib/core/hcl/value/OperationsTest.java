package io.github.packer2aib.core.hcl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OperationsTest {
  private static final Value SECRET = Value.number(7).mark(Mark.SENSITIVE);

  @Test
  void arithmetic() throws OperationException {
    assertEquals(Value.number(5), Operations.add(Value.number(2), Value.number(3)));
    assertEquals(Value.number(6), Operations.multiply(Value.string("2"), Value.string("3")));
    assertEquals("-1", Operations.modulo(Value.number(-7), Value.number(3)).toString());
    assertEquals(Value.number(5), Operations.modulo(Value.number(5), Value.number(0)));
    assertEquals("-0", Operations.negate(Value.number(0)).toString());
    assertEquals("+Inf", Operations.divide(Value.number(1), Value.number(0)).toString());
  }

  @Test
  void arithmeticErrorsUseHclWording() {
    OperationException e =
        assertThrows(OperationException.class, () -> Operations.add(Value.string("x"), Value.number(1)));
    assertEquals(0, e.operand());
    assertEquals("Invalid operand", e.summary());
    assertEquals("Unsuitable value for left operand: a number is required.", e.detail());
    OperationException n =
        assertThrows(OperationException.class, () -> Operations.add(Value.number(1), Value.nullOf(Type.NUMBER)));
    assertEquals(1, n.operand());
    assertEquals("Unsuitable value for right operand: argument must not be null.", n.detail());
    OperationException z =
        assertThrows(OperationException.class, () -> Operations.divide(Value.number(0), Value.number(0)));
    assertEquals("Operation failed", z.summary());
  }

  @Test
  void unknownsGiveUnknownsOfTheRightType() throws OperationException {
    assertEquals(Value.unknown(Type.NUMBER), Operations.add(Value.unknown(Type.DYNAMIC), Value.number(1)));
    assertEquals(Value.unknown(Type.BOOL), Operations.lessThan(Value.number(1), Value.unknown(Type.NUMBER)));
    assertEquals(Value.unknown(Type.BOOL), Operations.equal(Value.unknown(Type.STRING), Value.string("a")));
    assertEquals(
        Value.unknown(Type.BOOL),
        Operations.equal(
            Value.tuple(Value.unknown(Type.STRING)), Value.tuple(Value.string("a"))));
    assertEquals(
        Value.FALSE,
        Operations.equal(
            Value.tuple(Value.unknown(Type.STRING), Value.number(1)),
            Value.tuple(Value.string("a"), Value.number(2))));
  }

  @Test
  void equalityIsDeepAndTypeAware() {
    assertEquals(Value.FALSE, Operations.equal(Value.number(1), Value.string("1")));
    assertEquals(Value.TRUE, Operations.equal(Value.number("1.0"), Value.number(1)));
    assertEquals(Value.TRUE, Operations.equal(Value.nullOf(Type.STRING), Value.nullOf(Type.DYNAMIC)));
    assertEquals(
        Value.TRUE,
        Operations.equal(
            Value.object("a", Value.tuple(Value.number(1))), Value.object("a", Value.tuple(Value.number(1)))));
    assertEquals(
        Value.FALSE,
        Operations.equal(
            Value.list(Type.NUMBER, List.of(Value.number(1))), Value.tuple(Value.number(1))));
    assertEquals(Value.TRUE, Operations.notEqual(Value.string("a"), Value.string("b")));
  }

  @Test
  void logicAndComparisons() throws OperationException {
    assertEquals(Value.TRUE, Operations.and(Value.TRUE, Value.string("true")));
    assertEquals(Value.TRUE, Operations.or(Value.FALSE, Value.TRUE));
    assertEquals(Value.FALSE, Operations.not(Value.TRUE));
    assertEquals(Value.TRUE, Operations.greaterThanOrEqual(Value.number(2), Value.number("2.0")));
    assertThrows(OperationException.class, () -> Operations.and(Value.number(1), Value.TRUE));
  }

  @Test
  void resultsFromSensitiveOperandsAreSensitive() throws OperationException {
    assertTrue(Operations.add(SECRET, Value.number(1)).isSensitive());
    assertTrue(Operations.equal(Value.number(1), SECRET).isSensitive());
    assertTrue(Operations.negate(SECRET).isSensitive());
    assertTrue(Operations.lessThan(Value.unknown(Type.NUMBER), SECRET).isSensitive());
    assertTrue(Operations.equal(Value.tuple(SECRET), Value.tuple(Value.number(7))).isSensitive());
  }

  @Test
  void templates() throws OperationException {
    assertEquals(
        Value.string("a-1.5-true"),
        Templates.concat(List.of(Value.string("a-"), Value.number("1.5"), Value.string("-"), Value.TRUE)));
    OperationException n =
        assertThrows(OperationException.class, () -> Templates.interpolate(Value.nullOf(Type.STRING)));
    assertEquals("Invalid template interpolation value", n.summary());
    assertEquals(
        "The expression result is null. Cannot include a null value in a string template.", n.detail());
    OperationException c =
        assertThrows(OperationException.class, () -> Templates.interpolate(Value.tuple(Value.number(1))));
    assertEquals("Cannot include the given value in a string template: string required.", c.detail());
    assertEquals(
        Value.unknown(Type.STRING),
        Templates.concat(List.of(Value.string("a"), Value.unknown(Type.NUMBER))));
    Value s = Templates.concat(List.of(Value.string("pw="), SECRET));
    assertTrue(s.isSensitive());
    assertEquals(Value.string("pw=7"), s.unmarked());
  }
}
