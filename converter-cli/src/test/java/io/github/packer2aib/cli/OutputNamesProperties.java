package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.packer2aib.core.bind.aib.AibResourceLocator;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.parse.JsonReader;
import io.github.packer2aib.core.source.NameCharacters;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OutputNamesProperties {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Provide
  Arbitrary<List<OutputNames.Entry>> entries() {
    Arbitrary<String> inputs =
        Arbitraries.of("a.json", "b.pkr.hcl", "dir/a.json", "A.yaml", "<stdin>");
    Arbitrary<String> names = Arbitraries.of("web", "Web", "db", "a-web", "web-2", "t");
    Arbitrary<OutputNames.Entry> entry =
        Combinators.combine(inputs, Arbitraries.integers().between(0, 4), names)
            .as(OutputNames.Entry::new);
    return entry.list().ofMaxSize(12);
  }

  @Property
  void fileNamesAreUniqueIgnoringCase(@ForAll("entries") List<OutputNames.Entry> entries) {
    Set<String> seen = new HashSet<>();
    for (OutputNames.Assigned a : OutputNames.assign(entries, "json")) {
      assertEquals(true, seen.add(a.fileName().toLowerCase(Locale.ROOT)), a.fileName());
    }
  }

  @Property
  void assignmentIsDeterministic(@ForAll("entries") List<OutputNames.Entry> entries) {
    assertEquals(
        OutputNames.assign(new ArrayList<>(entries), "yaml"),
        OutputNames.assign(new ArrayList<>(entries), "yaml"));
  }

  /**
   * Any name a template may be given (AIB's pattern allows {@code .a}; a Packer usage name may be
   * anything), as the core hands it over for an image template of that name.
   */
  @Provide
  Arbitrary<List<OutputNames.Entry>> anyNames() {
    Arbitrary<String> raw =
        Arbitraries.oneOf(
            Arbitraries.of(".", "..", "...", ".a", ".json", ".-", "..a", "a.", "a..b", "-a", "con"),
            Arbitraries.strings().withChars("aZ09._-").ofMaxLength(70),
            Arbitraries.strings().withChars("aZ09._- /\\:é日").ofMaxLength(70),
            // Any text a JSON document can hold (no lone surrogates).
            Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(70));
    Arbitrary<String> inputs =
        Arbitraries.oneOf(
            Arbitraries.of("a.json", ".a.yaml", "dir/.json", "<stdin>", "-.yml"),
            Arbitraries.strings().ofMaxLength(20));
    Arbitrary<OutputNames.Entry> entry =
        Combinators.combine(inputs, Arbitraries.integers().between(0, 4), raw)
            .as((input, index, name) -> new OutputNames.Entry(input, index, coreName(input, name)));
    return entry.list().ofMaxSize(8);
  }

  /** The core's output name for an image template named {@code name} in the file {@code input}. */
  private static String coreName(String input, String name) {
    String text;
    try {
      text =
          "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"name\": "
              + JSON.writeValueAsString(name)
              + "}";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    SourceFile file = new SourceFile(input, text);
    DocNode document = JsonReader.read(file).documents().get(0);
    return AibResourceLocator.locate(document, file).resources().get(0).suggestedName();
  }

  @Property
  void anyTemplateNameGivesSafeFileNames(@ForAll("anyNames") List<OutputNames.Entry> entries) {
    Set<String> seen = new HashSet<>();
    for (OutputNames.Assigned a : OutputNames.assign(entries, "json")) {
      String stem = a.fileName().substring(0, a.fileName().length() - ".json".length());
      assertTrue(NameCharacters.isSafeStem(stem), a.toString());
      assertTrue(seen.add(a.fileName().toLowerCase(Locale.ROOT)), a.fileName());
    }
  }

  @Property
  void unrenamedFilesKeepTheTemplateName(@ForAll("entries") List<OutputNames.Entry> entries) {
    for (OutputNames.Assigned a : OutputNames.assign(entries, "json")) {
      assertEquals(
          !a.renamed(), a.fileName().equals(a.entry().templateName() + ".json"), a.toString());
    }
  }
}
