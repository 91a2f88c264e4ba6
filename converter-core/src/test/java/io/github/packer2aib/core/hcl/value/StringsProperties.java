package io.github.packer2aib.core.hcl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Code point order and NFC normalisation of string values, against the JDK's own answers. */
class StringsProperties {

  @Property(tries = 2000)
  void codePointOrderIsTheOrderOfTheCodePointSequences(
      @ForAll("texts") String a, @ForAll("texts") String b) {
    int expected =
        Integer.signum(Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
    assertEquals(expected, Integer.signum(Strings.compareCodePoints(a, b)), a + " vs " + b);
    assertEquals(-expected, Integer.signum(Strings.compareCodePoints(b, a)));
  }

  @Property(tries = 500)
  void stringValuesAreInNfc(@ForAll("texts") String s) {
    assertEquals(Normalizer.normalize(s, Normalizer.Form.NFC), Value.string(s).value());
  }

  /**
   * Longer texts for the cheap check that skips the normalizer (every character below the combining
   * marks): question marks, which an encoder makes of characters it cannot encode, next to such
   * characters, Latin-1, marks and surrogates at any place.
   */
  @Property(tries = 1000)
  void longerStringValuesAreInNfc(@ForAll("longerTexts") String s) {
    assertEquals(Normalizer.normalize(s, Normalizer.Form.NFC), Value.string(s).value());
  }

  @Provide
  Arbitrary<String> longerTexts() {
    return Arbitraries.strings()
        .withChars('a', 'e', '?', 'é', '\u00ff', '\u0100', '\u02ff', '\u0301', '\u013f', '\uD83D')
        .withChars("\uDE00")
        .ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> texts() {
    // Shared prefixes make the interesting comparisons likely; the characters cover ASCII,
    // Latin-1, a combining mark, the private use area (above the surrogates), a lone surrogate
    // and a surrogate pair.
    Arbitrary<String> tail =
        Arbitraries.strings()
            .withChars('a', 'b', 'é', '\u0301', '\uE000', '\uFFFD', '\uD83D')
            .withChars("\uD83D\uDE00")
            .ofMaxLength(4);
    return Arbitraries.of("", "ab", "a\uD83D", "\uE000").flatMap(p -> tail.map(t -> p + t));
  }
}
