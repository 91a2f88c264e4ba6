package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void identifiersStartWithALetterOrUnderscoreAndMayHoldDashes() {
    assertTrue(Names.isIdentifier("azure-arm"));
    assertTrue(Names.isIdentifier("_x1"));
    assertTrue(Names.isIdentifier("région"));
    assertFalse(Names.isIdentifier(""));
    assertFalse(Names.isIdentifier("1st"));
    assertFalse(Names.isIdentifier("-x"));
    assertFalse(Names.isIdentifier("a b"));
    assertFalse(Names.isIdentifier("a.b"));
  }

  @Test
  void suggestionsAreTheNearestNameWithinTwoEdits() {
    assertEquals(Optional.of("location"), Names.closest("locaton", List.of("size", "location")));
    assertEquals(Optional.of("ab"), Names.closest("abc", List.of("ab", "abcd")));
    assertEquals(Optional.empty(), Names.closest("region", List.of("location")));
    assertEquals(" Did you mean \"name\"?", Names.didYouMean("nme", List.of("name")));
    assertEquals("", Names.didYouMean("zzzz", List.of("name")));
  }
}
