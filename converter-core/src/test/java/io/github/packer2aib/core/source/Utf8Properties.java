package io.github.packer2aib.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast path of {@link Utf8#decode} gives exactly the strict decoder's verdict. */
class Utf8Properties {

  /** Bytes biased towards UTF-8 shapes: ASCII, lead and continuation bytes, U+FFFD's encoding. */
  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<byte[]> pieces =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(4).map(s -> s.getBytes(StandardCharsets.UTF_8)),
            Arbitraries.of(
                new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD},
                new byte[] {(byte) 0xC3},
                new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xFF}),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(3));
    return pieces
        .list()
        .ofMaxSize(8)
        .map(
            list -> {
              ByteBuffer out = ByteBuffer.allocate(list.stream().mapToInt(b -> b.length).sum());
              list.forEach(out::put);
              return out.array();
            });
  }

  private static Optional<String> strict(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  @Property(tries = 2000)
  void decodesAsTheStrictDecoder(@ForAll("bytes") byte[] bytes) {
    Optional<String> expected = strict(bytes);
    Optional<String> actual;
    try {
      actual = Optional.of(Utf8.decode(bytes));
    } catch (CharacterCodingException e) {
      actual = Optional.empty();
    }
    assertEquals(expected, actual);
  }

  @Example
  void aWrittenReplacementCharacterIsTextAndABrokenSequenceIsNot() throws Exception {
    assertEquals("a\uFFFDb", Utf8.decode("a\uFFFDb".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        CharacterCodingException.class, () -> Utf8.decode(new byte[] {'a', (byte) 0xC3, 'b'}));
  }
}
