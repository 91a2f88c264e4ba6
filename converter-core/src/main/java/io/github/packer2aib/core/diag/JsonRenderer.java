package io.github.packer2aib.core.diag;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.github.packer2aib.core.source.Range;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Renders diagnostics for machines ({@code --diagnostics-format json}): one JSON array, each entry
 * with code, severity, summary, detail, path and 1-based line/column ranges (end exclusive).
 */
public final class JsonRenderer {
  private static final JsonFactory FACTORY = new JsonFactory();

  public String render(Iterable<Diagnostic> diagnostics) {
    StringWriter out = new StringWriter();
    try (Stream stream = stream(out)) {
      for (Diagnostic d : diagnostics) {
        stream.write(d);
      }
    }
    return out.toString();
  }

  /** A {@link Stream} of diagnostics written to {@code out} (which it does not close). */
  public Stream stream(Writer out) {
    return new Stream(out);
  }

  /**
   * Diagnostics written as they come, as the one JSON array {@link #render} makes of them all: a
   * long run need not hold them until its end. {@link #close} ends the array.
   */
  public static final class Stream implements DiagnosticStream {
    private final Writer out;
    private final JsonGenerator g;
    private boolean closed;

    private Stream(Writer out) {
      this.out = out;
      try {
        g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(LINE_FEED);
        pp.indentArraysWith(LINE_FEED);
        g.setPrettyPrinter(pp);
        g.writeStartArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void write(Diagnostic d) {
      try {
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
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void flush() {
      try {
        g.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        g.writeEndArray();
        g.close();
        out.write("\n");
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final DefaultIndenter LINE_FEED =
      DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n");

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
