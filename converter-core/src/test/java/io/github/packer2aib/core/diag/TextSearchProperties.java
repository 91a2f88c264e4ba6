package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The secret scan's search finds what {@code String.indexOf} finds. */
class TextSearchProperties {

  @Property(tries = 3000)
  void findsWhatIndexOfFinds(
      @ForAll("texts") String text,
      @ForAll("patterns") String pattern,
      @ForAll @IntRange(min = -1, max = 30) int from) {
    assertEquals(text.indexOf(pattern, from), new TextSearch(pattern).in(text, from));
  }

  /** Patterns longer than the longest move the table holds (255), with matches and near ones. */
  @Property(tries = 500)
  void findsLongPatternsAsIndexOfDoes(
      @ForAll("patterns") String head,
      @ForAll @IntRange(min = 250, max = 300) int middle,
      @ForAll("patterns") String tail,
      @ForAll("texts") String noise,
      @ForAll @IntRange(min = 0, max = 40) int from) {
    String pattern = head + "a".repeat(middle) + tail;
    String near = head + "a".repeat(middle + 1) + tail;
    String text = noise + near + noise + "c".repeat(600) + pattern + noise + pattern;
    assertEquals(text.indexOf(pattern, from), new TextSearch(pattern).in(text, from));
  }

  /** With a limit, as in the text cut there; repetitive, as masked values can be. */
  @Property(tries = 500)
  void findsLongPatternsBeforeALimit(
      @ForAll @IntRange(min = 256, max = 400) int length,
      @ForAll @IntRange(min = 0, max = 1200) int limit,
      @ForAll("patterns") String tail) {
    String pattern = "a".repeat(length) + tail;
    String text = "a".repeat(length / 2) + "b" + "a".repeat(length) + tail + "a".repeat(300);
    int cut = Math.min(limit, text.length());
    assertEquals(text.substring(0, cut).indexOf(pattern), new TextSearch(pattern).in(text, 0, cut));
  }

  /** Few letters, so that patterns occur, overlap and nearly occur; some beyond one byte. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("abAB/\u00e9\u0100\u4e2d").ofMaxLength(25);
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars("abAB/\u00e9\u0100\u4e2d").ofMinLength(1).ofMaxLength(5);
  }
}
