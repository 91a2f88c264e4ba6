package io.github.packer2aib.core.diag;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.packer2aib.core.source.Range;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Renders diagnostics for machines ({@code --diagnostics-format json}): one JSON array, each entry
 * with code, severity, summary, detail, path and 1-based line/column ranges (end exclusive).
 */
public final class JsonRenderer {
  public String render(Iterable<Diagnostic> diagnostics) {
    return DiagnosticStream.render(this::stream, diagnostics);
  }

  /** A {@link Stream} of diagnostics written to {@code out} (which it does not close). */
  public Stream stream(Writer out) {
    return new Stream(out);
  }

  /**
   * Diagnostics written as they come, as the one JSON array {@link #render} makes of them all: a
   * long run need not hold them until its end. {@link #close} ends the array.
   */
  public static final class Stream extends GeneratedStream {
    private Stream(Writer out) {
      super(out);
      try {
        g.writeStartArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void writeDiagnostic(Diagnostic d) throws IOException {
      g.writeStartObject();
      g.writeStringField("code", d.code());
      g.writeStringField("severity", d.severity().label());
      g.writeStringField("summary", SecretScrubber.scrub(d.summary()));
      g.writeStringField("detail", SecretScrubber.scrub(d.detail()));
      if (d.subject().isPresent()) {
        writeRange(g, "range", d.subject().get());
      } else if (d.input().isPresent()) {
        // Without a location, the input it is about, so that a reader can tell which one failed.
        g.writeStringField("file", d.input().get());
      }
      if (d.path().isPresent()) {
        g.writeStringField("path", SecretScrubber.scrub(d.path().get()));
      }
      if (!d.related().isEmpty()) {
        g.writeArrayFieldStart("related");
        for (Related r : d.related()) {
          g.writeStartObject();
          g.writeStringField("label", SecretScrubber.scrub(r.label()));
          writeRange(g, "range", r.range());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }

    @Override
    void writeEnd() throws IOException {
      g.writeEndArray();
    }
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
