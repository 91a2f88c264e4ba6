package io.github.packer2aib.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Lazy ranges ({@link SourceFile#range}, which compute their positions when asked) against eager
 * ones built from {@link SourceFile#position}: same positions, same text, equal both ways with the
 * same hash code, and {@code to}/{@code through}/{@code after}/{@code settled} as if eager.
 */
class RangeProperties {

  @Property(tries = 300)
  void lazyRangesAreTheirEagerTwins(
      @ForAll("texts") String text, @ForAll("offsets") List<Integer> offsets) {
    SourceFile file = new SourceFile("f.hcl", text);
    SourceFile reference = new SourceFile("f.hcl", text);
    for (int i = 0; i + 1 < offsets.size(); i += 2) {
      int start = offsets.get(i) % (text.length() + 3) - 1;
      int end = start + offsets.get(i + 1) % 12 - 2;
      Range lazy = file.range(start, end);
      Range eager = eager(reference, start, end);
      String at = start + ".." + end;
      assertEquals(eager.start(), lazy.start(), at);
      assertEquals(eager.end(), lazy.end(), at);
      assertEquals(eager.start().offset(), lazy.startOffset(), at);
      assertEquals(eager.end().offset(), lazy.endOffset(), at);
      assertEquals(eager.toString(), lazy.toString(), at);
      assertEquals(eager, lazy, at);
      assertEquals(lazy, eager, at);
      assertEquals(eager.hashCode(), lazy.hashCode(), at);
    }
  }

  /** Positions asked in any order (end first, toString first) are the same positions. */
  @Property(tries = 200)
  void equalityDoesNotDependOnWhatWasAskedFirst(
      @ForAll("texts") String text, @ForAll("offsets") List<Integer> offsets) {
    SourceFile file = new SourceFile("f.hcl", text);
    for (int i = 0; i + 1 < offsets.size(); i += 2) {
      int start = offsets.get(i) % (text.length() + 1);
      int end = start + offsets.get(i + 1) % 5;
      Range a = file.range(start, end);
      Range b = file.range(start, end);
      a.end();
      assertEquals(a, b);
      assertEquals(b, a);
      assertEquals(a.hashCode(), b.hashCode());
      assertEquals(file.range(start, end).start(), b.start());
    }
  }

  @Property(tries = 300)
  void joinedRangesAreTheEagerJoins(
      @ForAll("texts") String text, @ForAll("offsets") List<Integer> offsets) {
    SourceFile file = new SourceFile("f.hcl", text);
    SourceFile reference = new SourceFile("f.hcl", text);
    for (int i = 0; i + 3 < offsets.size(); i += 4) {
      int n = text.length() + 1;
      int s1 = offsets.get(i) % n;
      int e1 = Math.min(n - 1, s1 + offsets.get(i + 1) % 6);
      int s2 = offsets.get(i + 2) % n;
      int e2 = Math.min(n - 1, s2 + offsets.get(i + 3) % 6);
      Range a = file.range(s1, e1);
      Range b = file.range(s2, e2);
      Range ea = eager(reference, s1, e1);
      Range eb = eager(reference, s2, e2);
      Range to = a.to(b);
      assertEquals(ea.to(eb), to);
      assertEquals(ea.to(eb).start(), to.start());
      assertEquals(ea.to(eb).end(), to.end());
      assertEquals(ea.to(eb), a.to(eb), "lazy to eager");
      assertEquals(ea.to(eb), ea.to(b), "eager to lazy");
      if (e2 >= s1) {
        Range through = a.through(b);
        assertEquals(new Range("f.hcl", ea.start(), eb.end()), through);
        assertEquals(through, ea.through(eb));
        assertEquals(through.end(), a.through(eb).end());
      }
      if (e1 <= e2) {
        Range after = b.after(a);
        assertEquals(new Range("f.hcl", ea.end(), eb.end()), after);
        assertEquals(after.start(), eb.after(ea).start());
      }
    }
  }

  /** A settled range (positions computed, source dropped) equals the lazy one it was. */
  @Property(tries = 100)
  void settledRangesAreEqualAndHoldTheirPositions(
      @ForAll("texts") String text, @ForAll("offsets") List<Integer> offsets) {
    SourceFile file = new SourceFile("f.hcl", text);
    for (int i = 0; i + 1 < offsets.size(); i += 2) {
      int start = offsets.get(i) % (text.length() + 1);
      int end = start + offsets.get(i + 1) % 7;
      Range lazy = file.range(start, end);
      Range settled = file.range(start, end).settled();
      assertEquals(lazy, settled);
      assertEquals(settled, file.range(start, end));
      assertEquals(lazy.hashCode(), settled.hashCode());
      assertEquals(lazy.start(), settled.start());
      assertEquals(lazy.end(), settled.end());
      assertEquals("f.hcl", settled.file());
      assertSame(settled, settled.settled());
      Range later = file.range(start, end);
      assertEquals(lazy.to(later), settled.to(later), "settled to lazy");
      assertEquals(later.to(lazy), later.to(settled), "lazy to settled");
    }
  }

  /** Ranges of a {@code withSecrets} copy are ranges of the same text. */
  @Example
  void rangesOfACopyWithSecretsAreEqual() {
    SourceFile file = new SourceFile("v.pkrvars.hcl", "a = 1\r\nb = \"\uD83D\uDE00x\"\n");
    SourceFile copy = file.withSecrets(List.of(file.range(12, 14)));
    assertNotEquals(List.of(), copy.secrets());
    assertEquals(file.range(8, 15), copy.range(8, 15));
    assertEquals(file.range(8, 15).hashCode(), copy.range(8, 15).hashCode());
    assertEquals(new Position(2, 8, 15), copy.range(8, 15).end());
  }

  /** Same name, same offsets, other text: other positions, so not equal. */
  @Example
  void rangesOfAnotherTextWithTheSameNameDiffer() {
    Range a = new SourceFile("f", "ab\ncd").range(3, 4);
    Range b = new SourceFile("f", "abc\nd").range(3, 4);
    assertEquals(new Position(2, 1, 3), a.start());
    assertEquals(new Position(1, 4, 3), b.start());
    assertNotEquals(a, b);
    assertNotEquals(b, a);
    assertEquals("f:2:1", a.toString());
    assertEquals("f:1:4", b.toString());
  }

  @Example
  void offsetsOutsideTheTextAreClamped() {
    SourceFile file = new SourceFile("f", "x\ny");
    assertEquals(new Range("f", new Position(2, 2, 3), new Position(2, 2, 3)), file.range(9, 12));
    assertEquals(new Range("f", new Position(1, 1, 0), new Position(1, 2, 1)), file.range(-4, 1));
    assertEquals(new Range("f", new Position(1, 2, 1), new Position(1, 2, 1)), file.range(1, -3));
    assertEquals(file.whole(), new Range("f", Position.START, new Position(2, 2, 3)));
  }

  private static Range eager(SourceFile reference, int start, int end) {
    return new Range(
        reference.name(), reference.position(start), reference.position(Math.max(start, end)));
  }

  @Provide
  Arbitrary<String> texts() {
    return SourceArbitraries.texts();
  }

  @Provide
  Arbitrary<List<Integer>> offsets() {
    return SourceArbitraries.offsets(40);
  }
}
