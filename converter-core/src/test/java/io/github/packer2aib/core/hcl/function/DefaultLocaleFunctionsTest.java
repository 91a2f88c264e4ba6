package io.github.packer2aib.core.hcl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.testing.DefaultLocale;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Function results and their messages do not follow the JVM's default locale: the same template
 * gives the same output and diagnostics on every machine. Under ar-EG, {@code String.format}
 * without a locale wrote formatdate's year in Arabic-Indic digits into the image template.
 */
class DefaultLocaleFunctionsTest {
  private static final FunctionRegistry REGISTRY = TestFunctions.registry();

  private static Value call(String name, Value... args) throws FunctionException {
    return REGISTRY.lookup(name).orElseThrow().call(List.of(args));
  }

  @Test
  void formatdateWritesTheYearInAsciiDigitsUnderAnyLocale() throws Exception {
    Value year =
        DefaultLocale.with(
            DefaultLocale.ARABIC_DIGITS,
            () ->
                call(
                    "formatdate",
                    Value.string("DD MMM YYYY"),
                    Value.string("2018-01-02T23:12:01Z")));
    assertEquals(Value.string("02 Jan 2018"), year);
  }

  @Test
  void limitsInMessagesAreGroupedWithCommasUnderAnyLocale() throws Exception {
    for (var locale : List.of(DefaultLocale.ARABIC_DIGITS, DefaultLocale.GERMAN)) {
      FunctionException tooLong =
          DefaultLocale.with(
              locale,
              () ->
                  assertThrows(
                      FunctionException.class,
                      () ->
                          call(
                              "format",
                              Value.string("%16000000d%16000000d"),
                              Value.number(0),
                              Value.number(0))));
      assertEquals(
          "the result would be 32,000,000 characters long, more than the 16,777,216 a string may"
              + " hold",
          tooLong.message(),
          locale.toString());
      String regex =
          DefaultLocale.with(locale, () -> GoRegex.templateTooExpensive(0, 50_000_000).message());
      assertEquals(
          "the template's regular expressions together have read more than 50,000,000"
              + " characters:",
          regex.substring(0, regex.indexOf(':') + 1),
          locale.toString());
    }
  }
}
