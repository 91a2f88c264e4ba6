package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.emit.DocWriter;
import io.github.packer2aib.core.emit.TemplateDocs;
import io.github.packer2aib.core.emit.TemplateWriter;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.validate.rules.ServiceRules;
import io.github.packer2aib.core.validate.spec.SpecValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases of the Packer → AIB mapper: each case of {@link MappingCases} is a Packer model
 * built in Java, whose template text is pinned as {@code input.pkr.hcl} / {@code input.json}, and
 * whose results are pinned as {@code expected.json} (or {@code expected/<name>.json}) and {@code
 * expected.diagnostics.txt} under {@code testdata/src/main/resources/mapping/<case>/}. Run with
 * {@code -Dgolden.update=true} to rewrite them, then review the diff.
 */
class PackerMapperGoldenTest {

  static Path root() {
    String configured = System.getProperty("packer2aib.testdata");
    Path base =
        configured != null
            ? Paths.get(configured)
            : Paths.get("").toAbsolutePath().getParent().resolve("testdata/src/main/resources");
    return base.resolve("mapping");
  }

  static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  @TestFactory
  Stream<DynamicTest> cases() {
    return MappingCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  @Test
  void everyCaseFolderBelongsToACase() throws IOException {
    if (!Files.isDirectory(root())) {
      return;
    }
    List<String> names = MappingCases.all().stream().map(MappingCases.Case::name).toList();
    try (Stream<Path> s = Files.list(root())) {
      for (Path p : s.toList()) {
        assertTrue(names.contains(p.getFileName().toString()), "stale golden folder " + p);
      }
    }
  }

  @Test
  void caseNamesAreUnique() {
    List<String> names = MappingCases.all().stream().map(MappingCases.Case::name).toList();
    assertEquals(names.size(), names.stream().distinct().count(), "duplicate case names");
  }

  /** The mapping result rendered as the golden files hold it. */
  record Rendered(
      String input, String inputName, Map<String, String> outputs, String diagnostics) {}

  static Rendered render(MappingCases.Case c, MapResult result, PackerFixture.Result fixture) {
    SourceFile file = fixture.file();
    String diagnostics =
        new TextRenderer(n -> n.equals(file.name()) ? Optional.of(file) : Optional.empty())
            .render(result.diagnostics());
    Map<String, String> outputs = new TreeMap<>();
    for (MappedTemplate t : result.templates()) {
      outputs.put(t.name() + ".json", TemplateWriter.toJson(t.template()));
    }
    String inputName = file.name().endsWith(".hcl") ? "input.pkr.hcl" : "input.json";
    return new Rendered(file.text(), inputName, outputs, diagnostics);
  }

  private void check(MappingCases.Case c) throws IOException {
    PackerFixture.Result fixture = c.fixture().result();
    MapResult result = PackerMapper.map(fixture.template(), c.options(), c.files());
    Rendered r = render(c, result, fixture);
    Path dir = root().resolve(c.name());
    if (updating()) {
      write(dir, r);
    } else {
      assertEquals(read(dir.resolve(r.inputName())), r.input(), "input text");
      assertEquals(read(dir.resolve("expected.diagnostics.txt")), r.diagnostics(), "diagnostics");
      Map<String, String> expected = expectedOutputs(dir);
      if (expected.containsKey(SINGLE)) {
        assertEquals(1, r.outputs().size(), "one output");
        assertEquals(expected.get(SINGLE), r.outputs().values().iterator().next(), "output");
      } else {
        assertEquals(expected, r.outputs(), "outputs");
      }
    }
    assertValid(result, c.options());
    MapResult again = PackerMapper.map(fixture.template(), c.options(), c.files());
    assertEquals(r, render(c, again, fixture), "mapping twice gives the same result");
    assertNoSecrets(fixture, result, r, c.options());
  }

  /** Every template validates against its API version's spec and the service rules. */
  static void assertValid(MapResult result, MapOptions options) {
    for (MappedTemplate t : result.templates()) {
      ApiVersion v = ApiVersion.parse(t.template().apiVersion()).orElseThrow();
      List<Diagnostic> problems = new ArrayList<>();
      for (Diagnostic d :
          SpecValidator.forVersion(v).validate(TemplateDocs.toDoc(t.template()), "", t.locate())) {
        boolean missingIdentity =
            options.identity().isEmpty()
                && d.code().equals("SPEC-E100")
                && d.detail().startsWith("The required property \"identity\"");
        if (d.isError() && !missingIdentity) {
          problems.add(d);
        }
      }
      for (Diagnostic d : ServiceRules.check(t.template(), v, "", t.locate())) {
        if (d.isError()) {
          problems.add(d);
        }
      }
      assertEquals(List.of(), problems, t.name() + " validates");
    }
  }

  /** The output without the values the user gave as options (theirs to publish). */
  static String withoutOptions(String json, MapOptions o) {
    String out = json;
    for (Optional<String> v :
        List.of(o.identity(), o.subscription(), o.location(), o.scriptBaseUri(), o.fileBaseUri())) {
      if (v.isPresent()) {
        out = out.replace(DocWriter.jsonStringContent(v.get()), "");
      }
    }
    return out;
  }

  /** No sensitive variable's value appears in any output or diagnostic. */
  static void assertNoSecrets(
      PackerFixture.Result fixture, MapResult result, Rendered r, MapOptions options) {
    for (Variable v : fixture.template().variables()) {
      if (!v.sensitive()) {
        continue;
      }
      for (String secret : Secrets.texts(v.value())) {
        if (secret.length() < 4) {
          continue;
        }
        for (String out : r.outputs().values()) {
          assertFalse(
              withoutOptions(out, options).contains(secret),
              "secret of " + v.name() + " in output");
        }
        for (Diagnostic d : result.diagnostics()) {
          assertFalse(d.detail().contains(secret), "secret in " + d.code());
          assertFalse(d.summary().contains(secret), "secret in " + d.code());
        }
      }
    }
  }

  private static void write(Path dir, Rendered r) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
    Files.writeString(dir.resolve(r.inputName()), r.input(), StandardCharsets.UTF_8);
    if (!r.diagnostics().isEmpty()) {
      Files.writeString(
          dir.resolve("expected.diagnostics.txt"), r.diagnostics(), StandardCharsets.UTF_8);
    }
    if (r.outputs().size() == 1) {
      Files.writeString(
          dir.resolve("expected.json"),
          r.outputs().values().iterator().next(),
          StandardCharsets.UTF_8);
    } else if (r.outputs().size() > 1) {
      Path many = dir.resolve("expected");
      Files.createDirectories(many);
      for (Map.Entry<String, String> e : r.outputs().entrySet()) {
        Files.writeString(many.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
    }
  }

  /** {@code expected.json} stands for the one output, whatever its name. */
  private static Map<String, String> expectedOutputs(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Path many = dir.resolve("expected");
    if (Files.isDirectory(many)) {
      try (Stream<Path> s = Files.list(many)) {
        for (Path p : s.sorted().toList()) {
          out.put(p.getFileName().toString(), Files.readString(p));
        }
      }
    }
    if (out.isEmpty() && Files.exists(dir.resolve("expected.json"))) {
      // One output: its name is the template's "name", pinned inside the JSON.
      out.put(SINGLE, Files.readString(dir.resolve("expected.json")));
    }
    return out;
  }

  private static final String SINGLE = "*";

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p) : "";
  }
}
