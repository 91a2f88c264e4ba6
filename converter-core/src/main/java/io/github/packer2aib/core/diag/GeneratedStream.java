package io.github.packer2aib.core.diag;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * What the machine formats' streams share: a pretty-printing JSON generator on the caller's writer
 * (lines end in {@code \n} on every system), I/O problems as unchecked exceptions, and an end that
 * is written once, followed by a line break. A format writes its opening in its constructor, each
 * diagnostic in {@link #writeDiagnostic}, and its closing in {@link #writeEnd}.
 */
abstract class GeneratedStream implements DiagnosticStream {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final DefaultIndenter LINE_FEED =
      DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n");

  /** Where the format writes. */
  protected final JsonGenerator g;

  private final Writer out;
  private boolean closed;

  GeneratedStream(Writer out) {
    this.out = out;
    try {
      g = FACTORY.createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(LINE_FEED);
      pp.indentArraysWith(LINE_FEED);
      g.setPrettyPrinter(pp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one diagnostic in the format's form. */
  abstract void writeDiagnostic(Diagnostic d) throws IOException;

  /** Closes what the format opened. */
  abstract void writeEnd() throws IOException;

  @Override
  public final void write(Diagnostic d) {
    try {
      writeDiagnostic(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public final void flush() {
    try {
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public final void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writeEnd();
      g.close();
      out.write("\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
