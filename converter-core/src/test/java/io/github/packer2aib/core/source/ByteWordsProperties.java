package io.github.packer2aib.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.IntPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Each {@link ByteWords} test flags a word exactly when one of its eight bytes matches, and {@link
 * ByteWords#first} names the earliest such byte, as a byte-by-byte look says.
 */
class ByteWordsProperties {

  /** Eight bytes biased towards the bytes the tests are about and their neighbours. */
  @Provide
  Arbitrary<byte[]> words() {
    Arbitrary<Byte> interesting =
        Arbitraries.of(
            (byte) 0,
            (byte) 1,
            (byte) '\t',
            (byte) '\n',
            (byte) '\r',
            (byte) 13,
            (byte) 14,
            (byte) 0x1F,
            (byte) ' ',
            (byte) '!',
            (byte) '"',
            (byte) '#',
            (byte) '?',
            (byte) '\\',
            (byte) 0x7F,
            (byte) 0x80,
            (byte) 0xA2,
            (byte) 0xDC,
            (byte) 0xFF);
    return Arbitraries.oneOf(interesting, Arbitraries.bytes())
        .array(byte[].class)
        .ofSize(ByteWords.SIZE + 3);
  }

  @Property(tries = 3000)
  void belowOrHighFindsTheFirstByteBelowTheLimitOrNotAscii(
      @ForAll("words") byte[] bytes, @ForAll("limits") int limit) {
    check(bytes, ByteWords::belowOrHigh, limit, b -> b < limit || b >= 0x80);
  }

  @Property(tries = 3000)
  void equalFindsTheFirstEqualByte(@ForAll("words") byte[] bytes, @ForAll("targets") byte target) {
    check(bytes, ByteWords::equal, target, b -> b == (target & 0xFF));
  }

  @Property(tries = 3000)
  void otherFindsTheFirstDifferentByte(
      @ForAll("words") byte[] bytes, @ForAll("targets") byte target) {
    check(bytes, ByteWords::other, target, b -> b != (target & 0xFF));
    // No byte is flagged wrongly: a different byte anywhere in the word is flagged.
    for (int at = 0; at < ByteWords.SIZE; at++) {
      long mask = ByteWords.other(ByteWords.word(bytes, 1), target);
      boolean flagged = (mask >>> (at * 8 + 7) & 1) == 1;
      assertEquals(bytes[1 + at] != target, flagged, "byte " + at);
    }
  }

  @Provide
  Arbitrary<Integer> limits() {
    return Arbitraries.of(1, 14, 0x20, 0x7F, 0x80);
  }

  @Provide
  Arbitrary<Byte> targets() {
    return Arbitraries.of((byte) 0, (byte) ' ', (byte) '"', (byte) '\\', (byte) '?', (byte) 0xFF);
  }

  @Example
  void wordsAreLittleEndianWhateverThePlatform() {
    byte[] bytes = {9, 1, 2, 3, 4, 5, 6, 7, 8};
    assertEquals(0x0807060504030201L, ByteWords.word(bytes, 1));
    assertEquals(2, ByteWords.first(ByteWords.equal(ByteWords.word(bytes, 1), (byte) 3)));
  }

  private interface Test<T> {
    long mask(long word, T argument);
  }

  /** Checks a test on the word at offset 1 (unaligned) against a byte-by-byte predicate. */
  private static <T> void check(byte[] bytes, Test<T> test, T argument, IntPredicate matches) {
    int expected = -1;
    for (int at = 0; at < ByteWords.SIZE; at++) {
      if (matches.test(bytes[1 + at] & 0xFF)) {
        expected = at;
        break;
      }
    }
    long mask = test.mask(ByteWords.word(bytes, 1), argument);
    assertEquals(expected, mask == 0 ? -1 : ByteWords.first(mask));
  }
}
