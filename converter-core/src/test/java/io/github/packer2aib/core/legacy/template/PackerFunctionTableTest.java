package io.github.packer2aib.core.legacy.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.hcl.function.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Expressions evaluated by Packer 1.6.6 itself ({@code legacy/packer-1.6.6-functions.tsv}, see its
 * header): each must evaluate to exactly Packer's output, with the clock frozen at the second of
 * Packer's run, in the settings of a builder named {@code null} of type {@code null}.
 */
class PackerFunctionTableTest {

  @TestFactory
  Stream<DynamicTest> matchesPacker() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : lines()) {
      String[] cols = line.split("\t", -1);
      Instant at = Instant.ofEpochSecond(Long.parseLong(cols[0]));
      String expression = cols[1];
      String expected = unescape(cols[2]);
      tests.add(
          DynamicTest.dynamicTest(
              expression,
              () -> {
                TemplateEvaluator e =
                    new TemplateEvaluator(
                        new TemplateEnvironment(
                            Clock.frozenAt(at), Map.of(), "/t", "/w", Optional.of("1.6.6")));
                Evaluation result =
                    e.evaluate(
                        expression,
                        Scope.builder(new BuildTarget("null", "null")),
                        UserVariables.none());
                // Warnings (a layout constant's name used as a layout) do not change the value.
                assertEquals(false, result.hasErrors(), () -> result.problems().toString());
                assertEquals(expected, result.value().unmarked().asString());
              }));
    }
    return tests.stream();
  }

  private static List<String> lines() throws IOException {
    try (InputStream in =
        PackerFunctionTableTest.class.getResourceAsStream("/legacy/packer-1.6.6-functions.tsv")) {
      List<String> out = new ArrayList<>();
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!l.isBlank() && !l.startsWith("#")) {
          out.add(l);
        }
      }
      return out;
    }
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
