package io.github.packer2aib.core.legacy.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateParserTest {

  private static ParsedTemplate ok(String text) {
    ParsedTemplate t = TemplateParser.parse(text);
    assertEquals(Optional.empty(), t.error(), text);
    return t;
  }

  private static TemplateProblem error(String text) {
    ParsedTemplate t = TemplateParser.parse(text);
    assertTrue(t.error().isPresent(), () -> "expected an error for " + text);
    assertEquals(List.of(), t.nodes());
    return t.error().get();
  }

  @Test
  void aStringParsedAgainGivesTheSameResultLongOrShort() {
    // Short strings are remembered between parses; long ones are parsed each time.
    String longText = "x".repeat(300) + "{{user `a`}}";
    for (String text : List.of("{{user `a`}}", "{{ oops", longText, longText + "{{")) {
      ParsedTemplate first = TemplateParser.parse(text);
      ParsedTemplate again = TemplateParser.parse(text);
      assertEquals(first, again, text);
      assertEquals(text, again.text());
    }
    assertTrue(TemplateParser.parse("{{ oops").error().isPresent());
    assertEquals(2, TemplateParser.parse(longText).nodes().size());
  }

  @Test
  void aStringOfMoreActionsThanTheSlowParserTakesIsRefusedAtTheFirstItNeeds() {
    int limit = TemplateParser.MAX_SLOW_ACTIONS;
    String plain = "{{ split (user `x`) \",\" 0 }} ";
    String comment = "{{/* c */}}";
    // Function calls on strings and integers: the fast reader takes any number.
    assertEquals(2 * (limit + 1), ok(plain.repeat(limit + 1)).nodes().size());
    // Up to the limit, a comment among them is read (by ANTLR) as usual.
    String atLimit = plain.repeat(limit - 1) + comment;
    assertEquals(2 * (limit - 1) + 1, ok(atLimit).nodes().size());
    // One more and the string is refused, at the first action the fast reader could not take.
    String over = plain.repeat(limit) + comment;
    TemplateProblem p = error(over);
    assertEquals(GoTemplateCode.TOO_MANY_ACTIONS, p.code());
    int at = plain.length() * limit;
    assertEquals(new Span(at, at + 2), p.span());
    assertTrue(p.detail().startsWith("This string holds 10,001 {{ }} actions"), p.detail());
    assertTrue(p.detail().contains("at most 10,000 in one string"), p.detail());
  }

  @Test
  void textWithoutActionsIsOneTextNode() {
    ParsedTemplate t = ok("a { b } c");
    assertEquals(List.of(new TemplateNode.Text("a { b } c", new Span(0, 9))), t.nodes());
    assertTrue(t.isLiteral());
    assertEquals(List.of(), ok("").nodes());
  }

  @Test
  void braceBeforeAnActionStaysText() {
    // Go's lexer finds the delimiter at the first "{{"; the third brace is inside the action.
    assertEquals(GoTemplateCode.UNEXPECTED_CHARACTER, error("x{{{ \"a\" }}").code());
    ParsedTemplate u = ok("x{ {{ \"a\" }}");
    assertEquals(new TemplateNode.Text("x{ ", new Span(0, 3)), u.nodes().get(0));
    assertEquals(new TemplateNode.Text("{", new Span(0, 1)), ok("{").nodes().get(0));
  }

  @Test
  void actionHoldsPipelineOfCommands() {
    ParsedTemplate t = ok("v={{ user `name` | replace \"a\" \"b\" -1 }}!");
    assertEquals(3, t.nodes().size());
    Action a = (Action) t.nodes().get(1);
    assertEquals("{{ user `name` | replace \"a\" \"b\" -1 }}", a.source());
    assertEquals(new Span(2, 40), a.span());
    List<Command> commands = a.pipeline().commands();
    assertEquals(2, commands.size());
    assertEquals(
        List.of(
            new Operand.Identifier("user", new Span(5, 9)),
            new Operand.StringLiteral("name", true, new Span(10, 16))),
        commands.get(0).operands());
    Operand.NumberLiteral n = (Operand.NumberLiteral) commands.get(1).operands().get(3);
    assertEquals(-1L, n.integer().getAsLong());
    assertEquals(new Span(35, 37), n.span());
  }

  @Test
  void trimMarkersNeedASpace() {
    Action trimmed = (Action) ok("a {{- `x` -}} b").nodes().get(1);
    assertTrue(trimmed.trimLeft() && trimmed.trimRight());
    Action number = (Action) ok("{{-3}}").nodes().get(0);
    assertTrue(!number.trimLeft());
    assertEquals(
        -3L,
        ((Operand.NumberLiteral) number.pipeline().commands().get(0).operands().get(0))
            .integer()
            .getAsLong());
  }

  @Test
  void fieldsChainByAdjacencyAndSeparateBySpaces() {
    Action chained = (Action) ok("{{ .A.B }}").nodes().get(0);
    assertEquals(
        List.of(new Operand.Field(List.of("A", "B"), new Span(3, 7))),
        chained.pipeline().commands().get(0).operands());
    Action sub = (Action) ok("{{ (user `x`).Len }}").nodes().get(0);
    assertTrue(sub.pipeline().commands().get(0).operands().get(0) instanceof Operand.Chain);
    assertEquals(
        "Arguments must be separated by spaces: write a space before \"`b`\".",
        error("{{ user`b` }}").detail());
  }

  @Test
  void commentsRenderNothingAndMayTrim() {
    ParsedTemplate t = ok("a {{- /* note */ -}} b");
    assertEquals(new TemplateNode.Comment(true, true, new Span(2, 20)), t.nodes().get(1));
    assertEquals(GoTemplateCode.COMMENT_NOT_CLOSING, error("{{/* a */ x }}").code());
    TemplateProblem unclosed = error("ab{{/* never");
    assertEquals(GoTemplateCode.UNCLOSED_COMMENT, unclosed.code());
    assertEquals(new Span(2, 12), unclosed.span());
  }

  @Test
  void stringEscapesAreGos() {
    Action a = (Action) ok("{{ \"a\\tb\\x41\\u00e9\\101\\\"\" }}").nodes().get(0);
    assertEquals(
        "a\tbAéA\"",
        ((Operand.StringLiteral) a.pipeline().commands().get(0).operands().get(0)).value());
    TemplateProblem bad = error("{{ \"a\\qb\" }}");
    assertEquals(GoTemplateCode.INVALID_ESCAPE, bad.code());
    assertEquals(new Span(5, 7), bad.span());
    assertEquals("\\q is not a Go escape sequence; write \\\\ for a backslash.", bad.detail());
    // Eight hex digits beyond the int range, and the largest code point plus one.
    for (String escape : new String[] {"\\U99999999", "\\UFFFFFFFF", "\\U00110000"}) {
      TemplateProblem invalid = error("{{ \"" + escape + "\" }}");
      assertEquals(GoTemplateCode.INVALID_ESCAPE, invalid.code(), escape);
      assertEquals(escape + " is not a valid code point.", invalid.detail());
    }
  }

  @Test
  void rawStringsSpanLinesAndDropCarriageReturns() {
    Action a = (Action) ok("{{ `a\r\nb` }}").nodes().get(0);
    assertEquals(
        "a\nb", ((Operand.StringLiteral) a.pipeline().commands().get(0).operands().get(0)).value());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{{ 0x1F }}|31|false",
        "{{ 017 }}|15|false",
        "{{ 0o17 }}|15|false",
        "{{ 0b101 }}|5|false",
        "{{ 1_000 }}|1000|false",
        "{{ 1.0 }}|1|true",
        "{{ 1e3 }}|1000|true",
        "{{ 'a' }}|97|false",
        "{{ '\\n' }}|10|false",
      })
  void numbersAndCharactersAreGoConstants(String text, long value, boolean isFloat) {
    Action a = (Action) ok(text).nodes().get(0);
    Operand.NumberLiteral n =
        (Operand.NumberLiteral) a.pipeline().commands().get(0).operands().get(0);
    assertEquals(value, n.integer().getAsLong());
    assertEquals(isFloat, n.isFloatLiteral());
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "~",
      value = {
        "x {{ user `a` ~UNCLOSED_ACTION~2~4",
        "{{ \"abc }}~UNCLOSED_STRING~3~10",
        "{{ `abc }}~UNCLOSED_STRING~3~10",
        "{{ 12ab }}~INVALID_NUMBER~3~7",
        "{{ 099 }}~INVALID_NUMBER~3~6",
        "{{ 99999999999999999999 }}~INVALID_NUMBER~3~23",
        "{{ 1i }}~INVALID_NUMBER~3~5",
        "{{ user @ }}~UNEXPECTED_CHARACTER~8~9",
        "{{ x-}}~INVALID_NUMBER~4~5",
        "{{ }}~EMPTY_ACTION~0~5",
        "{{ if true }}a{{ end }}~UNSUPPORTED_ACTION~3~5",
        "{{ $x := 1 }}~UNSUPPORTED_ACTION~3~9",
        // Control actions with their own variables are valid Go: the action is what is refused.
        "{{ with $x := user `os` }}{{ $x }}{{ end }}~UNSUPPORTED_ACTION~3~7",
        "{{- if $ok := true }}a{{ end }}~UNSUPPORTED_ACTION~4~6",
        "{{ range $i, $e := `ab` }}x{{ end }}~UNSUPPORTED_ACTION~3~8",
        "{{ lower $x := 1 }}~INVALID_SYNTAX~12~14",
        "{{ $x }}~UNSUPPORTED_ACTION~3~5",
        "{{ nil }}~NOT_A_COMMAND~3~6",
        "{{ \"a\" | \"b\" }}~NOT_A_COMMAND~9~12",
        "{{ \"a\" \"b\" }}~NOT_A_COMMAND~7~10",
        "{{ (user `a` }}~INVALID_SYNTAX~13~15",
        "{{ user `a`) }}~INVALID_SYNTAX~11~12",
        "{{ | lower }}~INVALID_SYNTAX~3~4",
        // A trailing "|" is accepted, as Go's parser in Packer 1.6.6 does; two in a row are not.
        "{{ user `a` | | }}~INVALID_SYNTAX~14~15",
        "{{ 'ab' }}~INVALID_SYNTAX~3~7",
        "{{ \"a\".x }}~INVALID_SYNTAX~6~8",
      })
  void syntaxErrorsAreLocated(String text, GoTemplateCode code, int start, int end) {
    TemplateProblem p = error(text);
    assertEquals(code, p.code(), p.detail());
    assertEquals(new Span(start, end), p.span(), p.detail());
  }

  /** {@code {{ user 'region' }}} was "Invalid escape sequence: a character constant holds …". */
  @Test
  void aNameInSingleQuotesIsToldToUseOtherQuotes() {
    TemplateProblem p = error("{{ user 'region' }}");
    assertEquals(GoTemplateCode.INVALID_SYNTAX, p.code());
    assertEquals(
        "'region' is no string: single quotes make a character constant, which holds exactly one"
            + " character. Write a string in backquotes or double quotes, as `region`.",
        p.detail());
    assertEquals(GoTemplateCode.INVALID_ESCAPE, error("{{ '\\q' }}").code());
  }

  @Test
  void deepNestingIsRefusedBeforeParsing() {
    String deep = "{{ " + "(".repeat(150) + "lower `a`" + ")".repeat(150) + " }}";
    assertEquals(GoTemplateCode.TOO_DEEPLY_NESTED, error(deep).code());
    String fine = "{{ " + "(".repeat(50) + "lower `a`" + ")".repeat(50) + " }}";
    ok(fine);
  }

  @Test
  void spansCountUtf16UnitsAcrossSupplementaryCharacters() {
    ParsedTemplate t = ok("\uD83D\uDE00 {{ user `x` }}");
    assertEquals(new Span(3, 17), t.nodes().get(1).span());
    assertEquals(new Span(11, 12), error("\uD83D\uDE00 {{ user @ }}").span());
  }
}
