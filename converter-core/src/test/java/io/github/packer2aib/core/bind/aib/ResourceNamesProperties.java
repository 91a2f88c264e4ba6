package io.github.packer2aib.core.bind.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.source.NameCharacters;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the templates of a file are named (anything AIB's pattern allows, such as {@code .a}, or
 * not), and whatever the file is called, every output name is a safe file stem: never hidden, never
 * an option, unique ignoring case.
 */
class ResourceNamesProperties {

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            ".", "..", "...", ".a", ".json", ".-", "..a", "a.", "a..b", "-a", "_a", "con", "nul.x"),
        Arbitraries.strings().withChars("aZ09._-").ofMaxLength(70),
        Arbitraries.strings().withChars("aZ09._- /\\:é日\0").ofMaxLength(70),
        Arbitraries.strings().ofMaxLength(70));
  }

  @Provide
  Arbitrary<List<String>> nameLists() {
    return names().injectNull(0.1).list().ofMinSize(1).ofMaxSize(4);
  }

  @Property
  void everyNameIsASafeFileStem(
      @ForAll("names") String fileName, @ForAll("nameLists") List<String> resourceNames) {
    List<String> assigned =
        ResourceNames.assign(fileName, resourceNames).stream()
            .map(ResourceNames.Assigned::name)
            .toList();
    assertEquals(resourceNames.size(), assigned.size());
    Set<String> seen = new HashSet<>();
    for (String name : assigned) {
      assertTrue(NameCharacters.isSafeStem(name), name);
      assertFalse(name.startsWith("-"), name);
      assertTrue(name.length() <= 64, name);
      assertTrue(seen.add(name.toLowerCase(Locale.ROOT)), name + " twice in " + assigned);
    }
  }

  @Property
  void aSafeNameIsKept(@ForAll("names") String name) {
    // A template name AIB allows that is a safe file stem (and no device name) is its output name.
    boolean usable = ResourceNames.isUsableName(name);
    List<ResourceNames.Assigned> assigned =
        ResourceNames.assign("f.json", java.util.Arrays.asList(name));
    assertEquals(usable, assigned.get(0).name().equals(name), name + " → " + assigned);
    if (usable) {
      assertTrue(NameCharacters.isSafeStem(name), name);
    }
  }

  @Property
  void ownMeansTheNameIsTheResourcesOwn(
      @ForAll("names") String fileName, @ForAll("nameLists") List<String> resourceNames) {
    // What the converter relied on before the flag: a name is the template's own exactly when it
    // is the template's name member (a fallback or a numbered name never is).
    List<ResourceNames.Assigned> assigned = ResourceNames.assign(fileName, resourceNames);
    for (int i = 0; i < assigned.size(); i++) {
      ResourceNames.Assigned a = assigned.get(i);
      assertEquals(a.name().equals(resourceNames.get(i)), a.own(), a + " for " + resourceNames);
    }
  }
}
