package io.github.packer2aib.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SourceFile's positions against a plain character-by-character count: lines end at \n, \r\n and a
 * lone \r; columns count code points, so a surrogate pair is one column. The fast paths (no \r, no
 * surrogate pair, the line hint) must give the same answers as the slow ones.
 */
class SourceFileProperties {

  @Property(tries = 300)
  void positionsMatchAPlainCount(@ForAll("texts") String text) {
    SourceFile file = new SourceFile("f", text);
    int line = 1;
    int column = 1;
    for (int offset = 0; offset <= text.length(); offset++) {
      boolean insidePair =
          offset > 0
              && offset < text.length()
              && Character.isSurrogatePair(text.charAt(offset - 1), text.charAt(offset));
      if (!insidePair) { // no token starts or ends between the halves of a pair
        assertEquals(new Position(line, column, offset), file.position(offset), "offset " + offset);
      }
      if (offset == text.length()) {
        break;
      }
      char c = text.charAt(offset);
      boolean crlf = c == '\r' && offset + 1 < text.length() && text.charAt(offset + 1) == '\n';
      if (c == '\n' || (c == '\r' && !crlf)) {
        line++;
        column = 1;
      } else if (!(Character.isHighSurrogate(c)
          && offset + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(offset + 1)))) {
        // The high half of a pair does not advance: the pair is one column.
        column++;
      }
    }
    assertEquals(line, file.lineCount());
  }

  @Property(tries = 100)
  void positionsAskedOutOfOrderMatchPositionsAskedInOrder(
      @ForAll("texts") String text, @ForAll("offsets") List<Integer> offsets) {
    SourceFile inOrder = new SourceFile("f", text);
    SourceFile shuffled = new SourceFile("f", text);
    for (int raw : offsets) {
      int offset = raw % (text.length() + 1);
      assertEquals(inOrder.position(offset), shuffled.position(offset));
    }
  }

  /** range(start, end) has the positions position() gives, offsets outside the text included. */
  @Property(tries = 200)
  void rangesEndWhereTheirEndOffsetIs(
      @ForAll("texts") String text, @ForAll("offsets") List<Integer> offsets) {
    SourceFile file = new SourceFile("f", text);
    SourceFile reference = new SourceFile("f", text);
    for (int i = 0; i + 1 < offsets.size(); i += 2) {
      int start = offsets.get(i) % (text.length() + 2) - 1;
      int end = start + offsets.get(i + 1) % 12 - 2;
      Range range = file.range(start, end);
      assertEquals(reference.position(start), range.start(), "start " + start);
      assertEquals(reference.position(Math.max(start, end)), range.end(), start + ".." + end);
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return SourceArbitraries.texts();
  }

  @Provide
  Arbitrary<List<Integer>> offsets() {
    return SourceArbitraries.offsets(30);
  }
}
