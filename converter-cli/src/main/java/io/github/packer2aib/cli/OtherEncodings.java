package io.github.packer2aib.cli;

import io.github.packer2aib.core.bind.PackerTemplates;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a file that is not UTF-8 seems to be: UTF-16 (what Windows PowerShell 5's {@code Out-File}
 * and {@code >} write), or a single-byte encoding such as Latin-1 or Windows-1252, whose ASCII
 * letters are ASCII bytes. Only for messages and for a bulk run's verdict: such a file is never
 * converted (its text is not known for sure), but one that names a template is a template saved in
 * the wrong encoding, which fails, not a file to pass over.
 */
final class OtherEncodings {
  private OtherEncodings() {}

  /**
   * UTF-16 in its byte order, when the bytes look like it: a byte order mark, or ASCII with NULs.
   */
  static Optional<Charset> utf16(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (b.length >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    if (b.length >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    return Optional.empty();
  }

  /** How a file that is UTF-16 is named in the reason it cannot be read; empty when it is not. */
  static Optional<String> describe(byte[] b) {
    return utf16(b)
        .map(
            c ->
                "it is UTF-16 ("
                    + (c == StandardCharsets.UTF_16LE ? "little" : "big")
                    + "-endian, as Windows PowerShell 5 writes with Out-File); save it as UTF-8");
  }

  /**
   * Whether the text carries a template's marks as a file that does not parse does ({@link
   * PackerTemplates#namesATemplate}), read as UTF-16 when it looks like it and byte by byte
   * otherwise.
   */
  static boolean namesATemplate(byte[] b) {
    return PackerTemplates.namesATemplate(
        new String(b, utf16(b).orElse(StandardCharsets.ISO_8859_1)));
  }
}
