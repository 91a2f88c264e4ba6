package io.github.packer2aib.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OtherEncodingsTest {
  private static Optional<String> describe(String text, Charset charset) {
    return OtherEncodings.describe(text.getBytes(charset));
  }

  @Test
  void utf32IsToldFromUtf16ThoughItsByteOrderMarkStartsWithUtf16s() {
    // FF FE 00 00 was reported as UTF-16 little-endian.
    assertEquals(
        Optional.of("it is UTF-32 (little-endian); save it as UTF-8"),
        describe("\uFEFFbuilders:", Charset.forName("UTF-32LE")));
    assertEquals(
        Optional.of("it is UTF-32 (big-endian); save it as UTF-8"),
        describe("\uFEFFbuilders:", Charset.forName("UTF-32BE")));
    assertEquals(
        Optional.of("it is UTF-32 (little-endian); save it as UTF-8"),
        describe("builders:", Charset.forName("UTF-32LE")));
    assertEquals(
        Optional.of(
            "it is UTF-16 (little-endian, as Windows PowerShell 5 writes with Out-File); save it"
                + " as UTF-8"),
        describe("\uFEFFbuilders:", StandardCharsets.UTF_16LE));
    assertEquals(
        Optional.of(
            "it is UTF-16 (big-endian, as Windows PowerShell 5 writes with Out-File); save it as"
                + " UTF-8"),
        describe("builders:", StandardCharsets.UTF_16BE));
    assertEquals(Optional.empty(), describe("builders:", StandardCharsets.ISO_8859_1));
  }
}
