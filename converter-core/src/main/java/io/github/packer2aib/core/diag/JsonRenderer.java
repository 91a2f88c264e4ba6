package io.github.packer2aib.core.diag;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.github.packer2aib.core.source.Range;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders diagnostics for machines ({@code --diagnostics-format json}): one JSON array, each entry
 * with code, severity, summary, detail, path and 1-based line/column ranges (end exclusive).
 */
public final class JsonRenderer {
  private static final JsonFactory FACTORY = new JsonFactory();

  public String render(Iterable<Diagnostic> diagnostics) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      DefaultPrettyPrinter pp =
          new DefaultPrettyPrinter().withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
      pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
      g.setPrettyPrinter(pp);
      g.writeStartArray();
      for (Diagnostic d : diagnostics) {
        g.writeStartObject();
        g.writeStringField("code", d.code());
        g.writeStringField("severity", d.severity().label());
        g.writeStringField("summary", d.summary());
        g.writeStringField("detail", SecretScrubber.scrub(d.detail()));
        if (d.subject().isPresent()) {
          writeRange(g, "range", d.subject().get());
        }
        if (d.path().isPresent()) {
          g.writeStringField("path", d.path().get());
        }
        if (!d.related().isEmpty()) {
          g.writeArrayFieldStart("related");
          for (Related r : d.related()) {
            g.writeStartObject();
            g.writeStringField("label", r.label());
            writeRange(g, "range", r.range());
            g.writeEndObject();
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static void writeRange(JsonGenerator g, String name, Range r) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("file", r.file());
    g.writeNumberField("line", r.start().line());
    g.writeNumberField("column", r.start().column());
    g.writeNumberField("endLine", r.end().line());
    g.writeNumberField("endColumn", r.end().column());
    g.writeEndObject();
  }
}
