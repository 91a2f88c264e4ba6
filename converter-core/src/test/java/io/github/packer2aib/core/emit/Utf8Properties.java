package io.github.packer2aib.core.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Utf8#bytes} is {@code String.getBytes(UTF_8)}. */
class Utf8Properties {

  @Property(tries = 1000)
  void sameBytesAsTheJdk(@ForAll("text") String text) {
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Utf8.bytes(text));
  }

  /**
   * The characters that become '?' in Latin-1 with a low byte of '?' (U+013F, U+FF3F), next to real
   * question marks, at every place of an eight-byte word and in the tail.
   */
  @Test
  void aCharacterThatBecomesAQuestionMarkIsNotTakenForOne() {
    for (String odd : new String[] {"\u013f", "\uff3f", "\ud83d\ude00", "\u00e9", "\u0080"}) {
      for (int at = 0; at < 20; at++) {
        String text = "?".repeat(at) + odd + "?a".repeat(10 - at / 2);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Utf8.bytes(text), text);
      }
    }
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().ascii().ofMaxLength(100),
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars("??\u013f\u023f\uff3f\u00e9\u007f\u0080\ud83d\ude00")
            .ofMaxLength(60));
  }
}
