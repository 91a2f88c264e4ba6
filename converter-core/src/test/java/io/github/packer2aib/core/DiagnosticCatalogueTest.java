package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
    // An empty entry of a settings file's ignore list is told so, not "unknown code ''".
    assertEquals(
        Optional.of("an empty code names nothing; give warning or note codes such as PKRMAP-W301"),
        DiagnosticCatalogue.whyNotIgnorable(" "));
    // A glob is told that only whole codes are taken, and how to list a family.
    assertEquals(
        Optional.of(
            "'PKRMAP-W?0*' is a pattern, and only whole codes can be ignored, so that a new warning"
                + " is never accepted unseen; list them (packer2aib codes PKRMAP-W shows a"
                + " family's codes)"),
        DiagnosticCatalogue.whyNotIgnorable("PKRMAP-W?0*"));
    assertEquals(
        Optional.of(
            "'*' is a pattern, and only whole codes can be ignored, so that a new warning is never"
                + " accepted unseen; list them (packer2aib codes lists every code)"),
        DiagnosticCatalogue.whyNotIgnorable("*"));
  }

  @Test
  void aTypoIsOnlyEverSuggestedACodeThatCanBeIgnored() {
    // The wrong severity letter: the warning or note with that number, not the error one edit off.
    assertEquals(Optional.of("RULE-W317"), DiagnosticCatalogue.nearest("RULE-E317"));
    assertEquals(Optional.of("PKRMAP-W301"), DiagnosticCatalogue.nearest("PKRMAP-E301"));
    assertEquals(Optional.of("PKRMAP-N121"), DiagnosticCatalogue.nearest("PKRMAP-W121"));
    assertTrue(
        DiagnosticCatalogue.whyNotIgnorable("RULE-E317")
            .orElseThrow()
            .endsWith("; did you mean RULE-W317?"));
    // Else the nearest by edit distance, among warnings and notes only (these were offered
    // SPEC-E100, PKR-E001 and PKRMAP-E001, which --ignore then refused).
    for (String typo : List.of("SPEC-W100", "PKR-W101", "PKRMAP-E999", "RULE-E30", "PKRMAP-W999")) {
      Optional<String> n = DiagnosticCatalogue.nearest(typo);
      n.ifPresent(
          id -> assertEquals(Optional.empty(), DiagnosticCatalogue.whyNotIgnorable(id), typo));
    }
    // An unknown code with no ignorable code near it gets the general advice, not an error code.
    assertTrue(
        DiagnosticCatalogue.whyNotIgnorable("HCL-E999")
            .orElseThrow()
            .endsWith("give the code shown in brackets after a diagnostic, such as PKRMAP-W301"));
  }

  @Test
  void errorsAndCliCodesCannotBeIgnoredWarningsCan() {
    assertTrue(DiagnosticCatalogue.whyNotIgnorable("PKRMAP-E306").orElseThrow().contains("error"));
    assertTrue(DiagnosticCatalogue.whyNotIgnorable("CLI-W001").isPresent());
    assertEquals(Optional.empty(), DiagnosticCatalogue.whyNotIgnorable("PKRMAP-W301"));
  }

  @Test
  void aRetiredCodeNamesTheCodeThatTookItsPlace() {
    // PKRMAP-N406 (no step generalizes the VM) became the warning PKRMAP-W407.
    assertEquals(Optional.empty(), DiagnosticCatalogue.find("PKRMAP-N406"));
    assertEquals(Optional.of("PKRMAP-W407"), DiagnosticCatalogue.successor("PKRMAP-N406"));
    assertTrue(DiagnosticCatalogue.find("PKRMAP-W407").isPresent());
    assertEquals(
        Optional.of(
            "PKRMAP-N406 is retired: the converter reports it as PKRMAP-W407 now; ignore that one"),
        DiagnosticCatalogue.whyNotIgnorable("PKRMAP-N406"));
    assertEquals(Optional.empty(), DiagnosticCatalogue.whyNotIgnorable("PKRMAP-W407"));
  }
}
