package io.github.packer2aib.core.legacy.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The hand-written {@link TemplateDescent} agrees with the ANTLR path of {@link TemplateParser}:
 * (a) whenever it reads a string, the ANTLR path reads it without error into equal nodes (records'
 * equality: spans, sources and decoded literals included); (b) on the subset it handles
 * (identifiers, fields, strings, raw strings, decimal integers, parentheses, pipes, trim markers),
 * it gives up only where the ANTLR path reports an error. Checked on generated templates of that
 * subset and their mutations (at least 30% of the generated templates are valid: errors multiply
 * over up to six parts), on the error-prone pieces of {@code TemplateProperties}, and on arbitrary
 * text.
 */
class TemplateDescentProperties {

  @Property(tries = 2000)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void readsEveryValidStringOfItsSubset(@ForAll("templates") String text) {
    ParsedTemplate antlr = TemplateParser.parseWithAntlr(text);
    ParsedTemplate descent = TemplateDescent.read(text);
    if (descent != null) {
      assertEquals(antlr, descent, text);
    } else {
      assertEquals(true, antlr.error().isPresent(), () -> "gave up on valid " + text);
    }
    Statistics.label("valid").collect(antlr.error().isEmpty());
    Statistics.label("valid").coverage(c -> c.check(true).percentage(p -> p >= 30));
  }

  @Property(tries = 2000)
  void agreesOnMutatedTemplates(@ForAll("mutated") String text) {
    agree(text);
  }

  @Property(tries = 2000)
  void agreesOnTemplateLikeText(@ForAll("templateLike") String text) {
    agree(text);
  }

  @Property(tries = 1000)
  void agreesOnArbitraryText(@ForAll String text) {
    agree(text);
    agree("{{ " + text + " }}");
    agree("{{" + text);
  }

  @Example
  void readsTheStringsOfRealTemplates() {
    for (String text :
        List.of(
            "{{user `client_id`}}",
            "{{ user `image_prefix` }}-{{user `image_version`}}",
            "{{ .Vars }} sudo -E sh '{{ .Path }}'",
            "chmod +x {{ .Path }}; {{ .Vars }} {{ .Path }}",
            "{{isotime \"2006-01-02\" | lower}}",
            "{{- user `x` -}}\n{{ split (user `a,b`) \",\" 0 }} {",
            "text {{ (user `a`) | upper }} {",
            "{{ .Env.Name.X }} {{ (user `a`).Field }}",
            "{{ split (user `x`) \"a\" 0 }}{{ split (user `x`) \"a\" 12}}")) {
      agree(text);
    }
    assertNotNull(TemplateDescent.read("{{user `client_id`}}"));
    assertNotNull(TemplateDescent.read("{{ .Vars }} sudo -E sh '{{ .Path }}'"));
    assertNotNull(TemplateDescent.read("{{- user `x` -}}\n{{ (user `a`).B | lower }} {"));
    assertNotNull(TemplateDescent.read("{{ split (user `a,b`) \",\" 1 }}"));
  }

  private static void agree(String text) {
    ParsedTemplate descent = TemplateDescent.read(text);
    if (descent != null) {
      ParsedTemplate antlr = TemplateParser.parseWithAntlr(text);
      assertEquals(antlr, descent, text);
    }
  }

  // ---- generators ------------------------------------------------------------------------------

  @Provide
  Arbitrary<String> templates() {
    Arbitrary<String> action =
        Combinators.combine(
                Arbitraries.of("{{", "{{- ", "{{-\n", "{{-\t "),
                spaces(),
                pipeline(2),
                spaces(),
                Arbitraries.of("}}", " -}}", "\n\t-}}"))
            .as((open, s1, p, s2, close) -> open + s1 + p + s2 + close);
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.of("", "a", "{", "x{y", "}}", "é\uD83D\uDE00", " - ", "\r\n", "}{"),
            Arbitraries.strings().ofMaxLength(6).map(s -> s.replace("{{", "{ {")));
    return Arbitraries.oneOf(action, action, text).list().ofMaxSize(6).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> mutated() {
    return Combinators.combine(
            templates(),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.of(
                "", " ", "{", "}", "(", ")", "|", ".", "`", "\"", "-", "$", "1", "é", "\n", "/*",
                "\\", "x"))
        .as(
            (t, at, insert) -> {
              int i = t.isEmpty() ? 0 : at % (t.length() + 1);
              boolean delete = at % 3 == 0 && i < t.length();
              return t.substring(0, i) + insert + t.substring(delete ? i + 1 : i);
            });
  }

  private static Arbitrary<String> spaces() {
    return Arbitraries.of("", "", " ", "  ", "\t", "\n ", "\r\n");
  }

  private static Arbitrary<String> separator() {
    return Arbitraries.of(" ", " ", "  ", "\t", "\n", " \r\n ");
  }

  private static Arbitrary<String> pipeline(int depth) {
    Arbitrary<String> command = command(depth);
    Arbitrary<String> next =
        Combinators.combine(spaces(), spaces(), command)
            .as((a, b, c) -> a + "|" + b + c)
            .list()
            .ofMaxSize(2)
            .map(l -> String.join("", l));
    return Combinators.combine(command, next).as((c, n) -> c + n);
  }

  private static Arbitrary<String> command(int depth) {
    Arbitrary<String> head =
        Arbitraries.frequencyOf(
            Tuple.of(8, identifier()),
            Tuple.of(3, fields()),
            Tuple.of(2, operand(depth)),
            Tuple.of(1, Arbitraries.of("nil", "if")));
    Arbitrary<String> arguments =
        Combinators.combine(separator(), operand(depth))
            .as((s, o) -> s + o)
            .list()
            .ofMaxSize(3)
            .map(l -> String.join("", l));
    return Combinators.combine(head, arguments).as((h, a) -> h + a);
  }

  private static Arbitrary<String> operand(int depth) {
    Arbitrary<String> term =
        Arbitraries.frequencyOf(
            Tuple.of(3, identifier()),
            Tuple.of(3, fields()),
            Tuple.of(1, Arbitraries.of(".", "true", "false", "nil", "end")),
            Tuple.of(
                2,
                Arbitraries.of(
                    "\"\"", "\"a,b\"", "\"\\n\\t\\\"\"", "\"\\u00e9\"", "\"\\q\"", "\"é\"")),
            Tuple.of(2, Arbitraries.of("``", "`region`", "`a\r\nb`", "`\"{{`")),
            // Decimal integers; 08 and 09 are bad octal numbers, the last two overflow 64 bits.
            Tuple.of(
                2,
                Arbitraries.of(
                    "0", "1", "42", "007", "08", "9223372036854775807", "18446744073709551616")));
    if (depth > 0) {
      Arbitrary<String> parenthesized =
          Combinators.combine(spaces(), pipeline(depth - 1), spaces())
              .as((a, p, b) -> "(" + a + p + b + ")");
      term = Arbitraries.oneOf(term, parenthesized);
    }
    return Combinators.combine(term, Arbitraries.of("", "", "", "", "", ".Name", ".A.b_2"))
        .as((t, f) -> t + f);
  }

  private static Arbitrary<String> identifier() {
    return Arbitraries.of(
        "user", "lower", "upper", "split", "build_name", "timestamp", "_x", "a1", "Env");
  }

  private static Arbitrary<String> fields() {
    return Arbitraries.of(".Path", ".Vars", ".A.B", "._x1");
  }

  @Provide
  Arbitrary<String> templateLike() {
    return TemplateArbitraries.templateLike();
  }
}
