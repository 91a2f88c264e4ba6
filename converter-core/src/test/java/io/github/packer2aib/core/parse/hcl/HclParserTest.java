package io.github.packer2aib.core.parse.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.BinaryOp;
import io.github.packer2aib.core.hcl.syntax.BinaryOperator;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.Body;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateInterpolation;
import io.github.packer2aib.core.hcl.syntax.TemplateLiteral;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HclParserTest {
  private final HclParser parser = new HclParser();

  private Body parseClean(String text) {
    HclParseResult result = parser.parse(new SourceFile("main.pkr.hcl", text));
    assertEquals(List.of(), result.diagnostics());
    return result.body();
  }

  private static String at(Range range) {
    return range.start().line()
        + ":"
        + range.start().column()
        + "-"
        + range.end().line()
        + ":"
        + range.end().column();
  }

  @Test
  void attributeRangesCoverNameAndValue() {
    Attribute a = parseClean("  count = 1 + 2\n").attributes().get(0);
    assertEquals("1:3-1:8", at(a.nameRange()));
    assertEquals("1:3-1:16", at(a.range()));
    assertEquals("1:11-1:16", at(a.expression().range()));
    assertEquals("main.pkr.hcl:1:3", a.nameRange().toString());
  }

  @Test
  void blockRangesCoverTypeBracesAndLabels() {
    Block b = parseClean("source \"azure-arm\" ubuntu {\n  a = 1\n}\n").blocks().get(0);
    assertEquals("source", b.type());
    assertEquals(List.of("azure-arm", "ubuntu"), b.labelValues());
    assertTrue(b.labels().get(0).quoted());
    assertFalse(b.labels().get(1).quoted());
    assertEquals("1:1-1:7", at(b.typeRange()));
    assertEquals("1:8-1:19", at(b.labels().get(0).range()));
    assertEquals("1:27-1:28", at(b.openBrace()));
    assertEquals("3:1-3:2", at(b.closeBrace()));
    assertEquals("1:1-3:2", at(b.range()));
    assertEquals("2:3-2:8", at(b.body().attributes().get(0).range()));
  }

  @Test
  void columnsCountCodePointsAfterCharactersOutsideTheBasicPlane() {
    // "😀" is two UTF-16 units but one column; ANTLR indexes code points, SourceFile UTF-16.
    Body body = parseClean("a = \"😀😀\"\nb = x.y\n");
    Attribute b = body.attributes().get(1);
    assertEquals("2:5-2:8", at(b.expression().range()));
    TemplateExpr a = (TemplateExpr) body.attributes().get(0).expression();
    assertEquals("1:5-1:9", at(a.range()));
    assertEquals(10, a.range().end().offset());
  }

  @Test
  void bodyKeepsSourceOrderAndFindsItemsByName() {
    Body body = parseClean("a = 1\nb {\n}\nc = 2\nb \"x\" {\n}\n");
    assertEquals(4, body.items().size());
    assertEquals(List.of("a", "c"), body.attributes().stream().map(Attribute::name).toList());
    assertEquals(2, body.blocks("b").size());
    assertEquals(Optional.empty(), body.attribute("missing"));
    assertEquals("c", body.attribute("c").orElseThrow().name());
  }

  @Test
  void operatorsFollowHclPrecedence() {
    Expression e =
        parser
            .parseExpression(new SourceFile("e", "a || b && c == d + e * f"))
            .expression()
            .orElseThrow();
    BinaryOp or = (BinaryOp) e;
    assertEquals(BinaryOperator.OR, or.operator());
    BinaryOp and = (BinaryOp) or.right();
    assertEquals(BinaryOperator.AND, and.operator());
    BinaryOp eq = (BinaryOp) and.right();
    assertEquals(BinaryOperator.EQUAL, eq.operator());
    BinaryOp add = (BinaryOp) eq.right();
    assertEquals(BinaryOperator.ADD, add.operator());
    assertEquals(BinaryOperator.MULTIPLY, ((BinaryOp) add.right()).operator());
  }

  @Test
  void quotedStringWithoutInterpolationIsATemplateWithOneLiteral() {
    TemplateExpr t = (TemplateExpr) parseClean("a = \"x\\ty\"\n").attributes().get(0).expression();
    assertEquals(Optional.of("x\ty"), t.literalText());
    assertEquals(TemplateExpr.Form.QUOTED, t.form());
    assertEquals(List.of(TemplateLiteral.class), t.parts().stream().map(Object::getClass).toList());
  }

  @Test
  void singleInterpolationTemplateUnwraps() {
    TemplateExpr t =
        (TemplateExpr) parseClean("a = \"${var.x}\"\n").attributes().get(0).expression();
    ScopeTraversal unwrapped = (ScopeTraversal) t.unwrapped().orElseThrow();
    assertEquals("var", unwrapped.root());
    TemplateExpr two =
        (TemplateExpr) parseClean("a = \"${x}${y}\"\n").attributes().get(0).expression();
    assertEquals(Optional.empty(), two.unwrapped());
  }

  @Test
  void objectKeysWrittenAsNamesAreLiteralNames() {
    ObjectCons o =
        (ObjectCons)
            parseClean("a = {name = 1, (expr) = 2, \"q\" = 3}\n").attributes().get(0).expression();
    assertEquals(Optional.of("name"), o.items().get(0).literalName());
    assertEquals(Optional.empty(), o.items().get(1).literalName());
    assertEquals(Optional.empty(), o.items().get(2).literalName());
  }

  @Test
  void heredocKeepsItsMarkerAndForm() {
    TemplateExpr t =
        (TemplateExpr)
            parseClean("a = <<-SCRIPT\n    echo ${x}\n  SCRIPT\n").attributes().get(0).expression();
    assertEquals(TemplateExpr.Form.INDENTED_HEREDOC, t.form());
    assertEquals("SCRIPT", t.heredocMarker());
    assertEquals("echo ", ((TemplateLiteral) t.parts().get(0)).text());
    assertInstanceOf(TemplateInterpolation.class, t.parts().get(1));
  }

  @Test
  void aHeredocMarkerWithoutALineBreakAtTheEndOfTheFileDoesNotCloseIt() {
    // HCL's scanner closes a heredoc only on a marker line ending in a line break; at the end of
    // the file HashiCorp's parser says "Unterminated template string".
    List<String> inputs =
        List.of(
            "x = <<EOT\na\nEOT",
            "x = <<-EOT\n  a\n  EOT",
            "x = <<EOT\na\nEOT  ",
            "x = <<EOT\r\na\r\nEOT",
            "x = <<EOT\na\n\tEOT\t");
    for (HclParser p : List.of(parser, HclParser.antlrOnly())) {
      for (String text : inputs) {
        HclParseResult result = p.parse(new SourceFile("v.pkrvars.hcl", text));
        assertEquals(
            List.of("v.pkrvars.hcl:1:5 Unclosed heredoc"), summaries(result.diagnostics()), text);
        assertTrue(
            result.diagnostics().get(0).detail().contains("no line break after it"),
            result.diagnostics().get(0).detail());
      }
    }
    // With the line break it closes, as before.
    for (String end : List.of("\n", "\r\n", "  \n")) {
      assertEquals(1, parseClean("x = <<EOT\na\nEOT" + end).attributes().size());
    }
  }

  @Test
  void aSecondByteOrderMarkIsAnInvalidCharacter() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] rest = "locals { r = 1 }\n".getBytes(StandardCharsets.UTF_8);
    byte[] one = concat(bom, rest);
    byte[] two = concat(bom, one);
    for (HclParser p : List.of(parser, HclParser.antlrOnly())) {
      assertEquals(List.of(), p.parse(SourceFile.fromUtf8("one.pkr.hcl", one)).diagnostics());
      // As HCL's scanner, a text that still has its mark drops one.
      assertEquals(
          List.of(),
          p.parse(new SourceFile("s.pkr.hcl", "\uFEFFlocals { r = 1 }\n")).diagnostics());
      // Decoding removed the first mark: HCL drops only one, so the second is invalid (as
      // hcl2json and Packer: "Invalid character").
      HclParseResult result = p.parse(SourceFile.fromUtf8("two.pkr.hcl", two));
      assertTrue(
          summaries(result.diagnostics()).contains("two.pkr.hcl:1:1 Invalid character"),
          summaries(result.diagnostics()).toString());
      assertTrue(
          result.diagnostics().get(0).detail().contains("two byte order marks"),
          result.diagnostics().get(0).detail());
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aNumberWithASecondPointIsOneInvalidNumberNotALegacyIndex() {
    // HCL's scanner reads 1.2.3 as one number token and refuses it as it parses, so no try, can
    // or conditional can hide it.
    for (HclParser p : List.of(parser, HclParser.antlrOnly())) {
      HclParseResult result =
          p.parse(new SourceFile("t.pkr.hcl", "v = 1.0.0\nr = try(1.2.3, \"x\")\nc = 1e5.0\n"));
      assertEquals(
          List.of(
              "t.pkr.hcl:1:5 Invalid number literal",
              "t.pkr.hcl:2:9 Invalid number literal",
              "t.pkr.hcl:3:5 Invalid number literal"),
          summaries(result.diagnostics()));
      Diagnostic first = result.diagnostics().get(0);
      assertEquals("1:5-1:10", at(first.subject().get()));
      assertTrue(first.detail().contains("quote it as a string: \"1.0.0\""), first.detail());
    }
    // A point followed by an exponent is still one valid number, as in HCL (1.e5 is 100000).
    LiteralValue n = (LiteralValue) parseClean("n = 1.e5\n").attributes().get(0).expression();
    assertEquals(0, new BigDecimal("100000").compareTo(n.number()));
  }

  @Test
  void partialBodyKeepsEveryItemThatParsed() {
    HclParseResult result =
        parser.parse(
            new SourceFile(
                "f.hcl", "a = 1\nb = [1 2]\nblock {\n  c = 3\n  d = )\n  e = 4\n\nf = 5\n"));
    assertEquals(
        List.of(
            "f.hcl:2:8 Missing item separator",
            "f.hcl:3:7 Unclosed configuration block",
            "f.hcl:5:7 Invalid expression"),
        summaries(result.diagnostics()));
    // The block left open by the (actual) missing brace still holds the items parsed in it.
    Body body = result.body();
    assertEquals(List.of("a"), body.attributes().stream().map(Attribute::name).toList());
    Block block = body.blocks().get(0);
    assertEquals(
        List.of("c", "e", "f"), block.body().attributes().stream().map(Attribute::name).toList());
  }

  @Test
  void diagnosticsComeInSourceOrderWithPointersToTheFile() {
    HclParseResult result = parser.parse(new SourceFile("f.hcl", "a = \"\\q\"\nb = 1 2\na = 3\n"));
    assertEquals(
        List.of(
            "f.hcl:1:6 Invalid escape sequence",
            "f.hcl:2:7 Missing newline after argument",
            "f.hcl:3:1 Attribute redefined"),
        summaries(result.diagnostics()));
    assertTrue(result.hasErrors());
  }

  @Test
  void standaloneTemplateKeepsTextVerbatim() {
    HclTemplateResult result =
        parser.parseTemplate(new SourceFile("t.tftpl", "#!/bin/sh\necho \"${name}\" \\\n"));
    assertEquals(List.of(), result.diagnostics());
    TemplateExpr t = result.template();
    assertEquals(TemplateExpr.Form.STANDALONE, t.form());
    assertEquals("#!/bin/sh\necho \"", ((TemplateLiteral) t.parts().get(0)).text());
    assertEquals("\" \\\n", ((TemplateLiteral) t.parts().get(2)).text());
  }

  @Test
  void standaloneExpressionAllowsSurroundingNewlines() {
    HclExpressionResult result = parser.parseExpression(new SourceFile("e", "\n  upper(x)\n\n"));
    assertEquals(List.of(), result.diagnostics());
    assertEquals("upper", ((FunctionCall) result.expression().orElseThrow()).name());
  }

  @Test
  void brokenStandaloneExpressionHasNoTree() {
    HclExpressionResult result = parser.parseExpression(new SourceFile("e", "1 +"));
    assertEquals(Optional.empty(), result.expression());
    assertEquals(List.of("e:1:4 Missing expression"), summaries(result.diagnostics()));
  }

  @Test
  void emptyInputIsAnEmptyBody() {
    Body body = parseClean("");
    assertEquals(List.of(), body.items());
    assertEquals("1:1-1:1", at(body.range()));
  }

  private static List<String> summaries(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .map(d -> d.subject().map(Range::toString).orElse("") + " " + d.summary())
        .toList();
  }

  @Test
  void anAttributeSetTwiceIsReportedAndLeftOutInSmallAndLargeBodies() {
    // A small body is searched item by item, a larger one through a map: both find the first.
    for (int others : new int[] {1, 12}) {
      StringBuilder text = new StringBuilder("a = 1\nb {\n}\n");
      for (int i = 0; i < others; i++) {
        text.append("x").append(i).append(" = ").append(i).append('\n');
      }
      text.append("a = 2\n");
      HclParseResult result = parser.parse(new SourceFile("main.pkr.hcl", text.toString()));
      assertEquals(1, result.diagnostics().size(), text.toString());
      Diagnostic d = result.diagnostics().get(0);
      assertEquals(HclSyntaxCode.ATTRIBUTE_REDEFINED.text().id(), d.code());
      assertEquals(
          "The argument \"a\" was already set at main.pkr.hcl:1:1. Each argument may be set only"
              + " once.",
          d.detail());
      assertEquals(others + 4 + ":1-" + (others + 4) + ":2", at(d.subject().get()));
      Attribute kept = result.body().attributes().get(0);
      assertEquals("a", kept.name());
      assertEquals("1", ((LiteralValue) kept.expression()).text());
      assertEquals(others + 1, result.body().attributes().size());
    }
  }
}
