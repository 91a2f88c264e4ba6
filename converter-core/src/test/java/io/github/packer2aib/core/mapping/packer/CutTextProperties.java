package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.TextSearch;
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
      cut.cut(new TextSearch(option));
    }
    assertEquals(copied, cut.toString());
    assertEquals(copied.contains(secret), cut.contains(new TextSearch(secret)));
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
    cut.cut(new TextSearch(option));
    String copied = text.replace(option, "");
    assertEquals(copied, cut.toString());
    assertEquals(copied.contains(secret), cut.contains(new TextSearch(secret)));
  }

  @Test
  void aSecretJoinedByACutIsFound() {
    CutText cut = new CutText("{\"a\": \"pa-OPT-ss\"}");
    assertFalse(cut.contains(new TextSearch("pass")));
    cut.cut(new TextSearch("-OPT-"));
    assertTrue(cut.contains(new TextSearch("pass")));
    assertEquals("{\"a\": \"pass\"}", cut.toString());
  }

  @Test
  void aSecretInsideTheOptionIsGoneWithIt() {
    CutText cut = new CutText("/subscriptions/0000-secret-1111/x");
    cut.cut(new TextSearch("/subscriptions/0000-secret-1111"));
    assertFalse(cut.contains(new TextSearch("secret")));
    assertTrue(cut.contains(new TextSearch("/x")));
  }

  @Test
  void anEmptyTextHoldsNothing() {
    CutText cut = new CutText("");
    cut.cut(new TextSearch("a"));
    assertFalse(cut.contains(new TextSearch("a")));
    assertEquals("", cut.toString());
    CutText all = new CutText("abab");
    all.cut(new TextSearch("ab"));
    assertEquals("", all.toString());
    assertFalse(all.contains(new TextSearch("a")));
  }

  /** Few letters, so that patterns occur, overlap, nearly occur and form across cuts. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("abAB/\u00e9\u4e2d").ofMaxLength(30);
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars("abA/\u4e2d").ofMinLength(1).ofMaxLength(4);
  }

  @Provide
  Arbitrary<List<String>> optionLists() {
    return Arbitraries.strings()
        .withChars("abA/\u4e2d")
        .ofMinLength(1)
        .ofMaxLength(3)
        .list()
        .ofMaxSize(4);
  }
}
