package io.github.packer2aib.core.hcl.syntax;

import static io.github.packer2aib.core.hcl.syntax.HclTrees.R;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.source.Position;
import io.github.packer2aib.core.source.Range;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HclPrinterTest {

  private static ScopeTraversal var(String name) {
    return new ScopeTraversal(name, R, List.of(), R);
  }

  private static TemplateExpr string(String text) {
    return HclTrees.quoted(List.of(new TemplateLiteral(text, R)));
  }

  @Test
  void printsACanonicalBody() {
    Body body =
        new Body(
            List.of(
                new Attribute("name", R, string("a \"b\"\n${c}"), R),
                new Block(
                    "source",
                    List.of(new Label("azure-arm", true, R), new Label("x", false, R)),
                    new Body(
                        List.of(
                            new Attribute(
                                "tags",
                                R,
                                new ObjectCons(
                                    List.of(new ObjectItem(var("env"), string("dev"), R)), R),
                                R)),
                        R),
                    R,
                    R,
                    R,
                    R)),
            R);
    assertEquals(
        "name = \"a \\\"b\\\"\\n$${c}\"\n"
            + "source \"azure-arm\" x {\n"
            + "  tags = {\n"
            + "    env = \"dev\"\n"
            + "  }\n"
            + "}\n",
        HclPrinter.print(body));
  }

  @Test
  void dollarBeforeAnInterpolationIsEscapedAsUnicode() {
    TemplateExpr t =
        HclTrees.quoted(
            List.of(
                new TemplateLiteral("cost: $", R),
                new TemplateInterpolation(var("price"), Strip.NONE, R)));
    // "$${" would read as an escaped "${".
    assertEquals("\"cost: \\u0024${price}\"", HclPrinter.print(t));
  }

  @Test
  void addsParenthesesAProgramBuiltTreeLeftOut() {
    Expression sum = new BinaryOp(BinaryOperator.ADD, var("a"), var("b"), R);
    Expression product = new BinaryOp(BinaryOperator.MULTIPLY, sum, var("c"), R);
    assertEquals("(a + b) * c", HclPrinter.print(product));
    Expression difference =
        new BinaryOp(
            BinaryOperator.SUBTRACT,
            var("a"),
            new BinaryOp(BinaryOperator.SUBTRACT, var("b"), var("c"), R),
            R);
    assertEquals("a - (b - c)", HclPrinter.print(difference));
    Expression negated =
        new UnaryOp(UnaryOperator.NOT, new Conditional(var("a"), var("b"), var("c"), R), R);
    assertEquals("!(a ? b : c)", HclPrinter.print(negated));
    Expression attrOfNumber =
        new RelativeTraversal(
            LiteralValue.number(BigDecimal.ONE, R), List.of(new LegacyIndex("0", R)), R);
    assertEquals("(1).0", HclPrinter.print(attrOfNumber));
  }

  @Test
  void splatsKeepTheirSteps() {
    SplatItem item = new SplatItem(R);
    Expression full =
        new SplatExpr(
            var("list"), new RelativeTraversal(item, List.of(new GetAttr("id", R)), R), true, R);
    assertEquals("list[*].id", HclPrinter.print(full));
    Expression attrThenAttr =
        new RelativeTraversal(
            new SplatExpr(
                var("list"),
                new RelativeTraversal(item, List.of(new GetAttr("a", R)), R),
                false,
                R),
            List.of(new GetAttr("b", R)),
            R);
    // Without parentheses ".b" would become part of the splat.
    assertEquals("(list.*.a).b", HclPrinter.print(attrThenAttr));
  }

  @Test
  void heredocEndsItsLineWhereverItStands() {
    TemplateExpr heredoc =
        new TemplateExpr(
            List.of(new TemplateLiteral("hello\n", R)),
            TemplateExpr.Form.INDENTED_HEREDOC,
            "EOT",
            R);
    Expression tuple = new Tuple(List.of(heredoc, LiteralValue.bool(true, R)), R);
    assertEquals("[<<-EOT\nhello\nEOT\n, true]", HclPrinter.print(tuple));
  }

  @Test
  void printsForExpressionsAndDirectives() {
    Expression forExpr =
        new ForExpr(
            Optional.of("k"),
            "v",
            var("m"),
            Optional.of(var("v")),
            var("k"),
            Optional.of(var("k")),
            true,
            R);
    assertEquals("{for k, v in m : v => k... if k}", HclPrinter.print(forExpr));
    TemplateExpr template =
        HclTrees.quoted(
            List.of(
                new TemplateIf(
                    var("x"),
                    List.of(new TemplateLiteral("yes", R)),
                    List.of(),
                    true,
                    new Strip(false, true),
                    Strip.NONE,
                    new Strip(true, false),
                    R)));
    assertEquals("\"%{ if x ~}yes%{ else }%{~ endif }\"", HclPrinter.print(template));
  }

  @Test
  void equalityIgnoresRangesOnly() {
    Range elsewhere = new Range("other.hcl", new Position(3, 4, 20), new Position(3, 9, 25));
    Expression a =
        new BinaryOp(BinaryOperator.ADD, var("a"), LiteralValue.number(BigDecimal.TEN, R), R);
    Expression b =
        new BinaryOp(
            BinaryOperator.ADD,
            new ScopeTraversal("a", elsewhere, List.of(), elsewhere),
            LiteralValue.number(BigDecimal.TEN, elsewhere),
            elsewhere);
    Expression c =
        new BinaryOp(BinaryOperator.SUBTRACT, var("a"), LiteralValue.number(BigDecimal.TEN, R), R);
    assertTrue(SyntaxEquality.equalIgnoringRanges(a, b));
    assertFalse(SyntaxEquality.equalIgnoringRanges(a, c));
    assertFalse(a.equals(b), "record equality still sees the ranges");
  }

  @Test
  void dumpShowsStructureWithoutRanges() {
    Expression e = new FunctionCall("f", R, List.of(LiteralValue.nullValue(R)), true, R);
    assertEquals(
        "FunctionCall name=\"f\" expandFinal=true\n"
            + "  arguments[0]: LiteralValue kind=NULL text=\"null\"\n",
        SyntaxDump.dump(e));
  }
}
