package io.github.packer2aib.core.parse.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.hcl.syntax.Body;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.HclPrinter;
import io.github.packer2aib.core.hcl.syntax.HclTrees;
import io.github.packer2aib.core.hcl.syntax.SyntaxDump;
import io.github.packer2aib.core.hcl.syntax.SyntaxEquality;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the HCL front end: generated trees survive printing and parsing unchanged (ranges
 * aside); no text, however broken, makes the parser throw; every diagnostic points inside the text.
 */
class HclSyntaxProperties {
  private final HclParser parser = new HclParser();

  // ---- round trips ----------------------------------------------------------------------------

  @Property(tries = 400)
  void printedBodyParsesToTheSameTree(@ForAll("bodies") Body body) {
    String text = HclPrinter.print(body);
    HclParseResult parsed = parser.parse(new SourceFile("printed.hcl", text));
    assertEquals(List.of(), parsed.diagnostics(), text);
    assertSameTree(body, parsed.body(), text);
  }

  @Property(tries = 600)
  void printedExpressionParsesToTheSameTree(@ForAll("expressions") Expression expression) {
    String text = HclPrinter.print(expression);
    HclExpressionResult parsed = parser.parseExpression(new SourceFile("printed.hcle", text));
    assertEquals(List.of(), parsed.diagnostics(), text);
    assertSameTree(expression, parsed.expression().orElseThrow(), text);
  }

  @Property(tries = 300)
  void printedTemplateParsesToTheSameTree(@ForAll("templates") TemplateExpr template) {
    String text = HclPrinter.printStandalone(template);
    HclTemplateResult parsed = parser.parseTemplate(new SourceFile("printed.tmpl", text));
    assertEquals(List.of(), parsed.diagnostics(), text);
    assertSameTree(template, parsed.template(), text);
  }

  private static void assertSameTree(Object expected, Object actual, String text) {
    if (!SyntaxEquality.equalIgnoringRanges(expected, actual)) {
      assertEquals(SyntaxDump.dump(expected), SyntaxDump.dump(actual), "printed as:\n" + text);
    }
  }

  @Provide
  Arbitrary<Body> bodies() {
    return HclTrees.bodies();
  }

  @Provide
  Arbitrary<Expression> expressions() {
    return HclTrees.values();
  }

  @Provide
  Arbitrary<TemplateExpr> templates() {
    return HclTrees.standaloneTemplates();
  }

  // ---- robustness -----------------------------------------------------------------------------

  @Property(tries = 500)
  void anyTextGivesDiagnosticsInsideIt(@ForAll("anyText") String text) {
    checkAllEntryPoints(text);
  }

  @Property(tries = 1500)
  void hclLikeTokenSoupGivesDiagnosticsInsideIt(@ForAll("tokenSoup") String text) {
    checkAllEntryPoints(text);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(200);
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    return Arbitraries.of(
            "a", "b_c", " ", "  ", "\n", "\r\n", "\t", "=", "{", "}", "[", "]", "(", ")", "\"",
            "${", "%{", "~}", "$${", "if ", "for ", " in ", "else", "endif", "endfor", ":", "::",
            "?", ",", ".", "*", "...", "=>", "1", "1.5e3", "<<EOT\n", "EOT\n", "<<-X\n", "  X\n",
            "#c\n", "//c\n", "/*", "*/", "+", "-", "!", "&&", "||", "==", "<", ">=", "\\n", "\\",
            "\\u00e9", "$", "%", "@", "'", "true", "null", "é", "😀", "\uFEFF", "\u0000")
        .list()
        .ofMaxSize(40)
        .map(pieces -> String.join("", pieces));
  }

  private void checkAllEntryPoints(String text) {
    SourceFile file = new SourceFile("input.hcl", text);
    HclParseResult config = parser.parse(file);
    assertNotNull(config.body());
    checkDiagnostics(text, config.diagnostics());
    checkDiagnostics(text, parser.parseExpression(file).diagnostics());
    HclTemplateResult template = parser.parseTemplate(file);
    assertNotNull(template.template());
    checkDiagnostics(text, template.diagnostics());
    if (!config.hasErrors()) {
      // What parses cleanly also prints to text that parses cleanly.
      String printed = HclPrinter.print(config.body());
      assertFalse(
          parser.parse(new SourceFile("printed.hcl", printed)).hasErrors(),
          "printed form of a clean parse has errors:\n" + printed);
    }
  }

  private static void checkDiagnostics(String text, List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      assertTrue(d.code().startsWith("HCL-E"), d.code());
      assertFalse(d.summary().isBlank());
      assertFalse(d.detail().isBlank());
      assertFalse(
          d.detail().contains("mismatched input") || d.detail().contains("extraneous input"));
      assertTrue(d.subject().isPresent(), "every syntax diagnostic has a location: " + d);
      assertInside(text, d.subject().get());
      for (Related related : d.related()) {
        assertInside(text, related.range());
      }
    }
  }

  private static void assertInside(String text, Range range) {
    assertTrue(range.start().offset() <= range.end().offset(), range::toString);
    assertTrue(range.end().offset() <= text.length(), () -> range + " beyond " + text.length());
  }

  // ---- absurd input ---------------------------------------------------------------------------

  @Example
  void tenThousandOpenParenthesesAreReportedNotFatal() {
    String text = "a = " + "(".repeat(10_000) + "1\n";
    HclParseResult result = parser.parse(new SourceFile("deep.hcl", text));
    assertEquals(1, result.diagnostics().size(), result.diagnostics()::toString);
    Diagnostic d = result.diagnostics().get(0);
    assertEquals("HCL-E049", d.code());
    assertEquals("Expression too deeply nested", d.summary());
    assertEquals(1 + 4 + HclParser.MAX_NESTING, d.subject().orElseThrow().start().column());
    assertEquals(List.of(), result.body().items());
  }

  @Example
  void aLongChainOfUnaryOperatorsIsReportedNotFatal() {
    String text = "a = " + "!".repeat(50_000) + "x\n";
    HclParseResult result = parser.parse(new SourceFile("deep.hcl", text));
    assertEquals("HCL-E049", result.diagnostics().get(0).code());
  }
}
