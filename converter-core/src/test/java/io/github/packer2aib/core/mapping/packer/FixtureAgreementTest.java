package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.emit.TemplateWriter;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.packer.json.PackerModelJson;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden mapping cases ({@link PackerMapperGoldenTest}) map models that {@link PackerFixture}
 * builds in Java, and write the template text they stand for as their input. This reads each input
 * text with the real loaders instead and maps that: the same image templates and the same
 * diagnostics (code and message) must come out, so the goldens show what a user of the CLI sees.
 * Only where a diagnostic points may differ: the fixture locates a source by its header, the loader
 * by its body, as HCL does. The fixture's variables hold their values in the model, not in the
 * text; they are given as {@code --var}.
 */
class FixtureAgreementTest {
  /**
   * Cases whose model no template text can give: a reference to a data source the fixture cannot
   * declare (the loader also says which reference is unknown, where the fixture's message cannot).
   */
  private static final Set<String> MODEL_ONLY = Set.of("unknown-value");

  @TestFactory
  Stream<DynamicTest> cases() {
    return MappingCases.all().stream()
        .filter(c -> !MODEL_ONLY.contains(c.name()))
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static Map<String, String> outputs(MapResult r) {
    Map<String, String> out = new TreeMap<>();
    for (MappedTemplate t : r.templates()) {
      out.put(t.name(), TemplateWriter.toJson(t.template()));
    }
    return out;
  }

  private static List<String> codes(List<Diagnostic> ds) {
    return ds.stream().map(d -> d.code() + " " + d.detail()).sorted().toList();
  }

  private static List<String> places(List<Diagnostic> ds) {
    return ds.stream()
        .map(d -> d.code() + " " + d.subject().map(Object::toString).orElse(""))
        .sorted()
        .toList();
  }

  private void check(MappingCases.Case c) {
    PackerFixture.Result fixture = c.fixture().result();
    SourceFile file = fixture.file();
    MapResult expected = PackerMapper.map(fixture.template(), c.options(), c.files());
    // The loader reads the text alone; the mapping reads the case's files (the cases are shared).
    MemoryFileView text =
        new MemoryFileView("/work").put(PackerFixture.FOLDER + "/" + file.name(), file.text());
    // The fixture's variables have their values in the model, not in the text: given as --var.
    List<String> vars = new ArrayList<>();
    for (Variable v : fixture.template().variables()) {
      if (!v.value().isNull()) {
        Value plain = v.value().unmarkDeep().value();
        vars.add(
            v.name()
                + "="
                + (plain instanceof StringValue
                    ? plain.asString()
                    : PackerModelJson.valueToJson(plain)));
      }
    }
    PackerOptions options =
        new PackerOptions(
            vars,
            List.of(),
            Map.of(),
            Path.of("/work"),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    LoadResult loaded =
        PackerTemplates.load(
            new PackerInput(Path.of(PackerFixture.FOLDER + "/" + file.name()), file.name()),
            options,
            text);
    if (loaded.template().isEmpty()) {
      assertEquals(List.of(), codes(loaded.diagnostics()), "load");
      return;
    }
    MapResult actual = PackerMapper.map(loaded.template().get(), c.options(), c.files());
    assertEquals(outputs(expected), outputs(actual), "outputs");
    assertEquals(codes(expected.diagnostics()), codes(actual.diagnostics()), "diagnostics");
    if (file.name().endsWith(".json")) {
      // In legacy JSON the fixture and the loader locate everything alike.
      assertEquals(places(expected.diagnostics()), places(actual.diagnostics()), "places");
    }
  }
}
