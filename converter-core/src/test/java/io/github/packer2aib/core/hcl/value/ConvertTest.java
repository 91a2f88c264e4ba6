package io.github.packer2aib.core.hcl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvertTest {
  private static Value ok(Value v, Type t) {
    Convert.Result r = Convert.to(v, t);
    assertTrue(r.isOk(), () -> "expected success, got " + r);
    return r.value();
  }

  private static String error(Value v, Type t) {
    Convert.Result r = Convert.to(v, t);
    assertFalse(r.isOk(), () -> "expected failure, got " + r);
    return ((Convert.Failed) r).error().toString();
  }

  @Test
  void primitives() {
    assertEquals(Value.string("1.5"), ok(Value.number("1.5"), Type.STRING));
    assertEquals(Value.string("true"), ok(Value.TRUE, Type.STRING));
    assertEquals(Value.number(42), ok(Value.string("42"), Type.NUMBER));
    assertEquals(Value.FALSE, ok(Value.string("false"), Type.BOOL));
    assertEquals(Value.TRUE, ok(Value.string("1"), Type.BOOL));
    assertEquals("a number is required", error(Value.string("4x"), Type.NUMBER));
    assertEquals(
        "a bool is required; to convert from string, use lowercase \"false\"",
        error(Value.string("FALSE"), Type.BOOL));
    assertEquals("bool required", error(Value.number(1), Type.BOOL));
    assertEquals("number required", error(Value.TRUE, Type.NUMBER));
  }

  @Test
  void safeConversionRefusesWhatMayFail() {
    assertFalse(Convert.toSafe(Value.string("1"), Type.NUMBER).isOk());
    assertTrue(Convert.toSafe(Value.number(1), Type.STRING).isOk());
  }

  @Test
  void structuralToCollections() {
    Value tuple = Value.tuple(Value.number(1), Value.string("a"));
    assertEquals(
        Value.list(Type.STRING, List.of(Value.string("1"), Value.string("a"))),
        ok(tuple, Type.list(Type.DYNAMIC)));
    assertEquals(
        Value.set(Type.STRING, List.of(Value.string("a"))),
        ok(Value.tuple(Value.string("a"), Value.string("a")), Type.set(Type.STRING)));
    assertEquals(
        Value.map(Type.STRING, Map.of("a", Value.string("1"))),
        ok(Value.object("a", Value.number(1)), Type.map(Type.STRING)));
    assertEquals(Value.list(Type.DYNAMIC, List.of()), ok(Value.tuple(), Type.list(Type.DYNAMIC)));
    assertEquals(
        "all list elements must have the same type",
        error(Value.tuple(Value.number(1), Value.TRUE), Type.list(Type.DYNAMIC)));
    assertEquals(
        "element 1: number required",
        error(Value.tuple(Value.number(1), Value.TRUE), Type.list(Type.NUMBER)));
  }

  @Test
  void plainElementsConvertToTheirCollectionAsElementsOfAnyKindDo() {
    // Tuples and objects of unmarked strings, numbers and bools take a shorter path than
    // elements that must be converted or carry marks; the results are made the same way.
    Value strings = Value.tuple(Value.string("b"), Value.string("a"), Value.string("b"));
    assertEquals(Value.list(Type.STRING, strings.elements()), ok(strings, Type.list(Type.STRING)));
    assertEquals(
        Value.set(Type.STRING, List.of(Value.string("a"), Value.string("b"))),
        ok(strings, Type.set(Type.STRING)));
    assertEquals(
        Value.list(Type.NUMBER, List.of(Value.number(2))),
        ok(Value.tuple(Value.number(2)), Type.list(Type.NUMBER)));
    assertEquals(
        Value.map(Type.BOOL, Map.of("x", Value.TRUE)),
        ok(Value.object("x", Value.TRUE), Type.map(Type.BOOL)));
    assertEquals(Value.list(Type.STRING, List.of()), ok(Value.tuple(), Type.list(Type.STRING)));
    assertEquals(
        Value.map(Type.STRING, Map.of()), ok(Value.object(Map.of()), Type.map(Type.STRING)));
    Value marked = Value.tuple(Value.string("a").mark(Mark.SENSITIVE));
    assertEquals(
        Value.list(Type.STRING, List.of(Value.string("a").mark(Mark.SENSITIVE))),
        ok(marked, Type.list(Type.STRING)));
    assertEquals(
        "[0]: a number is required", error(Value.tuple(Value.string("x")), Type.list(Type.NUMBER)));
  }

  @Test
  void strippingMarksKeepsAValueWithoutMarksAsItIs() {
    Value plain = Value.object("a", Value.tuple(Value.string("x")));
    assertSame(plain, Values.stripMarks(plain));
    Value inside = Value.object("a", Value.tuple(Value.string("x").mark(Mark.SENSITIVE)));
    assertEquals(plain, Values.stripMarks(inside));
    assertEquals(plain, Values.stripMarks(plain.mark(Mark.SENSITIVE)));
  }

  @Test
  void errorsInsideValuesCarryAPath() {
    Value v = Value.object("tags", Value.object("env", Value.string("prod")));
    Type want = Type.object(Map.of("tags", Type.map(Type.NUMBER)));
    assertEquals(".tags[\"env\"]: a number is required", error(v, want));
    assertEquals(
        "[1]: a bool is required",
        error(Value.tuple(Value.string("true"), Value.string("x")), Type.list(Type.BOOL)));
  }

  @Test
  void objectsAndMaps() {
    Type want = Type.object(Map.of("a", Type.STRING, "b", Type.NUMBER));
    assertEquals("attribute \"b\" is required", error(Value.object("a", Value.string("x")), want));
    assertEquals(
        "attributes \"a\" and \"b\" are required", error(Value.object("c", Value.TRUE), want));
    // Extra attributes are dropped (unsafe conversion), kept out of the result.
    assertEquals(
        Value.object("a", Value.string("x"), "b", Value.number(1)),
        ok(Value.object("a", Value.string("x"), "b", Value.string("1"), "c", Value.TRUE), want));
    // A map converts to an object when it has every required key.
    Value m = Value.map(Type.STRING, Map.of("a", Value.string("x"), "b", Value.string("2")));
    assertEquals(Value.object("a", Value.string("x"), "b", Value.number(2)), ok(m, want));
    assertEquals(
        "map has no element for required attribute \"b\"",
        error(Value.map(Type.STRING, Map.of("a", Value.string("x"))), want));
  }

  @Test
  void optionalAttributesBecomeNull() {
    ObjectType want =
        new ObjectType(
            Map.of("a", Type.STRING, "b", Type.list(Type.STRING)), java.util.Set.of("b"));
    Value r = ok(Value.object("a", Value.string("x")), want);
    assertEquals(
        Value.object("a", Value.string("x"), "b", Value.nullOf(Type.list(Type.STRING))), r);
  }

  @Test
  void nullsAndUnknownsConvertToTheTargetType() {
    assertEquals(Value.nullOf(Type.STRING), ok(Value.nullOf(Type.DYNAMIC), Type.STRING));
    assertEquals(Value.unknown(Type.NUMBER), ok(Value.unknown(Type.STRING), Type.NUMBER));
    assertEquals(
        Value.unknown(Type.list(Type.STRING)),
        ok(Value.unknown(Type.list(Type.STRING)), Type.list(Type.DYNAMIC)));
    assertEquals("number required", error(Value.unknown(Type.BOOL), Type.NUMBER));
  }

  @Test
  void marksSurviveConversion() {
    Value secret = Value.number(5).mark(Mark.SENSITIVE);
    Value r = ok(secret, Type.STRING);
    assertTrue(r.isSensitive());
    assertEquals(Value.string("5"), r.unmarked());
    Value list = ok(Value.tuple(Value.string("a"), secret), Type.list(Type.STRING));
    assertFalse(list.isSensitive());
    assertTrue(list.containsSensitive());
    assertEquals("tolist([\"a\", (sensitive value)])", list.toString());
  }

  @Test
  void unification() {
    assertEquals(Type.STRING, Unify.unify(List.of(Type.NUMBER, Type.STRING), true).orElseThrow());
    assertTrue(Unify.unify(List.of(Type.NUMBER, Type.BOOL), true).isEmpty());
    assertEquals(
        Type.map(Type.NUMBER),
        Unify.unify(
                List.of(
                    Type.object(Map.of("a", Type.NUMBER)), Type.object(Map.of("b", Type.NUMBER))),
                true)
            .orElseThrow());
    assertEquals(
        Type.object(Map.of("a", Type.STRING)),
        Unify.unify(
                List.of(
                    Type.object(Map.of("a", Type.NUMBER)), Type.object(Map.of("a", Type.STRING))),
                true)
            .orElseThrow());
    assertEquals(
        Type.list(Type.STRING),
        Unify.unify(
                List.of(
                    Type.tuple(List.of(Type.NUMBER)),
                    Type.tuple(List.of(Type.STRING, Type.STRING))),
                true)
            .orElseThrow());
    assertEquals(
        Type.DYNAMIC,
        Unify.unify(List.of(Type.list(Type.STRING), Type.DYNAMIC), true).orElseThrow());
  }

  @Test
  void typeNames() {
    assertEquals("list of map of string", Type.list(Type.map(Type.STRING)).friendlyName());
    // As cty words a constraint (Packer 1.6.6: "list of any single type required").
    assertEquals("list of any single type", Type.list(Type.DYNAMIC).friendlyNameForConstraint());
    assertEquals(
        "map of list of any single type",
        Type.map(Type.list(Type.DYNAMIC)).friendlyNameForConstraint());
    assertEquals(
        "object({a=optional(string), b=list(number)})",
        new ObjectType(Map.of("b", Type.list(Type.NUMBER), "a", Type.STRING), java.util.Set.of("a"))
            .toString());
    assertEquals("tuple([string, any])", Type.tuple(List.of(Type.STRING, Type.DYNAMIC)).toString());
  }
}
