package io.github.packer2aib.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {
  @Test
  void aNameInAngleBracketsIsAPlaceholder() {
    assertTrue(Placeholders.is("<runOutputName>"));
    assertTrue(Placeholders.is("<azure subscription id>"));
    assertTrue(Placeholders.is("<image-version_1.0>"));
    assertTrue(Placeholders.is("<" + "a".repeat(64) + ">"));
  }

  @Test
  void anythingMoreOrLessIsNot() {
    assertFalse(Placeholders.is("<>"));
    assertFalse(Placeholders.is("<1st>"), "a name starts with a letter");
    assertFalse(Placeholders.is("name-<id>"), "a placeholder inside a value is not the value");
    assertFalse(Placeholders.is("<a><b>"));
    assertFalse(Placeholders.is("<html>\n"));
    assertFalse(Placeholders.is("<" + "a".repeat(65) + ">"), "longer than any sample's");
    assertFalse(Placeholders.is("runOutputName"));
  }

  @Test
  void theHintNamesTheValueOrIsEmpty() {
    assertEquals(
        " \"<region>\" looks like a placeholder that a script fills in before deployment: put the"
            + " real value in its place.",
        Placeholders.hint("<region>"));
    assertEquals("", Placeholders.hint("westeurope"));
  }
}
