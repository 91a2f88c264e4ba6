package io.github.packer2aib.core.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written restart timeout check answers what the pattern it replaced answers. */
class DurationProperties {
  /** The restart timeout pattern the check was written from. */
  private static final Pattern RESTART_TIMEOUT = Pattern.compile("(\\d+(\\.\\d+)?(ms|s|m|h))+");

  @Property(tries = 5000)
  void agreesWithThePattern(@ForAll("durations") String text) {
    assertEquals(RESTART_TIMEOUT.matcher(text).matches(), ServiceRules.isDuration(text), text);
  }

  @Test
  void readsTheUsualForms() {
    assertTrue(ServiceRules.isDuration("5m"));
    assertTrue(ServiceRules.isDuration("1h30m"));
    assertTrue(ServiceRules.isDuration("1.5h"));
    assertTrue(ServiceRules.isDuration("250ms"));
    assertTrue(ServiceRules.isDuration("1m5ms2s"));
    assertFalse(ServiceRules.isDuration(""));
    assertFalse(ServiceRules.isDuration("5"));
    assertFalse(ServiceRules.isDuration("5.m"));
    assertFalse(ServiceRules.isDuration("m"));
    assertFalse(ServiceRules.isDuration("5 m"));
    assertFalse(ServiceRules.isDuration("5d"));
    assertFalse(ServiceRules.isDuration("\u0665m")); // an Arabic-Indic digit: not \d
  }

  /** Texts made of digits, dots, units and a few other characters. */
  @Provide
  Arbitrary<String> durations() {
    Arbitrary<String> token =
        Arbitraries.of(
            List.of("0", "5", "12", ".", "m", "s", "h", "ms", "sm", "d", " ", "\u0665", "x", "."));
    return token.list().ofMaxSize(10).map(parts -> String.join("", parts));
  }
}
