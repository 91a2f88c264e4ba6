package io.github.packer2aib.core.legacy.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.hcl.value.Value;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the template language: no string, however broken, makes the parser or evaluator
 * throw, and every problem's span lies inside the string; text without actions is its own value; a
 * Go string literal evaluates to the string it quotes.
 */
class TemplateProperties {
  private static final List<Scope> SCOPES =
      List.of(
          Scope.variables(),
          TestTemplates.azureBuilder(),
          TestTemplates.provisioner(
              new BuildTarget("a", "azure-arm"), new BuildTarget("b", "null")));

  @Provide
  Arbitrary<String> templateLike() {
    return TemplateArbitraries.templateLike();
  }

  @Property(tries = 2000)
  void anyStringEvaluatesWithProblemsInsideIt(@ForAll("templateLike") String text) {
    ParsedTemplate parsed = TemplateParser.parse(text);
    parsed.error().ifPresent(p -> assertInside(p, text));
    for (Scope scope : SCOPES) {
      Evaluation e = TestTemplates.eval(text, scope);
      for (TemplateProblem p : e.problems()) {
        assertInside(p, text);
        assertTrue(p.detail().endsWith(".") || p.detail().endsWith("?"), p.detail());
        assertTrue(!p.detail().contains("s3cret"), "a secret leaked into " + p.detail());
      }
      assertTrue(e.value().type().equals(io.github.packer2aib.core.hcl.value.Type.STRING), text);
      if (e.hasErrors()) {
        assertTrue(!e.value().isKnown(), "a failed template has no made-up value: " + text);
      }
    }
  }

  @Property(tries = 500)
  void arbitraryUnicodeNeverThrows(@ForAll String text) {
    String t = "{{ " + text + " }}" + text;
    Evaluation e = TestTemplates.eval(t, TestTemplates.azureBuilder());
    e.problems().forEach(p -> assertInside(p, t));
  }

  @Property(tries = 500)
  void textWithoutActionsIsItsOwnValue(@ForAll String text) {
    String t = text.replace("{{", "{ {");
    Evaluation e = TestTemplates.eval(t, TestTemplates.azureBuilder());
    assertEquals(List.of(), e.problems());
    // Kept as written, as Go's templates keep it (no Unicode normalization: that is HCL's).
    assertEquals(Value.verbatim(t), e.value());
  }

  @Property(tries = 500)
  void aQuotedStringEvaluatesToItsContent(@ForAll String content) {
    String quoted = goQuote(content);
    Evaluation e = TestTemplates.eval("{{ " + quoted + " }}", TestTemplates.azureBuilder());
    assertEquals(List.of(), e.problems(), quoted);
    assertEquals(wellFormed(content), e.value().asString());
  }

  @Property(tries = 300)
  void aRawStringEvaluatesToItsContent(@ForAll String content) {
    String c = content.replace("`", "").replace("\r", "");
    Evaluation e = TestTemplates.eval("{{ `" + c + "` | lower }}", TestTemplates.azureBuilder());
    assertEquals(List.of(), e.problems());
    assertEquals(Value.verbatim(GoStrings.lower(c)), e.value());
  }

  private static void assertInside(TemplateProblem p, String text) {
    assertTrue(
        p.span().start() >= 0 && p.span().end() <= text.length(),
        () -> p + " lies outside " + text.length() + " chars");
  }

  /** Go's quoting: escapes for quotes, backslashes and control characters, \\u for the rest. */
  private static String goQuote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** Lone surrogates cannot be escaped in Go; they come out as U+FFFD. */
  private static String wellFormed(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints()
        .forEach(
            cp -> {
              if (cp >= 0xD800 && cp <= 0xDFFF) {
                sb.append('\uFFFD');
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString();
  }
}
