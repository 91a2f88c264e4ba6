package io.github.packer2aib.core.diag;

import java.io.Closeable;
import java.io.StringWriter;
import java.io.Writer;
import java.util.function.Function;

/**
 * Diagnostics written for machines as they come, into one document that {@link #close} ends: a long
 * bulk run need not hold its diagnostics until the end, and a run stopped early still leaves a
 * whole document. {@link JsonRenderer} and {@link SarifRenderer} make them.
 */
public interface DiagnosticStream extends Closeable {
  /** Writes one more diagnostic. */
  void write(Diagnostic d);

  /** Passes what was written on to the writer, and flushes it. */
  void flush();

  /** Ends the document (once) and flushes; the writer stays open. */
  @Override
  void close();

  /** The whole document that a stream opened by {@code open} makes of {@code diagnostics}. */
  static String render(
      Function<Writer, ? extends DiagnosticStream> open, Iterable<Diagnostic> diagnostics) {
    StringWriter out = new StringWriter();
    try (DiagnosticStream stream = open.apply(out)) {
      for (Diagnostic d : diagnostics) {
        stream.write(d);
      }
    }
    return out.toString();
  }
}
