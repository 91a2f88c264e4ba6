package io.github.packer2aib.core.hcl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueModelTest {
  @Test
  void objectsEqualWhateverTheAttributeOrder() {
    Map<String, Value> ab = new LinkedHashMap<>();
    ab.put("a", Value.number(1));
    ab.put("b", Value.string("x"));
    Map<String, Value> ba = new LinkedHashMap<>();
    ba.put("b", Value.string("x"));
    ba.put("a", Value.number(1));
    assertEquals(Value.object(ab), Value.object(ba));
    assertEquals(Value.object(ab).hashCode(), Value.object(ba).hashCode());
    assertEquals(List.of("a", "b"), List.copyOf(Value.object(ba).attributes().keySet()));
  }

  @Test
  void setsAreOrderedAndDeduplicated() {
    assertEquals(
        "toset([\"B\", \"a\", \"b\", \"é\", \"\uD83C\uDF89\"])",
        Value.set(
                Type.STRING,
                List.of(
                    Value.string("b"),
                    Value.string("\uD83C\uDF89"),
                    Value.string("a"),
                    Value.string("é"),
                    Value.string("B"),
                    Value.string("a")))
            .toString());
    assertEquals(
        "toset([-1, 2, 10])",
        Value.set(Type.NUMBER, List.of(Value.number(10), Value.number(2), Value.number(-1)))
            .toString());
    assertEquals(
        "toset([false, true])", Value.set(Type.BOOL, List.of(Value.TRUE, Value.FALSE)).toString());
    // cty's order: known values, then unknowns, then nulls.
    assertEquals(
        "toset([\"a\", \"b\", unknown(string), null])",
        Value.set(
                Type.STRING,
                List.of(
                    Value.nullOf(Type.STRING),
                    Value.string("b"),
                    Value.unknown(Type.STRING),
                    Value.string("a")))
            .toString());
  }

  @Test
  void stringsAreNormalizedToNfc() {
    assertEquals(Value.string("é"), Value.string("e\u0301"));
  }

  @Test
  void collectionsCheckElementTypes() {
    assertThrows(
        IllegalArgumentException.class, () -> Value.list(Type.STRING, List.of(Value.number(1))));
  }

  @Test
  void marksAreVisibleDeepAndNeverPrinted() {
    Value secret = Value.string("hunter2").mark(Mark.SENSITIVE);
    assertTrue(secret.isSensitive());
    assertEquals("(sensitive value)", secret.toString());
    assertNotEquals(Value.string("hunter2"), secret);
    Value obj = Value.object("password", secret, "user", Value.string("bob"));
    assertFalse(obj.isSensitive());
    assertTrue(obj.containsSensitive());
    assertEquals("{password = (sensitive value), user = \"bob\"}", obj.toString());
    Value.Unmarked um = obj.unmarkDeep();
    assertEquals(Set.of(Mark.SENSITIVE), um.marks());
    assertFalse(um.value().containsSensitive());
    assertEquals(secret, secret.mark(Mark.SENSITIVE));
  }

  @Test
  void knownness() {
    Value partly = Value.tuple(Value.number(1), Value.unknown(Type.STRING));
    assertTrue(partly.isKnown());
    assertFalse(partly.isWhollyKnown());
    assertFalse(Value.unknown(Type.DYNAMIC).isKnown());
    assertTrue(Value.nullOf(Type.STRING).isNull());
    assertEquals("unknown(list(string))", Value.unknown(Type.list(Type.STRING)).toString());
  }

  @Test
  void valuePathsPrintLikePacker() {
    assertEquals(
        ".tags[\"env\"][0].name",
        ValuePath.ROOT.attribute("tags").key("env").index(0).attribute("name").toString());
  }

  @Test
  void aTupleAndAnObjectWorkOutTheirTypeOnce() {
    // Indexing or length() in a loop asks for the type on every turn: a new one each time made
    // such loops quadratic.
    TupleValue t = Value.tuple(Value.string("a"), Value.number(1));
    ObjectValue o = Value.object("a", Value.string("a"));
    assertSame(t.type(), t.type());
    assertSame(o.type(), o.type());
    assertEquals(new TupleType(List.of(Type.STRING, Type.NUMBER)), t.type());
  }

  @Test
  void marksAndUnknownsDeepInsideAVeryDeepValueAreFoundWithoutRecursion() {
    // A chain of 12,000 locals each wrapping the one before built such a value, and the walks for
    // marks overflowed the stack.
    Value sensitive = Value.string("s").mark(Mark.SENSITIVE);
    Value v = Value.tuple(sensitive, Value.unknown(Type.STRING));
    Value plain = Value.list(Value.map(Type.STRING, Map.of("k", Value.string("p"))));
    for (int i = 0; i < 200_000; i++) {
      v = i % 2 == 0 ? Value.tuple(v) : Value.object("x", v);
      plain = i % 2 == 0 ? Value.tuple(plain) : Value.object("x", plain);
    }
    assertTrue(v.containsSensitive());
    assertEquals(Set.of(Mark.SENSITIVE), v.deepMarks());
    assertFalse(v.isWhollyKnown());
    assertFalse(plain.containsSensitive());
    assertEquals(Set.of(), plain.deepMarks());
    assertTrue(plain.isWhollyKnown());
    assertEquals(Set.of(Mark.FROZEN), plain.mark(Mark.FROZEN).deepMarks());
  }

  @Test
  void aVeryDeepMarkedValueIsStrippedAndReadWithoutRecursion() {
    // A sensitive variable at the bottom of a chain of 12,000 locals: gathering its texts for the
    // masks stripped its marks by recursion and overflowed the stack (an internal error).
    Value v = Value.tuple(Value.string("s").mark(Mark.SENSITIVE), Value.number(1));
    for (int i = 0; i < 200_000; i++) {
      v = i % 2 == 0 ? Value.tuple(v).mark(Mark.FROZEN) : Value.object("x", v);
    }
    Value stripped = Values.stripMarks(v);
    assertEquals(Set.of(), stripped.deepMarks());
    // The same shape all the way down (by a loop: equals would recurse as deep).
    Value at = stripped;
    for (int i = 200_000 - 1; i >= 0; i--) {
      assertTrue(i % 2 == 0 ? at instanceof TupleValue : at instanceof ObjectValue, "level " + i);
      at = Values.children(at).get(0);
    }
    assertEquals(Value.tuple(Value.string("s"), Value.number(1)), at);
    assertEquals(List.of("s", "1"), io.github.packer2aib.core.packer.SensitiveTexts.texts(v));
  }
}
