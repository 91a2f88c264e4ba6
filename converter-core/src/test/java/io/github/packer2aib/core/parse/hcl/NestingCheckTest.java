package io.github.packer2aib.core.parse.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.BinaryOp;
import io.github.packer2aib.core.hcl.syntax.SyntaxEquality;
import io.github.packer2aib.core.source.SourceFile;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limits on the shape of an expression ({@link NestingCheck}): a long chain of binary operators
 * parses, on both parsers, up to an absurd length; what would nest deeper than {@link
 * HclParser#MAX_NESTING} (unary operators, conditionals, index operators, template directives) is a
 * located error at the token that goes too deep, never a stack overflow.
 */
class NestingCheckTest {
  private static final int MAX = HclParser.MAX_NESTING;

  private static String chain(String term, String operator, int terms) {
    return String.join(" " + operator + " ", Collections.nCopies(terms, term));
  }

  private static List<Diagnostic> diagnostics(HclParser parser, String text) {
    return parser.parse(new SourceFile("t.hcl", text)).diagnostics();
  }

  /** The one diagnostic of {@code "x = " + expression}: HCL-E049 at column {@code column}. */
  private static Diagnostic tooDeep(String expression, int column) {
    List<Diagnostic> found = diagnostics(new HclParser(), "x = " + expression + "\n");
    assertEquals(1, found.size(), found::toString);
    Diagnostic d = found.get(0);
    assertEquals("HCL-E049", d.code());
    assertEquals("t.hcl:1:" + column, d.subject().orElseThrow().toString());
    return d;
  }

  private static void parses(String expression) {
    assertEquals(List.of(), diagnostics(new HclParser(), "x = " + expression + "\n"));
  }

  @Test
  void bothParsersBuildTheSameTreeOfALongChain() {
    // The ANTLR path is taken when the descent parser gives up, for a syntax error anywhere in
    // the file: its tree builder must take the chain too.
    String text = "x = " + chain("a", "+", 10_000) + " * " + chain("b", "&&", 10_000) + "\n";
    SourceFile file = new SourceFile("t.hcl", text);
    HclParseResult descent = new HclParser().parse(file);
    HclParseResult antlr = HclParser.antlrOnly().parse(file);
    assertEquals(List.of(), descent.diagnostics());
    assertEquals(List.of(), antlr.diagnostics());
    assertTrue(SyntaxEquality.equalIgnoringRanges(descent.body(), antlr.body()));
    Attribute x = (Attribute) descent.body().items().get(0);
    assertEquals(text.length() - 1, x.expression().range().end().offset());
    assertTrue(x.expression() instanceof BinaryOp);
  }

  @Test
  void aSyntaxErrorAfterALongChainIsReportedAsItself() {
    List<Diagnostic> found =
        diagnostics(new HclParser(), "x = " + chain("1", "+", 50_000) + "\ny = \n");
    assertEquals(List.of("HCL-E030"), found.stream().map(Diagnostic::code).toList());
    assertEquals("t.hcl:2:5", found.get(0).subject().orElseThrow().toString());
  }

  @Test
  void aChainOfMoreThanAHundredThousandOperatorsIsRefusedAtTheFirstOneTooMany() {
    int limit = NestingCheck.MAX_OPERATORS;
    assertEquals(100_000, limit);
    parses(chain("1", "+", limit + 1));
    Diagnostic d = tooDeep(chain("1", "+", limit + 2), 5 + 4 * (limit + 1) - 2);
    assertEquals(
        "This expression chains more than 100000 binary operators, which this tool does not"
            + " parse. Split it using locals.",
        d.detail());
    // Separate items, lines and brackets are separate chains.
    parses("[" + chain("1", "+", limit) + ", " + chain("1", "+", limit) + "]");
    parses("(" + chain("1", "+", limit) + ") + (" + chain("1", "+", limit) + ")");
  }

  @Test
  void unaryOperatorsNestAsDeepAsTheyRepeat() {
    parses("-".repeat(MAX) + "1");
    parses("!".repeat(MAX) + "true");
    Diagnostic d = tooDeep("-".repeat(MAX + 1) + "1", 5 + MAX);
    assertEquals(
        "This expression nests more than 200 levels deep (each bracket, brace, template"
            + " sequence, %{if} or %{for} directive, conditional, unary operator and index or"
            + " splat operator it is inside adds one), which this tool does not parse. Split it"
            + " using locals.",
        d.detail());
    tooDeep("- ".repeat(MAX + 1) + "1", 5 + 2 * MAX);
    // A binary minus ends the run: 1 - -1 - -1 ... is a chain, not a nest.
    parses(chain("1", "- -", 1000));
    // Parentheses and unary operators add up.
    tooDeep("-(".repeat(MAX / 2) + "-1" + ")".repeat(MAX / 2), 5 + MAX);
  }

  @Test
  void conditionalsWithoutParenthesesNestToTheRight() {
    parses("true ? 1 : ".repeat(MAX) + "1");
    tooDeep("true ? 1 : ".repeat(MAX + 1) + "1", 5 + 11 * MAX + 5);
    // One after the other, in separate items, they do not nest.
    parses("[" + chain("true ? 1 : 2", ",", 1000) + "]");
  }

  @Test
  void indexAndSplatOperatorsNestOnTheirOperand() {
    parses("a" + "[b]".repeat(MAX - 1));
    tooDeep("a" + "[b]".repeat(MAX), 6 + 3 * (MAX - 1));
    tooDeep("a" + "[*]".repeat(MAX), 6 + 3 * (MAX - 1));
    tooDeep("a" + ".*".repeat(MAX + 1), 7 + 2 * MAX);
    // Static steps fold into one traversal; operands of a chain are separate.
    parses("a" + ".b".repeat(10_000));
    parses(chain("a[b]", "+", 10_000));
  }

  @Test
  void templateDirectivesNestUntilTheirEnd() {
    String nested = "%{if a}".repeat(MAX - 1) + "x" + "%{endif}".repeat(MAX - 1);
    parses("\"" + nested + "\"");
    String tooMany = "%{if a}".repeat(MAX) + "x" + "%{endif}".repeat(MAX);
    tooDeep("\"" + tooMany + "\"", 6 + 7 * (MAX - 1) + 2);
    // One after the other they do not nest.
    parses("\"" + "%{if a}x%{endif}".repeat(10_000) + "\"");
  }

  @Test
  void blocksNestedTooDeeplyAreNotCalledAnExpression() {
    // The message said to split the expression with locals, which cannot flatten blocks.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i <= MAX; i++) {
      text.append(i % 2 == 0 ? "a {\n" : "b \"l\" {\n");
    }
    List<Diagnostic> found = diagnostics(new HclParser(), text.toString());
    assertEquals(1, found.size(), found::toString);
    assertEquals("HCL-E049", found.get(0).code());
    assertEquals(
        "This block is nested more than 200 levels deep (each block, bracket and brace it is"
            + " inside adds one), which this tool does not parse. No Packer template nests blocks"
            + " this deep: check whether the file was generated correctly.",
        found.get(0).detail());
    assertTrue(
        tooDeep("[".repeat(MAX + 1) + "]".repeat(MAX + 1), 5 + MAX)
            .detail()
            .startsWith("This expression nests more than 200 levels deep"));
  }
}
