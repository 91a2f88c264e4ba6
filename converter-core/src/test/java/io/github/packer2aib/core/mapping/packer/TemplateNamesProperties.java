package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.source.NameCharacters;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A Packer usage name becomes the image template's name and its output file's: whatever it is, the
 * result fits Azure's {@code ^[A-Za-z0-9-_.]{1,64}$} and is a safe file stem (no leading dot).
 */
class TemplateNamesProperties {

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.of(".", "..", "...", ".a", ".json", ".-", "..a", "a.", "a..b", "-a", ". x"),
        Arbitraries.strings().withChars("aZ09._- /é日").ofMaxLength(80),
        Arbitraries.strings().ofMaxLength(80));
  }

  @Property
  void anyNameGivesASafeStem(@ForAll("names") String wanted) {
    String stem = TemplateNames.stem(wanted, "template");
    assertTrue(NameCharacters.isSafeStem(stem), stem);
    assertTrue(stem.length() <= 64, stem);
    assertTrue(NameCharacters.allSafe(TemplateNames.clean(wanted, "template")));
  }

  @Example
  void leadingDotsAreLeftOut() {
    assertEquals("x", TemplateNames.stem(".x", "t"));
    assertEquals("-", TemplateNames.stem(".-", "t"));
    assertEquals("a..b", TemplateNames.stem("..a..b", "t"));
    assertEquals("t", TemplateNames.stem("...", "t"));
    assertEquals("-x", TemplateNames.stem(". x", "t"));
    assertEquals("a.", TemplateNames.stem("a.", "t"));
  }
}
