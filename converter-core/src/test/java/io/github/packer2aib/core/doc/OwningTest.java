package io.github.packer2aib.core.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Objects and arrays that own the caller's array are the same values as copied ones. */
class OwningTest {
  private static final DocMember A = new DocMember("a", null, DocScalar.string("x", null));
  private static final DocMember B = new DocMember("b", null, DocScalar.number("1", null));

  @Test
  void anOwningObjectHoldsTheFirstCountMembers() {
    DocObject owning = DocObject.owning(new DocMember[] {A, B, null, null}, 2, null);
    assertEquals(new DocObject(List.of(A, B), null), owning);
    assertEquals(new DocObject(List.of(A, B), null).hashCode(), owning.hashCode());
    assertEquals(List.of(A, B), owning.members());
    assertEquals(B, owning.memberOrNull("b"));
    assertThrows(IndexOutOfBoundsException.class, () -> owning.members().get(2));
  }

  @Test
  void anOwningArrayIsUnmodifiable() {
    DocNode x = DocScalar.string("x", null);
    DocArray owning = DocArray.owning(new DocNode[] {x}, 1, null);
    assertEquals(new DocArray(List.of(x), null), owning);
    assertThrows(UnsupportedOperationException.class, () -> owning.items().add(x));
    assertThrows(UnsupportedOperationException.class, () -> owning.items().set(0, x));
  }

  @Test
  void aCountBeyondTheArrayIsRefused() {
    assertThrows(IndexOutOfBoundsException.class, () -> DocArray.owning(new DocNode[1], 2, null));
  }
}
