package io.github.packer2aib.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Accented Latin letters become their plain letters; everything else stays. */
class AccentFoldingTest {
  @Test
  void accentsGoAndLettersWithoutADecompositionAreSpelledOut() {
    assertEquals("Uberprufung", AccentFolding.fold("Überprüfung"));
    assertEquals("Nandu-cafe", AccentFolding.fold("Ñandú-café"));
    assertEquals(
        "strasse AEsir oeuvre Oslo Lodz Dakovo Thor",
        AccentFolding.fold("straße Æsir œuvre Øslo Łódź Đakovo Þor"));
    assertEquals("I", AccentFolding.fold("\u0130"));
  }

  @Test
  void otherScriptsAndAsciiStayAsTheyAre() {
    String ascii = "ubuntu-22.04_image";
    assertSame(ascii, AccentFolding.fold(ascii), "no copy for ASCII");
    assertEquals("東京-image", AccentFolding.fold("東京-image"));
    assertEquals("Москва", AccentFolding.fold("Москва"));
  }
}
