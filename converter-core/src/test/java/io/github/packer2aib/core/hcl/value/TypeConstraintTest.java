package io.github.packer2aib.core.hcl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypeConstraintTest {
  private static final TypeConstraint DISK =
      TypeConstraint.object()
          .attribute("name", TypeConstraint.STRING)
          .optional("size_gb", TypeConstraint.NUMBER, Value.number(30))
          .optional("caching", TypeConstraint.STRING)
          .build();

  @Test
  void defaultsFillAbsentAndNullAttributes() {
    Value v =
        DISK.apply(Value.object("name", Value.string("os"), "size_gb", Value.nullOf(Type.DYNAMIC))).value();
    assertEquals(
        Value.object(
            "caching", Value.nullOf(Type.STRING), "name", Value.string("os"), "size_gb", Value.number(30)),
        v);
    assertEquals("object({caching=optional(string), name=string, size_gb=optional(number)})", DISK.toString());
  }

  @Test
  void defaultsApplyInsideCollections() {
    TypeConstraint disks = TypeConstraint.list(DISK);
    Value v =
        disks
            .apply(
                Value.tuple(
                    Value.object("name", Value.string("a")),
                    Value.object("name", Value.string("b"), "size_gb", Value.string("64"))))
            .value();
    assertEquals(
        List.of(Value.number(30), Value.number(64)),
        v.elements().stream().map(e -> ((ObjectValue) e).attributes().get("size_gb")).toList());
  }

  @Test
  void requiredAttributesStillRequired() {
    Convert.Result r = DISK.apply(Value.object("size_gb", Value.number(1)));
    assertFalse(r.isOk());
    assertEquals("attribute \"name\" is required", ((Convert.Failed) r).error().toString());
  }

  @Test
  void badDefaultsAreRefused() {
    assertTrue(TypeConstraint.NUMBER.checkDefault(Value.string("x")).isPresent());
    assertThrows(
        IllegalArgumentException.class,
        () -> TypeConstraint.object().optional("n", TypeConstraint.NUMBER, Value.string("x")));
  }

  @Test
  void sensitiveValuesStaySensitive() {
    Value v = DISK.apply(Value.object("name", Value.string("os")).mark(Mark.SENSITIVE)).value();
    assertTrue(v.isSensitive());
  }
}
