package io.github.packer2aib.cli;

import io.github.packer2aib.core.bind.PackerTemplates;
import java.nio.charset.StandardCharsets;

/**
 * What a file that is not UTF-8 seems to be ({@link
 * io.github.packer2aib.core.source.OtherEncodings}), for messages and for a bulk run's verdict:
 * such a file is never converted (its text is not known for sure), but one that names a template is
 * a template saved in the wrong encoding, which fails, not a file to pass over. A single-byte
 * encoding such as Latin-1 or Windows-1252 keeps ASCII letters as ASCII bytes.
 */
final class OtherEncodings {
  private OtherEncodings() {}

  /**
   * Whether the text carries a template's marks as a file that does not parse does ({@link
   * PackerTemplates#namesATemplate}), read as UTF-16 or UTF-32 when it looks like it and byte by
   * byte otherwise.
   */
  static boolean namesATemplate(byte[] b) {
    return PackerTemplates.namesATemplate(
        new String(
            b,
            io.github.packer2aib.core.source.OtherEncodings.guess(b)
                .orElse(StandardCharsets.ISO_8859_1)));
  }
}
