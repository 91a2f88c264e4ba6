package io.github.packer2aib.core.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a file that is not UTF-8 seems to be: UTF-16 (what Windows PowerShell 5's {@code Out-File}
 * and {@code >} write) or UTF-32, by a byte order mark or by ASCII letters between NULs. Only for
 * messages (and for a bulk run's verdict): such a file is never converted, as its text is not known
 * for sure. Every reader uses it, so that a {@code .pkr.hcl} file is told what a {@code .json} one
 * is.
 */
public final class OtherEncodings {
  private OtherEncodings() {}

  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

  /**
   * UTF-32 or UTF-16 in its byte order, when the bytes look like it. UTF-32 is asked first: its
   * little-endian byte order mark, FF FE 00 00, starts with UTF-16's.
   */
  public static Optional<Charset> guess(byte[] b) {
    if (b.length >= 4 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE && b[2] == 0 && b[3] == 0) {
      return Optional.of(UTF_32LE);
    }
    if (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE && b[3] == (byte) 0xFF) {
      return Optional.of(UTF_32BE);
    }
    if (b.length >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    if (b.length >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (b.length >= 8 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 && b[4] != 0) {
      return Optional.of(UTF_32LE);
    }
    if (b.length >= 8 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0 && b[7] != 0) {
      return Optional.of(UTF_32BE);
    }
    if (b.length >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    if (b.length >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    return Optional.empty();
  }

  /**
   * How the reason {@link #nulsBetweenLetters} gives starts, for a reader that tells such a file
   * apart from one that is not UTF-8.
   */
  public static final String NULS_BETWEEN_LETTERS = "it holds NUL characters between its letters";

  /**
   * Why bytes that are valid UTF-8 are still no text to read, or empty: UTF-16 or UTF-32 without a
   * byte order mark is ASCII between NULs, which is valid UTF-8, and a parser stops at the first
   * NUL ("U+0000") without saying what the file is. Every reader asks this one method once the
   * bytes decoded, so that a {@code .json} or {@code .yaml} file is told what a {@code .pkr.hcl}
   * one is.
   */
  public static Optional<String> nulsBetweenLetters(byte[] validUtf8) {
    return describe(validUtf8).map(how -> NULS_BETWEEN_LETTERS + ": " + how);
  }

  /** How the reasons of {@link #describe} end: what to do, which no other advice need follow. */
  public static final String SAVE_AS_UTF8 = "save it as UTF-8";

  /** How a file that is UTF-16 or UTF-32 is named in the reason it cannot be read; else empty. */
  public static Optional<String> describe(byte[] b) {
    return guess(b)
        .map(
            c -> {
              boolean little = c == StandardCharsets.UTF_16LE || c == UTF_32LE;
              boolean utf16 = c == StandardCharsets.UTF_16LE || c == StandardCharsets.UTF_16BE;
              return utf16
                  ? "it is UTF-16 ("
                      + (little ? "little" : "big")
                      + "-endian, as Windows PowerShell 5 writes with Out-File); "
                      + SAVE_AS_UTF8
                  : "it is UTF-32 (" + (little ? "little" : "big") + "-endian); " + SAVE_AS_UTF8;
            });
  }
}
