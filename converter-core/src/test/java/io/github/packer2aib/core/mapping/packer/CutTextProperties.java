package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The secret scan's cut text answers what the copies it replaced answered: each option removed in
 * turn ({@code String.replace}), then the secret searched in what is left.
 */
class CutTextProperties {

  @Property(tries = 5000)
  void findsWhatTheCopiesFind(
      @ForAll("texts") String text,
      @ForAll("optionLists") List<String> options,
      @ForAll("patterns") String secret) {
    String copied = text;
    CutText cut = new CutText(text);
    for (String option : options) {
      copied = copied.replace(option, "");
      cut.cut(new LowByteSearch(option));
    }
    assertEquals(copied, cut.toString());
    assertEquals(copied.contains(secret), cut.contains(new LowByteSearch(secret)));
  }

  /** A secret inside an option's text, or made by cutting one out, or merely next to one. */
  @Property(tries = 3000)
  void findsSecretsAroundAndAcrossOptions(
      @ForAll("patterns") String before,
      @ForAll("patterns") String option,
      @ForAll("patterns") String after,
      @ForAll("patterns") String secret) {
    String text = before + option + after + option + option + before + after;
    CutText cut = new CutText(text);
    cut.cut(new LowByteSearch(option));
    String copied = text.replace(option, "");
    assertEquals(copied, cut.toString());
    assertEquals(copied.contains(secret), cut.contains(new LowByteSearch(secret)));
  }

  /** Characters beyond Latin-1 whose low byte is a pattern's letter are not that letter. */
  @Test
  void aLowByteAloneIsNoMatch() {
    CutText cut = new CutText("x\u0161b\u0162y");
    assertFalse(cut.contains(new LowByteSearch("ab")));
    assertTrue(cut.contains(new LowByteSearch("\u0161b")));
    cut.cut(new LowByteSearch("b"));
    assertEquals("x\u0161\u0162y", cut.toString());
    assertFalse(cut.contains(new LowByteSearch("ab")));
    cut.release();
    CutText next = new CutText("ab"); // the released buffer, reused
    assertTrue(next.contains(new LowByteSearch("ab")));
    assertFalse(next.contains(new LowByteSearch("xa")));
  }

  @Test
  void aSecretJoinedByACutIsFound() {
    CutText cut = new CutText("{\"a\": \"pa-OPT-ss\"}");
    assertFalse(cut.contains(new LowByteSearch("pass")));
    cut.cut(new LowByteSearch("-OPT-"));
    assertTrue(cut.contains(new LowByteSearch("pass")));
    assertEquals("{\"a\": \"pass\"}", cut.toString());
  }

  @Test
  void aSecretInsideTheOptionIsGoneWithIt() {
    CutText cut = new CutText("/subscriptions/0000-secret-1111/x");
    cut.cut(new LowByteSearch("/subscriptions/0000-secret-1111"));
    assertFalse(cut.contains(new LowByteSearch("secret")));
    assertTrue(cut.contains(new LowByteSearch("/x")));
  }

  @Test
  void anEmptyTextHoldsNothing() {
    CutText cut = new CutText("");
    cut.cut(new LowByteSearch("a"));
    assertFalse(cut.contains(new LowByteSearch("a")));
    assertEquals("", cut.toString());
    CutText all = new CutText("abab");
    all.cut(new LowByteSearch("ab"));
    assertEquals("", all.toString());
    assertFalse(all.contains(new LowByteSearch("a")));
  }

  /** Few letters, so that patterns occur, overlap, nearly occur and form across cuts. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("abAB/\u00e9\u4e2d\u0161\u0162\u0141").ofMaxLength(30);
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars("abA/\u4e2d\u0161\u012f").ofMinLength(1).ofMaxLength(4);
  }

  @Provide
  Arbitrary<List<String>> optionLists() {
    return Arbitraries.strings()
        .withChars("abA/\u4e2d\u0161\u012f")
        .ofMinLength(1)
        .ofMaxLength(3)
        .list()
        .ofMaxSize(4);
  }
}
