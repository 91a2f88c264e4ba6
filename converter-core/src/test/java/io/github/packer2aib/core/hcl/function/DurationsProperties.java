package io.github.packer2aib.core.hcl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Durations#parseNanos}'s shortcut for plain durations agrees with the full reader. */
class DurationsProperties {

  @Property(tries = 3000)
  void sameAsTheFullReader(@ForAll("durationLike") String text) {
    assertEquals(full(text), Durations.parseNanos(text), text);
  }

  @Example
  void plainDurations() {
    assertEquals(Optional.of(30_000_000_000L), Durations.parseNanos("30s"));
    assertEquals(Optional.of(5_400_000_000_000L), Durations.parseNanos("1h30m"));
    assertEquals(Optional.of(500_000_000L), Durations.parseNanos("500ms"));
    assertEquals(Optional.of(2_520_000_000_000_000_000L), Durations.parseNanos("700000h"));
    assertEquals(Optional.empty(), Durations.parseNanos("999999h999999h999999h"));
    assertEquals(Optional.empty(), Durations.parseNanos("1msx"));
    assertEquals(Optional.empty(), Durations.parseNanos("30"));
  }

  private static Optional<Long> full(String text) {
    try {
      return Optional.of(GoTime.parseDuration(text));
    } catch (GoTime.TimeError e) {
      return Optional.empty();
    }
  }

  /** Groups of digits and units, with now and then a character the shortcut leaves alone. */
  @Provide
  Arbitrary<String> durationLike() {
    Arbitrary<String> number =
        Arbitraries.oneOf(
            Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(3),
            Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(8));
    Arbitrary<String> unit =
        Arbitraries.of("h", "m", "s", "ms", "us", "ns", "", "x", "mh", "msx", ".5s", "hs");
    Arbitrary<String> group = number.flatMap(n -> unit.map(u -> n + u));
    Arbitrary<String> sign = Arbitraries.of("", "", "", "-", "+");
    return sign.flatMap(
        s -> group.list().ofMinSize(0).ofMaxSize(4).map(gs -> s + String.join("", gs)));
  }
}
