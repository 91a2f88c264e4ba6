package io.github.packer2aib.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.diag.SecretScrubber;
import io.github.packer2aib.core.emit.TemplateWriter;
import io.github.packer2aib.core.source.Range;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders a {@link ConversionReport} as JSON for machines: {@code verdicts} (inputs per verdict),
 * {@code totals} (warnings and ignored decisions, as the run's summary line counts them), {@code
 * checkOnly: true} for a report of {@code validate} (absent otherwise), {@code runDiagnostics}
 * (about the run as a whole, in the order given), then {@code inputs}, each with name, verdict,
 * outputs, counts per decision kind and the decisions (kind, code, severity, summary, detail,
 * location with 1-based line/column, end exclusive, JSON pointer, related locations). Two-space
 * indent, a newline at the end; text from the input goes through {@link SecretScrubber}.
 */
public final class ReportJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ReportJson() {}

  public static String render(ConversionReport report) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(TemplateWriter.prettyPrinter());
      g.writeStartObject();
      g.writeObjectFieldStart("verdicts");
      for (Verdict v : Verdict.values()) {
        g.writeNumberField(v.label(), report.count(v));
      }
      g.writeEndObject();
      g.writeObjectFieldStart("totals");
      g.writeNumberField("warnings", report.warnings());
      g.writeNumberField("ignored", report.ignored());
      g.writeEndObject();
      if (report.checkOnly()) {
        g.writeBooleanField("checkOnly", true);
      }
      runDiagnostics(g, report.runDiagnostics());
      g.writeArrayFieldStart("inputs");
      for (InputReport input : report.inputs()) {
        writeInput(g, input);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static void writeInput(JsonGenerator g, InputReport input) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", clean(input.name()));
    g.writeStringField("verdict", input.verdict().label());
    g.writeArrayFieldStart("outputs");
    for (String o : input.outputs()) {
      g.writeString(clean(o));
    }
    g.writeEndArray();
    g.writeObjectFieldStart("counts");
    for (DecisionKind kind : DecisionKind.values()) {
      g.writeNumberField(kind.label(), input.count(kind));
    }
    g.writeEndObject();
    g.writeArrayFieldStart("decisions");
    for (Decision decision : input.decisions()) {
      Diagnostic d = decision.diagnostic();
      g.writeStartObject();
      g.writeStringField("kind", decision.kind().label());
      g.writeStringField("code", d.code());
      if (decision.ignored()) {
        g.writeBooleanField("ignored", true);
      }
      describe(g, d);
      if (!d.related().isEmpty()) {
        g.writeArrayFieldStart("related");
        for (Related r : d.related()) {
          g.writeStartObject();
          g.writeStringField("label", clean(r.label()));
          writeRange(g, "location", r.range());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * A diagnostic's severity, summary and detail, and its location and JSON pointer when it has
   * them, the text through {@link SecretScrubber}: the fields a decision and a run's diagnostic
   * share.
   */
  private static void describe(JsonGenerator g, Diagnostic d) throws IOException {
    g.writeStringField("severity", d.severity().label());
    g.writeStringField("summary", clean(d.summary()));
    g.writeStringField("detail", clean(d.detail()));
    if (d.subject().isPresent()) {
      writeRange(g, "location", d.subject().get());
    }
    if (d.path().isPresent()) {
      g.writeStringField("path", clean(d.path().get()));
    }
  }

  /**
   * {@code runDiagnostics}: each diagnostic about the run as a whole with its code, severity,
   * summary and detail (and location and JSON pointer when it has them, as a settings file's entry
   * does), the text through {@link SecretScrubber} as everywhere in a report. A bulk run's report
   * writes the same array.
   */
  public static void runDiagnostics(JsonGenerator g, List<Diagnostic> diagnostics)
      throws IOException {
    g.writeArrayFieldStart("runDiagnostics");
    for (Diagnostic d : diagnostics) {
      g.writeStartObject();
      g.writeStringField("code", d.code());
      describe(g, d);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * A source range as the reports write it: {@code name: {file, line, column, endLine, endColumn}}.
   */
  public static void writeRange(JsonGenerator g, String name, Range r) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("file", clean(r.file()));
    g.writeNumberField("line", r.start().line());
    g.writeNumberField("column", r.start().column());
    g.writeNumberField("endLine", r.end().line());
    g.writeNumberField("endColumn", r.end().column());
    g.writeEndObject();
  }

  private static String clean(String text) {
    return SecretScrubber.scrub(text);
  }
}
