package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link Builds#isDuration} accepts exactly what Go's duration syntax, as a regex, accepts. */
class DurationSyntaxTest {
  private static final Pattern GO_DURATION =
      Pattern.compile("[-+]?((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+|[-+]?0");

  @Test
  void examples() {
    for (String s :
        new String[] {
          "0",
          "-0",
          "+0",
          "30s",
          "5m",
          "1h30m",
          "1.5h",
          ".5s",
          "5.s",
          "10ms",
          "3µs",
          "3μs",
          "2ns",
          "4us",
          "1h2m3s4ms5us6ns",
          "-1m",
          "+2h"
        }) {
      assertEquals(true, Builds.isDuration(s), s);
    }
    for (String s :
        new String[] {
          "", "-", "+", "s", "5", "00", "1d", ".s", "5 m", "5mm", "5M", "m5", "--1s", "1s-",
          "1.2.3s", "5µ", "0x1s", "١s"
        }) {
      assertEquals(false, Builds.isDuration(s), s);
    }
  }

  @Test
  void agreesWithTheRegexOnRandomStrings() {
    String alphabet = "0123456789.+-nsumhµμdx ";
    Random random = new Random(42);
    for (int k = 0; k < 200_000; k++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(9);
      for (int i = 0; i < length; i++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = b.toString();
      assertEquals(GO_DURATION.matcher(s).matches(), Builds.isDuration(s), s);
    }
  }
}
