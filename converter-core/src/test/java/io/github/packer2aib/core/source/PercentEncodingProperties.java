package io.github.packer2aib.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Percent-encoding is undone by a standard decoder and writes only what it keeps or escapes. */
class PercentEncodingProperties {

  @Property(tries = 2000)
  void queryEscapeIsUndoneByTheFormDecoder(@ForAll String text) {
    String s = LoneSurrogates.replaced(text);
    String encoded = PercentEncoding.encode(s, PercentEncoding::isUnreserved, true);
    assertEquals(s, URLDecoder.decode(encoded, StandardCharsets.UTF_8), encoded);
  }

  @Property(tries = 2000)
  void writesOnlyKeptBytesAndEscapes(@ForAll String text) {
    String s = LoneSurrogates.replaced(text);
    String encoded =
        PercentEncoding.encode(s, c -> PercentEncoding.isUnreserved(c) || c == '/', false);
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        assertTrue(encoded.substring(i + 1, i + 3).matches("[0-9A-F]{2}"), encoded);
        i += 2;
      } else {
        assertTrue(PercentEncoding.isUnreserved(c) || c == '/', encoded);
      }
    }
    // No "+" is written (it is not kept), so the form decoder reads every escape as written.
    assertEquals(s, URLDecoder.decode(encoded, StandardCharsets.UTF_8), encoded);
  }

  @Test
  void examples() {
    assertEquals(
        "a+b%2Bc%2F%C3%A9", PercentEncoding.encode("a b+c/é", PercentEncoding::isUnreserved, true));
    assertEquals(
        "a%20b/c",
        PercentEncoding.encode("a b/c", c -> PercentEncoding.isUnreserved(c) || c == '/', false));
  }
}
