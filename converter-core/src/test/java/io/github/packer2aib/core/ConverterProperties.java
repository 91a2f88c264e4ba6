package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.AibDomain;
import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.emit.TemplateWriter;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/**
 * Laws of the whole pipeline (reader → locator → spec validator → binder → rules → emitter) on
 * generated templates and on arbitrary text.
 */
@Domain(DomainContext.Global.class)
@Domain(AibDomain.class)
class ConverterProperties {
  private final Converter converter = new Converter();

  private static ConvertOptions in(OutputFormat f) {
    return ConvertOptions.defaults().withFormat(f);
  }

  /** A generated valid template, emitted as JSON, validates and converts back to the same text. */
  @Property(tries = 300)
  void emittedJsonValidatesAgainstItsVersionAndReadsBackUnchanged(@ForAll ImageTemplate t) {
    String json = TemplateWriter.toJson(t);
    ConversionResult r = converter.convert(new SourceFile("t.json", json), in(OutputFormat.JSON));
    assertEquals(List.of(), errorsAndWarnings(r), json);
    assertEquals(1, r.templates().size());
    assertEquals(t, r.templates().get(0).template());
    assertEquals(json, r.templates().get(0).text());
  }

  /** The same through YAML: our YAML output, read by our YAML reader, is the same template. */
  @Property(tries = 300)
  void emittedYamlValidatesAndReadsBackUnchanged(@ForAll ImageTemplate t) {
    String yaml = TemplateWriter.toYaml(t);
    ConversionResult r = converter.convert(new SourceFile("t.yaml", yaml), in(OutputFormat.YAML));
    assertEquals(List.of(), errorsAndWarnings(r), yaml);
    assertEquals(t, r.templates().get(0).template());
    assertEquals(yaml, r.templates().get(0).text());
  }

  /** Converting is deterministic, whatever the input. */
  @Property(tries = 200)
  void convertingTwiceGivesTheSameResult(@ForAll("inputs") String text) {
    SourceFile file = new SourceFile("in.yaml", text);
    assertEquals(
        converter.convert(file, in(OutputFormat.JSON)),
        converter.convert(file, in(OutputFormat.JSON)));
  }

  /**
   * Handing the converter the caller's own reading of the input (as the CLI does after telling
   * Packer from AIB input) gives exactly what converting and validating the text give.
   */
  @Property(tries = 300)
  void anAlreadyParsedInputConvertsAsItsText(
      @ForAll("inputs") String text, @ForAll boolean json, @ForAll boolean yamlOutput) {
    SourceFile file = new SourceFile(json ? "in.json" : "in.yaml", text);
    ConvertOptions options = in(yamlOutput ? OutputFormat.YAML : OutputFormat.JSON);
    assertEquals(
        converter.convert(file, options), converter.convert(file, DocReader.read(file), options));
    assertEquals(
        converter.validate(file, options),
        converter.validate(file, DocReader.read(file), options));
  }

  /**
   * Arbitrary text (and damaged templates) never makes the converter throw, and every range it
   * reports lies inside the text.
   */
  @Property(tries = 1000)
  void anyTextGivesDiagnosticsInsideTheText(@ForAll("inputs") String text, @ForAll boolean json) {
    SourceFile file = new SourceFile(json ? "in.json" : "in.yaml", text);
    ConversionResult r = converter.convert(file, in(OutputFormat.JSON));
    for (Diagnostic d : r.diagnostics()) {
      d.subject().ifPresent(range -> assertInside(range, file, d));
      for (Related rel : d.related()) {
        assertInside(rel.range(), file, d);
      }
    }
    if (r.hasErrors()) {
      assertEquals(List.of(), r.templates(), "nothing is produced for an input with errors");
    }
  }

  private static void assertInside(Range range, SourceFile file, Diagnostic d) {
    assertEquals(file.name(), range.file(), d.toString());
    assertTrue(
        range.start().offset() >= 0
            && range.start().offset() <= range.end().offset()
            && range.end().offset() <= file.text().length(),
        () -> "range " + range + " outside the text: " + d);
  }

  /**
   * The errors and warnings, but RULE-W324: the generated commands hold invisible characters (a
   * BOM inside a word) on purpose, and the rule rightly warns about them; the output is still
   * valid and reads back unchanged.
   */
  private static List<String> errorsAndWarnings(ConversionResult r) {
    return r.diagnostics().stream()
        .filter(d -> d.severity() != io.github.packer2aib.core.diag.Severity.NOTE)
        .filter(d -> !d.code().equals("RULE-W324"))
        .map(d -> d.code() + " " + d.path().orElse("") + " " + d.detail())
        .collect(Collectors.toList());
  }

  @Provide
  Arbitrary<String> inputs() {
    Arbitrary<String> soup =
        Arbitraries.strings()
            .withChars("{}[]\":,-#&*!|>'\n\t  abc01.<:")
            .ofMaxLength(120);
    Arbitrary<String> damaged =
        Combinators.combine(
                AibDomain.templates(ApiVersion.DEFAULT),
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 40),
                Arbitraries.of("", "x", "\"", "{", "]", ": ", "\n  - ", "[parameters('a')]"),
                Arbitraries.of(true, false))
            .as(
                (t, at, cut, insert, yaml) -> {
                  String text = yaml ? TemplateWriter.toYaml(t) : TemplateWriter.toJson(t);
                  int from = Math.min(at, text.length());
                  int to = Math.min(text.length(), from + cut);
                  return text.substring(0, from) + insert + text.substring(to);
                });
    return Arbitraries.oneOf(soup, damaged, Arbitraries.strings().ofMaxLength(200));
  }
}
