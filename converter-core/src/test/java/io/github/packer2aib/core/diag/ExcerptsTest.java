package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExcerptsTest {
  @Test
  void aTextUpToTheLimitStaysWholeALongerOneIsCutWithAnEllipsis() {
    assertEquals("", Excerpts.cut("", 3));
    assertEquals("abc", Excerpts.cut("abc", 3));
    assertEquals("abc…", Excerpts.cut("abcd", 3));
  }

  @Test
  void aSurrogatePairIsNeverSplit() {
    String emoji = "😀"; // two chars
    assertEquals("ab…", Excerpts.cut("ab" + emoji + "x", 3));
    assertEquals("ab" + emoji + "…", Excerpts.cut("ab" + emoji + "x", 4));
  }
}
