package io.github.packer2aib.core.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/**
 * The fast path of {@link Utf8#decode} gives exactly the strict decoder's verdict, and {@link
 * Utf8#encode} exactly the JDK's bytes.
 */
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
    return pieces.list().ofMaxSize(8).map(Utf8Properties::concat);
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

  /**
   * {@link SourceFile#fromUtf8}'s one pass over ASCII bytes gives the file that decoding, dropping
   * a byte order mark and counting lines on the text gives: the same text, lines and positions.
   */
  @Property(tries = 2000)
  void fromUtf8IsDecodingThenCountingLines(@ForAll("sourceBytes") byte[] bytes) {
    Optional<String> decoded = strict(bytes);
    if (decoded.isEmpty()) {
      assertThrows(CharacterCodingException.class, () -> SourceFile.fromUtf8("f", bytes));
      return;
    }
    String text = decoded.get();
    SourceFile expected = new SourceFile("f", text.startsWith("\uFEFF") ? text.substring(1) : text);
    SourceFile actual;
    try {
      actual = SourceFile.fromUtf8("f", bytes);
    } catch (CharacterCodingException e) {
      throw new AssertionError("valid UTF-8 refused", e);
    }
    assertEquals(expected.text(), actual.text());
    assertEquals(expected.lineCount(), actual.lineCount());
    for (int offset = 0; offset <= text.length(); offset++) {
      assertEquals(expected.position(offset), actual.position(offset), "offset " + offset);
    }
  }

  /** Mostly ASCII with line ends of every kind, now and then a multi-byte or invalid sequence. */
  @Provide
  Arbitrary<byte[]> sourceBytes() {
    Arbitrary<byte[]> ascii =
        Arbitraries.strings()
            .withChars('a', ' ', '\n', '\r', '\t', '{', '\u007f', '\u0000')
            .ofMaxLength(12)
            .map(s -> s.getBytes(StandardCharsets.US_ASCII));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, ascii),
            net.jqwik.api.Tuple.of(1, bytes()),
            net.jqwik.api.Tuple.of(
                1, Arbitraries.just(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})))
        .list()
        .ofMaxSize(5)
        .map(Utf8Properties::concat);
  }

  private static byte[] concat(java.util.List<byte[]> pieces) {
    ByteBuffer out = ByteBuffer.allocate(pieces.stream().mapToInt(b -> b.length).sum());
    pieces.forEach(out::put);
    return out.array();
  }

  // ---- encoding: Utf8.encode is String.getBytes(UTF_8) ----

  @Property(tries = 1000)
  void sameBytesAsTheJdk(@ForAll("encodable") String text) {
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Utf8.encode(text));
  }

  /**
   * The characters that become '?' in Latin-1 with a low byte of '?' (U+013F, U+FF3F), next to real
   * question marks, at every place of an eight-byte word and in the tail.
   */
  @Example
  void aCharacterThatBecomesAQuestionMarkIsNotTakenForOne() {
    for (String odd : new String[] {"\u013f", "\uff3f", "\ud83d\ude00", "\u00e9", "\u0080"}) {
      for (int at = 0; at < 20; at++) {
        String text = "?".repeat(at) + odd + "?a".repeat(10 - at / 2);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Utf8.encode(text), text);
      }
    }
  }

  @Provide
  Arbitrary<String> encodable() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().ascii().ofMaxLength(100),
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars("??\u013f\u023f\uff3f\u00e9\u007f\u0080\ud83d\ude00")
            .ofMaxLength(60));
  }
}
