package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link MultiSearch} finds a pattern exactly when {@link String#contains} does for one of them,
 * also with characters beyond Latin-1 that share their low byte with the patterns' (which the table
 * reads), and offers each refused pattern once only.
 */
class MultiSearchProperties {
  private record Case(List<String> patterns, String text) {}

  @Property(tries = 3000)
  void findsAPatternExactlyWhenTheTextContainsOne(@ForAll("cases") Case c) {
    MultiSearch search = new MultiSearch(c.patterns());
    byte[] low = LowBytes.take(c.text());
    try {
      int found = search.find(c.text(), low, i -> true);
      boolean any = c.patterns().stream().anyMatch(c.text()::contains);
      assertEquals(any, found >= 0, c::toString);
      if (found >= 0) {
        assertTrue(c.text().contains(search.pattern(found)), c::toString);
      }
      // Refusing every pattern: each is offered at most once, none is found, and those offered
      // are the ones the text contains.
      List<Integer> offered = new ArrayList<>();
      assertEquals(-1, search.find(c.text(), low, i -> !offered.add(i)));
      assertEquals(new HashSet<>(offered).size(), offered.size(), c::toString);
      Set<String> contained = new HashSet<>();
      for (String p : c.patterns()) {
        if (c.text().contains(p)) {
          contained.add(p);
        }
      }
      Set<String> offeredTexts = new HashSet<>();
      for (int i : offered) {
        offeredTexts.add(search.pattern(i));
      }
      assertEquals(contained, offeredTexts, c::toString);
    } finally {
      LowBytes.release(low);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    // Few letters, so that patterns overlap and occur; \u0161 and \u0261 share a's low byte.
    Arbitrary<String> word =
        Arbitraries.strings().withChars("ab\u0161\u0261c").ofMinLength(2).ofMaxLength(9);
    Arbitrary<List<String>> patterns = word.list().ofMinSize(1).ofMaxSize(6);
    Arbitrary<String> text = Arbitraries.strings().withChars("ab\u0161\u0261cd").ofMaxLength(60);
    return Combinators.combine(patterns, text).as(Case::new);
  }
}
