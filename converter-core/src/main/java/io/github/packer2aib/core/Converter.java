package io.github.packer2aib.core;

import io.github.packer2aib.core.source.SourceFile;

/**
 * The library's entry point: one input text in, AIB templates and diagnostics out. It never throws
 * for bad input, never prints and never writes files; the caller renders the diagnostics and
 * writes the templates.
 */
public final class Converter {

  /** Converts an input into AIB templates in the chosen format and API version. */
  public ConversionResult convert(SourceFile input, ConvertOptions options) {
    throw new UnsupportedOperationException("wired in by the lead at merge");
  }

  /** Checks an input as {@link #convert} does, without producing output text. */
  public ConversionResult validate(SourceFile input, ConvertOptions options) {
    throw new UnsupportedOperationException("wired in by the lead at merge");
  }
}
