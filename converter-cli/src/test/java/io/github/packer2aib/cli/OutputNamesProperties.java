package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  @Property
  void unrenamedFilesKeepTheTemplateName(@ForAll("entries") List<OutputNames.Entry> entries) {
    for (OutputNames.Assigned a : OutputNames.assign(entries, "json")) {
      assertEquals(
          !a.renamed(), a.fileName().equals(a.entry().templateName() + ".json"), a.toString());
    }
  }
}
