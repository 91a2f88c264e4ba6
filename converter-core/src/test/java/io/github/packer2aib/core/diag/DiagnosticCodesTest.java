package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.DiagnosticCatalogue;
import io.github.packer2aib.core.mapping.packer.PackerMapCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DiagnosticCodesTest {
  /** The library's sources, from this module's folder (where Maven runs its tests). */
  private static final Path MAIN = Path.of("src/main/java");

  private static List<DiagnosticCode> all() {
    List<DiagnosticCode> codes = new ArrayList<>();
    for (Class<? extends Enum<? extends DiagnosticCode>> c : DiagnosticCatalogue.stages()) {
      for (Enum<? extends DiagnosticCode> e : c.getEnumConstants()) {
        codes.add((DiagnosticCode) e);
      }
    }
    return codes;
  }

  @Test
  void theCatalogueListsEveryEnumOfCodesInTheLibrary() throws IOException {
    TreeSet<String> listed = new TreeSet<>();
    for (Class<?> c : DiagnosticCatalogue.stages()) {
      listed.add(c.getSimpleName());
    }
    assertEquals(found("enum (\\w+) implements DiagnosticCode"), listed);
  }

  @Test
  void everyCodeWrittenInTheLibraryIsInTheCatalogue() throws IOException {
    TreeSet<String> unknown = found("\"([A-Z]+-[EWN][0-9]{3})\"");
    unknown.removeIf(id -> DiagnosticCatalogue.find(id).isPresent());
    // A retired code is written once, where the catalogue names the code that took it over.
    unknown.removeIf(id -> DiagnosticCatalogue.successor(id).isPresent());
    assertEquals(new TreeSet<String>(), unknown);
  }

  @Test
  void findsACodeByItsExactIdentifier() {
    assertEquals(
        Optional.of(PackerMapCode.SCRIPT_INLINED), DiagnosticCatalogue.find("PKRMAP-W301"));
    assertEquals(Optional.empty(), DiagnosticCatalogue.find("pkrmap-w301"));
    assertEquals(Optional.empty(), DiagnosticCatalogue.find("PKRMAP-W999"));
    assertEquals(all().size(), DiagnosticCatalogue.all().size());
  }

  /** What group 1 of {@code regex} matches anywhere in the library's sources. */
  private static TreeSet<String> found(String regex) throws IOException {
    Pattern pattern = Pattern.compile(regex);
    TreeSet<String> found = new TreeSet<>();
    for (String text : sources()) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        found.add(m.group(1));
      }
    }
    return found;
  }

  private static List<String> sources() throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        texts.add(Files.readString(p));
      }
    }
    return texts;
  }

  @Test
  void everyCodeIsUniqueAcrossAllCatalogues() {
    Map<String, DiagnosticCode> seen = new HashMap<>();
    for (DiagnosticCode c : all()) {
      DiagnosticCode before = seen.put(c.id(), c);
      assertEquals(null, before, c.id() + " is used twice");
    }
  }

  @Test
  void summariesAreShortTitlesInSentenceCase() {
    for (DiagnosticCode c : all()) {
      String s = c.summary();
      assertTrue(!s.isEmpty() && !s.endsWith("."), c.id() + ": " + s);
      assertTrue(s.length() <= 60, c.id() + " summary is too long: " + s);
      // Sentence case, unless the title starts with a property name such as runAsSystem.
      String first = s.split(" ")[0];
      assertTrue(Character.isUpperCase(s.charAt(0)) || !first.equals(first.toLowerCase()), c.id());
    }
  }

  @Test
  void severityFollowsTheLetterOfTheCode() {
    assertEquals(Severity.ERROR, new DiagnosticCode.Text("RULE-E301", "x").severity());
    assertEquals(Severity.WARNING, new DiagnosticCode.Text("RETARGET-W001", "x").severity());
    assertEquals(Severity.NOTE, new DiagnosticCode.Text("MAP-N001", "x").severity());
    assertThrows(IllegalArgumentException.class, () -> new DiagnosticCode.Text("rule-E1", "x"));
  }
}
