package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Why a code cannot be ignored, and the nearest code for a typo. */
class DiagnosticCatalogueTest {
  @Test
  void aTypoGetsTheNearestCodeAndAnythingElseNone() {
    assertEquals(Optional.of("PKRMAP-W301"), DiagnosticCatalogue.nearest("PKRMAP-W30"));
    assertEquals(Optional.of("PKRMAP-W301"), DiagnosticCatalogue.nearest("PKRMAP_W301"));
    assertEquals(Optional.empty(), DiagnosticCatalogue.nearest("NOT-A-CODE-AT-ALL"));
    // A text far longer than any code names none, and is quoted cut (a fuzzed 280 KB "code").
    String huge = "X".repeat(100_000);
    assertEquals(Optional.empty(), DiagnosticCatalogue.nearest(huge));
    String why = DiagnosticCatalogue.whyNotIgnorable(huge).orElseThrow();
    assertTrue(why.length() < 200, why);
    assertTrue(why.startsWith("unknown diagnostic code 'XXXX"), why);
  }

  @Test
  void errorsAndCliCodesCannotBeIgnoredWarningsCan() {
    assertTrue(DiagnosticCatalogue.whyNotIgnorable("PKRMAP-E306").orElseThrow().contains("error"));
    assertTrue(DiagnosticCatalogue.whyNotIgnorable("CLI-W001").isPresent());
    assertEquals(Optional.empty(), DiagnosticCatalogue.whyNotIgnorable("PKRMAP-W301"));
  }
}
