package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link LowByteSearch#in} finds what {@code String.indexOf} finds, within its limit. */
class LowByteSearchProperties {

  /** The first occurrence at or after {@code from} if it ends by {@code limit}, as indexOf says. */
  private static int expected(String text, String pattern, int from, int limit) {
    int found = text.indexOf(pattern, from);
    return found >= 0 && found + pattern.length() <= limit ? found : -1;
  }

  private static int actual(String text, String pattern, int from, int limit) {
    byte[] low = new byte[text.length()];
    LowBytes.copy(text, text.length(), low);
    return new LowByteSearch(pattern).in(text, low, from, limit);
  }

  @Property(tries = 3000)
  void findsWhatIndexOfFinds(
      @ForAll("texts") String text,
      @ForAll("texts") String other,
      @ForAll @IntRange(min = 0, max = 200) int start,
      @ForAll @IntRange(min = 1, max = 300) int length,
      @ForAll @IntRange(min = 0, max = 400) int from,
      @ForAll @IntRange(min = 0, max = 400) int cut) {
    // A pattern from the text itself (so that it occurs) or from another text (so that it mostly
    // does not, but its byte pairs do).
    String source = start % 3 == 0 ? other : text;
    if (source.isEmpty()) {
      return;
    }
    int s = Math.min(start, source.length() - 1);
    String pattern = source.substring(s, Math.min(source.length(), s + length));
    int f = Math.min(from, text.length());
    int limit = Math.max(f, text.length() - cut % (text.length() + 1));
    assertEquals(expected(text, pattern, f, limit), actual(text, pattern, f, limit));
  }

  /** Moves are capped at 255 for patterns longer than 256 characters. */
  @Test
  void findsLongPatterns() {
    String unit = "https://account.blob.core.windows.net/container/";
    String pattern = unit.repeat(8) + "end";
    String text = unit.repeat(9) + pattern + unit + pattern;
    int limit = text.length();
    assertEquals(expected(text, pattern, 0, limit), actual(text, pattern, 0, limit));
    assertEquals(unit.length() * 9, actual(text, pattern, 0, limit));
    int firstEnd = unit.length() * 9 + pattern.length();
    assertEquals(unit.length() * 9, actual(text, pattern, 0, firstEnd));
    assertEquals(-1, actual(text, pattern, 0, firstEnd - 1));
    assertEquals(firstEnd + unit.length(), actual(text, pattern, unit.length() * 9 + 1, limit));
  }

  /** Letters and URL punctuation as JSON holds them, a few characters beyond Latin-1. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("abcab/:.-\"?\u4e2d\u0161\u012f").ofMaxLength(400);
  }
}
