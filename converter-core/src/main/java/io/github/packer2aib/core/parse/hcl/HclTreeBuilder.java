package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.BinaryOp;
import io.github.packer2aib.core.hcl.syntax.BinaryOperator;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.Body;
import io.github.packer2aib.core.hcl.syntax.BodyItem;
import io.github.packer2aib.core.hcl.syntax.Conditional;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.ForExpr;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.GetAttr;
import io.github.packer2aib.core.hcl.syntax.Index;
import io.github.packer2aib.core.hcl.syntax.IndexExpr;
import io.github.packer2aib.core.hcl.syntax.Label;
import io.github.packer2aib.core.hcl.syntax.LegacyIndex;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.Parenthesized;
import io.github.packer2aib.core.hcl.syntax.RelativeTraversal;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.SplatExpr;
import io.github.packer2aib.core.hcl.syntax.SplatItem;
import io.github.packer2aib.core.hcl.syntax.Strip;
import io.github.packer2aib.core.hcl.syntax.SyntaxNode;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateLiteral;
import io.github.packer2aib.core.hcl.syntax.TemplatePart;
import io.github.packer2aib.core.hcl.syntax.Traverser;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.hcl.syntax.UnaryOp;
import io.github.packer2aib.core.hcl.syntax.UnaryOperator;
import io.github.packer2aib.core.parse.hcl.TemplateAssembler.Kind;
import io.github.packer2aib.core.parse.hcl.TemplateAssembler.Piece;
import io.github.packer2aib.core.parse.hcl.TemplateAssembler.Sequence;
import io.github.packer2aib.core.parse.hcl.TemplateAssembler.Text;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.grammar.hcl.HclLexer;
import io.github.packer2aib.grammar.hcl.HclParser.AdditiveExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.AttrSplatOperatorContext;
import io.github.packer2aib.grammar.hcl.HclParser.AttributeContext;
import io.github.packer2aib.grammar.hcl.HclParser.BareLabelContext;
import io.github.packer2aib.grammar.hcl.HclParser.BlockBodyContext;
import io.github.packer2aib.grammar.hcl.HclParser.BlockContext;
import io.github.packer2aib.grammar.hcl.HclParser.BlockLabelContext;
import io.github.packer2aib.grammar.hcl.HclParser.BodyContext;
import io.github.packer2aib.grammar.hcl.HclParser.BodyItemContext;
import io.github.packer2aib.grammar.hcl.HclParser.ComparisonExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.ConditionalExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.ConfigFileContext;
import io.github.packer2aib.grammar.hcl.HclParser.EqualityExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.ExprTermContext;
import io.github.packer2aib.grammar.hcl.HclParser.ExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.FalseLiteralContext;
import io.github.packer2aib.grammar.hcl.HclParser.ForConditionContext;
import io.github.packer2aib.grammar.hcl.HclParser.ForIntroContext;
import io.github.packer2aib.grammar.hcl.HclParser.ForObjectExprContext;
import io.github.packer2aib.grammar.hcl.HclParser.ForObjectTermContext;
import io.github.packer2aib.grammar.hcl.HclParser.ForTupleExprContext;
import io.github.packer2aib.grammar.hcl.HclParser.ForTupleTermContext;
import io.github.packer2aib.grammar.hcl.HclParser.FullSplatOperatorContext;
import io.github.packer2aib.grammar.hcl.HclParser.FunctionArgumentsContext;
import io.github.packer2aib.grammar.hcl.HclParser.FunctionCallContext;
import io.github.packer2aib.grammar.hcl.HclParser.FunctionCallTermContext;
import io.github.packer2aib.grammar.hcl.HclParser.GetAttrOperatorContext;
import io.github.packer2aib.grammar.hcl.HclParser.HeredocTemplateContext;
import io.github.packer2aib.grammar.hcl.HclParser.IdentifierContext;
import io.github.packer2aib.grammar.hcl.HclParser.IndexOperatorContext;
import io.github.packer2aib.grammar.hcl.HclParser.LegacyIndexOperatorContext;
import io.github.packer2aib.grammar.hcl.HclParser.LiteralTermContext;
import io.github.packer2aib.grammar.hcl.HclParser.LiteralValueContext;
import io.github.packer2aib.grammar.hcl.HclParser.LogicalAndExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.LogicalOrExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.MultiLineBlockBodyContext;
import io.github.packer2aib.grammar.hcl.HclParser.MultiplicativeExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.NullLiteralContext;
import io.github.packer2aib.grammar.hcl.HclParser.NumberLiteralContext;
import io.github.packer2aib.grammar.hcl.HclParser.ObjectConsContext;
import io.github.packer2aib.grammar.hcl.HclParser.ObjectElementContext;
import io.github.packer2aib.grammar.hcl.HclParser.ObjectTermContext;
import io.github.packer2aib.grammar.hcl.HclParser.OneLineBlockBodyContext;
import io.github.packer2aib.grammar.hcl.HclParser.ParenthesizedTermContext;
import io.github.packer2aib.grammar.hcl.HclParser.PostfixOperatorContext;
import io.github.packer2aib.grammar.hcl.HclParser.PrimaryTermContext;
import io.github.packer2aib.grammar.hcl.HclParser.QuotedLabelContext;
import io.github.packer2aib.grammar.hcl.HclParser.QuotedTemplateContext;
import io.github.packer2aib.grammar.hcl.HclParser.StandaloneExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.StandaloneTemplateContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateElseContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateEndForContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateEndIfContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateExprContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateForContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateIfContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateInterpolationContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateLiteralContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplatePartContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateSequenceEndContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateTermContext;
import io.github.packer2aib.grammar.hcl.HclParser.TermExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.TrueLiteralContext;
import io.github.packer2aib.grammar.hcl.HclParser.TupleConsContext;
import io.github.packer2aib.grammar.hcl.HclParser.TupleTermContext;
import io.github.packer2aib.grammar.hcl.HclParser.UnaryExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.VariableTermContext;
import io.github.packer2aib.grammar.hcl.HclParserBaseVisitor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the syntax tree from ANTLR's parse tree. Besides shaping nodes it does the work the
 * grammar leaves to it, as HashiCorp's parser does: it decodes string escapes, assembles templates
 * (see {@link TemplateAssembler}), folds postfix operators into traversals, indexes and splats, and
 * reports what only shows once a construct is complete (duplicate attributes, invalid escapes,
 * interpolation in block labels, unbalanced template directives, a leading {@code for} that is not
 * a for expression).
 *
 * <p>Items the parser abandoned after a syntax error are left out, so the body is partial; a block
 * whose closing brace is missing keeps the items parsed before the error.
 */
final class HclTreeBuilder extends HclParserBaseVisitor<SyntaxNode> {
  private final Locator locator;
  private final SyntaxErrorSink sink;
  private final TemplateAssembler templates;

  HclTreeBuilder(Locator locator, SyntaxErrorSink sink) {
    this.locator = locator;
    this.sink = sink;
    this.templates = new TemplateAssembler(locator, sink::add);
  }

  // ---- entry points -------------------------------------------------------------------------

  Body configFile(ConfigFileContext ctx) {
    return body(ctx.body(), locator.range(0, locator.file().text().length()));
  }

  Optional<Expression> standaloneExpression(StandaloneExpressionContext ctx) {
    if (ctx.exception != null || ctx.expression() == null) {
      return Optional.empty();
    }
    return Optional.of(expression(ctx.expression()));
  }

  TemplateExpr standaloneTemplate(StandaloneTemplateContext ctx) {
    List<TemplatePart> parts = templates.assemble(pieces(ctx, true), false, 0);
    return new TemplateExpr(
        parts, TemplateExpr.Form.STANDALONE, "", locator.range(0, locator.file().text().length()));
  }

  // ---- structure ----------------------------------------------------------------------------

  private Body body(BodyContext ctx, Range range) {
    List<BodyItem> items = new ArrayList<>();
    Map<String, Attribute> attributes = new HashMap<>();
    List<ParseTree> children = ctx != null ? Children.of(ctx) : List.of();
    for (int i = 0, n = children.size(); i < n; i++) {
      if (children.get(i) instanceof BodyItemContext itemContext) {
        BodyItem item = bodyItem(itemContext);
        if (item instanceof Attribute attribute && !unique(attribute, attributes)) {
          continue;
        }
        if (item != null) {
          items.add(item);
        }
      }
    }
    return new Body(items, range);
  }

  private boolean unique(Attribute attribute, Map<String, Attribute> seen) {
    Attribute earlier = seen.putIfAbsent(attribute.name(), attribute);
    if (earlier == null) {
      return true;
    }
    sink.add(
        Diagnostic.of(
            HclSyntaxCode.ATTRIBUTE_REDEFINED,
            attribute.nameRange(),
            "The argument \""
                + attribute.name()
                + "\" was already set at "
                + earlier.nameRange()
                + ". Each argument may be set only once."));
    return false;
  }

  private BodyItem bodyItem(BodyItemContext ctx) {
    if (ctx instanceof AttributeContext attribute) {
      if (attribute.exception != null && !completeUpToItemEnd(attribute)) {
        return null;
      }
      return attribute(attribute.name, Children.first(attribute, ExpressionContext.class));
    }
    if (ctx instanceof BlockContext block) {
      TerminalNode lbrace = Children.token(block, HclLexer.LBRACE);
      return lbrace != null ? block(block, lbrace.getSymbol()) : null;
    }
    return null;
  }

  /** An attribute whose only problem is what follows its value keeps its value. */
  private static boolean completeUpToItemEnd(AttributeContext attribute) {
    return attribute.expression() != null
        && attribute.expression().exception == null
        && attribute.itemEnd() != null;
  }

  /**
   * The text of a one-token rule (a name) as its token's text: {@code RuleContext.getText} builds
   * it through a StringBuilder at every level, for every name of every file. An empty rule (after a
   * syntax error) is "", as there.
   */
  private String text(ParseTree tree) {
    ParseTree t = tree;
    while (t.getChildCount() == 1) {
      t = t.getChild(0);
    }
    if (t instanceof TerminalNode node) {
      return locator.text(node.getSymbol());
    }
    return t.getChildCount() == 0 ? "" : t.getText();
  }

  private Attribute attribute(IdentifierContext name, ExpressionContext value) {
    Expression expression = expression(value);
    Range nameRange = locator.of(name);
    return new Attribute(text(name), nameRange, expression, nameRange.to(expression.range()));
  }

  /** A block; its children are walked once for the labels, the closing brace and the body. */
  private Block block(BlockContext ctx, Token lbrace) {
    List<Label> labels = new ArrayList<>(2);
    TerminalNode rbrace = null;
    BlockBodyContext blockBody = null;
    List<ParseTree> children = ctx.children;
    for (int i = 0, n = children.size(); i < n; i++) {
      ParseTree child = children.get(i);
      if (child instanceof BlockLabelContext label) {
        labels.add(label(label));
      } else if (child instanceof BlockBodyContext b) {
        blockBody = blockBody == null ? b : blockBody;
      } else if (rbrace == null
          && child instanceof TerminalNode node
          && node.getSymbol().getType() == HclLexer.RBRACE) {
        rbrace = node;
      }
    }
    Range open = locator.token(lbrace);
    Range close;
    if (rbrace != null) {
      close = locator.token(rbrace.getSymbol());
    } else {
      Token last = ctx.getStop() != null ? ctx.getStop() : lbrace;
      close = locator.endOf(last);
    }
    Body body = blockBody(blockBody, open, close);
    Range typeRange = locator.of(ctx.type);
    return new Block(text(ctx.type), labels, body, typeRange, open, close, typeRange.to(close));
  }

  private Body blockBody(BlockBodyContext ctx, Range open, Range close) {
    Range range =
        locator.range(open.end().offset(), Math.max(open.end().offset(), close.start().offset()));
    if (ctx instanceof MultiLineBlockBodyContext multiLine) {
      return body(Children.first(multiLine, BodyContext.class), range);
    }
    if (ctx instanceof OneLineBlockBodyContext oneLine && oneLine.exception == null) {
      ExpressionContext value = Children.first(oneLine, ExpressionContext.class);
      if (value != null && value.exception == null) {
        return new Body(List.of(attribute(oneLine.name, value)), range);
      }
    }
    return new Body(List.of(), range);
  }

  private Label label(BlockLabelContext ctx) {
    Range range = locator.of(ctx);
    if (ctx instanceof BareLabelContext bare) {
      return new Label(text(Children.first(bare, IdentifierContext.class)), false, range);
    }
    QuotedLabelContext quoted = (QuotedLabelContext) ctx;
    int afterQuote =
        locator.offset(Children.token(quoted, HclLexer.QUOTE).getSymbol().getStopIndex() + 1);
    List<TemplatePart> parts = templates.assemble(pieces(quoted, false), false, afterQuote);
    TemplateExpr template = new TemplateExpr(parts, TemplateExpr.Form.QUOTED, "", range);
    Optional<String> text = template.literalText();
    if (text.isEmpty()) {
      sink.add(
          Diagnostic.of(
              HclSyntaxCode.INVALID_BLOCK_LABEL,
              range,
              "A block label must be a literal string: interpolations (${ ... }) and directives"
                  + " (%{ ... }) are not allowed in it. To write \"${\" as text, escape it as"
                  + " \"$${\"."));
    }
    return new Label(text.orElse(""), true, range);
  }

  // ---- expressions --------------------------------------------------------------------------

  Expression expression(ExpressionContext ctx) {
    return (Expression) visit(ctx);
  }

  @Override
  public SyntaxNode visitTermExpression(TermExpressionContext ctx) {
    return term(Children.first(ctx, ExprTermContext.class));
  }

  @Override
  public SyntaxNode visitUnaryExpression(UnaryExpressionContext ctx) {
    UnaryOperator op =
        ctx.op.getType() == HclLexer.MINUS ? UnaryOperator.NEGATE : UnaryOperator.NOT;
    return new UnaryOp(
        op, expression(Children.first(ctx, ExpressionContext.class)), locator.of(ctx));
  }

  @Override
  public SyntaxNode visitMultiplicativeExpression(MultiplicativeExpressionContext ctx) {
    return binary(ctx.op, ctx.left, ctx.right, ctx);
  }

  @Override
  public SyntaxNode visitAdditiveExpression(AdditiveExpressionContext ctx) {
    return binary(ctx.op, ctx.left, ctx.right, ctx);
  }

  @Override
  public SyntaxNode visitComparisonExpression(ComparisonExpressionContext ctx) {
    return binary(ctx.op, ctx.left, ctx.right, ctx);
  }

  @Override
  public SyntaxNode visitEqualityExpression(EqualityExpressionContext ctx) {
    return binary(ctx.op, ctx.left, ctx.right, ctx);
  }

  @Override
  public SyntaxNode visitLogicalAndExpression(LogicalAndExpressionContext ctx) {
    return binary(ctx.op, ctx.left, ctx.right, ctx);
  }

  @Override
  public SyntaxNode visitLogicalOrExpression(LogicalOrExpressionContext ctx) {
    return binary(ctx.op, ctx.left, ctx.right, ctx);
  }

  private BinaryOp binary(
      Token op, ExpressionContext left, ExpressionContext right, ParserRuleContext ctx) {
    return new BinaryOp(
        binaryOperator(op.getType()), expression(left), expression(right), locator.of(ctx));
  }

  private static BinaryOperator binaryOperator(int type) {
    switch (type) {
      case HclLexer.OR:
        return BinaryOperator.OR;
      case HclLexer.AND:
        return BinaryOperator.AND;
      case HclLexer.EQ_EQ:
        return BinaryOperator.EQUAL;
      case HclLexer.NOT_EQ:
        return BinaryOperator.NOT_EQUAL;
      case HclLexer.GT:
        return BinaryOperator.GREATER_THAN;
      case HclLexer.GT_EQ:
        return BinaryOperator.GREATER_THAN_OR_EQUAL;
      case HclLexer.LT:
        return BinaryOperator.LESS_THAN;
      case HclLexer.LT_EQ:
        return BinaryOperator.LESS_THAN_OR_EQUAL;
      case HclLexer.PLUS:
        return BinaryOperator.ADD;
      case HclLexer.MINUS:
        return BinaryOperator.SUBTRACT;
      case HclLexer.STAR:
        return BinaryOperator.MULTIPLY;
      case HclLexer.SLASH:
        return BinaryOperator.DIVIDE;
      case HclLexer.PERCENT:
        return BinaryOperator.MODULO;
      default:
        throw new IllegalStateException("not a binary operator: " + type);
    }
  }

  @Override
  public SyntaxNode visitConditionalExpression(ConditionalExpressionContext ctx) {
    return new Conditional(
        expression(ctx.condition),
        expression(ctx.trueResult),
        expression(ctx.falseResult),
        locator.of(ctx));
  }

  // ---- terms and postfix operators ----------------------------------------------------------

  private Expression term(ExprTermContext ctx) {
    List<ParseTree> children = ctx.children;
    Expression base = (Expression) visit(Children.first(ctx, PrimaryTermContext.class));
    return children.size() == 1 ? base : fold(base, postfixOperators(children), 0);
  }

  /** The postfix operators among an expression term's children. */
  private static List<PostfixOperatorContext> postfixOperators(List<ParseTree> children) {
    List<PostfixOperatorContext> ops = new ArrayList<>(children.size());
    for (int i = 0, n = children.size(); i < n; i++) {
      if (children.get(i) instanceof PostfixOperatorContext op) {
        ops.add(op);
      }
    }
    return ops;
  }

  /**
   * Applies postfix operators left to right. Attribute access and literal indexes extend a
   * traversal; an index by a non-literal key is an {@link IndexExpr}; {@code .*} takes the
   * attribute and legacy-index steps after it into its per-element expression; {@code [*]} takes
   * every operator after it.
   */
  private Expression fold(Expression base, List<PostfixOperatorContext> ops, int from) {
    Traversal result = new Traversal(base);
    for (int i = from; i < ops.size(); i++) {
      PostfixOperatorContext op = ops.get(i);
      if (op instanceof GetAttrOperatorContext || op instanceof LegacyIndexOperatorContext) {
        result.add(step(op));
      } else if (op instanceof IndexOperatorContext index) {
        Expression key = expression(Children.first(index, ExpressionContext.class));
        Range range = locator.of(index);
        Optional<LiteralValue> literal = literalKey(key);
        if (literal.isPresent()) {
          result.add(new Index(literal.get(), range));
        } else {
          Expression collection = result.build();
          result = new Traversal(new IndexExpr(collection, key, collection.range().to(range)));
        }
      } else if (op instanceof AttrSplatOperatorContext splat) {
        SplatItem item = new SplatItem(locator.of(splat));
        List<Traverser> steps = new ArrayList<>();
        int next = i + 1;
        while (next < ops.size()
            && (ops.get(next) instanceof GetAttrOperatorContext
                || ops.get(next) instanceof LegacyIndexOperatorContext)) {
          steps.add(step(ops.get(next)));
          next++;
        }
        if (next < ops.size() && ops.get(next) instanceof AttrSplatOperatorContext nested) {
          sink.add(
              Diagnostic.of(
                  HclSyntaxCode.NESTED_SPLAT,
                  locator.of(nested),
                  "An attribute-only splat (.*) cannot contain another splat. Use the full splat"
                      + " operator [*] instead, which allows nesting: list[*].items[*].name."));
        }
        Expression each =
            steps.isEmpty()
                ? item
                : new RelativeTraversal(
                    item, steps, item.range().to(steps.get(steps.size() - 1).range()));
        Expression source = result.build();
        result = new Traversal(new SplatExpr(source, each, false, source.range().to(each.range())));
        i = next - 1;
      } else if (op instanceof FullSplatOperatorContext splat) {
        SplatItem item = new SplatItem(locator.of(splat));
        Expression each = fold(item, ops, i + 1);
        Expression source = result.build();
        return new SplatExpr(source, each, true, source.range().to(each.range()));
      }
    }
    return result.build();
  }

  /**
   * Static steps gathered onto an expression: a variable's steps make a {@link ScopeTraversal},
   * steps after any other expression a {@link RelativeTraversal}. Built once, so long chains stay
   * linear.
   */
  private static final class Traversal {
    private final Expression source;
    private final List<Traverser> steps = new ArrayList<>();

    Traversal(Expression source) {
      this.source = source;
    }

    void add(Traverser step) {
      steps.add(step);
    }

    Expression build() {
      if (steps.isEmpty()) {
        return source;
      }
      Range range = source.range().to(steps.get(steps.size() - 1).range());
      if (source instanceof ScopeTraversal t && t.traversers().isEmpty()) {
        return new ScopeTraversal(t.root(), t.rootRange(), steps, range);
      }
      return new RelativeTraversal(source, steps, range);
    }
  }

  private Traverser step(PostfixOperatorContext op) {
    Range range = locator.of(op);
    if (op instanceof GetAttrOperatorContext attr) {
      return new GetAttr(text(Children.first(attr, IdentifierContext.class)), range);
    }
    Token number = Children.token(op, HclLexer.NUMBER).getSymbol();
    String digits = number.getText();
    if (digits.indexOf('.') >= 0) {
      String[] halves = digits.split("\\.", 2);
      sink.add(
          Diagnostic.of(
              HclSyntaxCode.INVALID_LEGACY_INDEX,
              locator.token(number),
              "The legacy index syntax takes one index at a time: \"."
                  + digits
                  + "\" reads as the number "
                  + digits
                  + ". Use brackets instead, like ["
                  + halves[0]
                  + "]["
                  + halves[1]
                  + "]."));
    }
    return new LegacyIndex(digits, range);
  }

  /** The key of {@code [key]} when it is a literal: a number, bool, null, or a plain string. */
  private static Optional<LiteralValue> literalKey(Expression key) {
    if (key instanceof LiteralValue literal) {
      return Optional.of(literal);
    }
    if (key instanceof TemplateExpr template) {
      return template.literalText().map(text -> LiteralValue.string(text, template.range()));
    }
    return Optional.empty();
  }

  @Override
  public SyntaxNode visitLiteralTerm(LiteralTermContext ctx) {
    return visit(Children.first(ctx, LiteralValueContext.class));
  }

  @Override
  public SyntaxNode visitNumberLiteral(NumberLiteralContext ctx) {
    Range range = locator.of(ctx);
    try {
      return LiteralValue.number(new BigDecimal(text(ctx)), range);
    } catch (NumberFormatException | ArithmeticException e) {
      sink.add(
          Diagnostic.of(
              HclSyntaxCode.INVALID_NUMBER,
              range,
              "The number " + ctx.getText() + " is out of range: its exponent is too large."));
      return LiteralValue.number(BigDecimal.ZERO, range);
    }
  }

  @Override
  public SyntaxNode visitTrueLiteral(TrueLiteralContext ctx) {
    return LiteralValue.bool(true, locator.of(ctx));
  }

  @Override
  public SyntaxNode visitFalseLiteral(FalseLiteralContext ctx) {
    return LiteralValue.bool(false, locator.of(ctx));
  }

  @Override
  public SyntaxNode visitNullLiteral(NullLiteralContext ctx) {
    return LiteralValue.nullValue(locator.of(ctx));
  }

  @Override
  public SyntaxNode visitVariableTerm(VariableTermContext ctx) {
    Range range = locator.of(ctx);
    return new ScopeTraversal(text(ctx), range, List.of(), range);
  }

  @Override
  public SyntaxNode visitParenthesizedTerm(ParenthesizedTermContext ctx) {
    return new Parenthesized(
        expression(Children.first(ctx, ExpressionContext.class)), locator.of(ctx));
  }

  @Override
  public SyntaxNode visitFunctionCallTerm(FunctionCallTermContext ctx) {
    FunctionCallContext call = Children.first(ctx, FunctionCallContext.class);
    // One walk for the name's parts (namespace::name) and the arguments.
    IdentifierContext firstName = null;
    IdentifierContext lastName = null;
    String name = null;
    FunctionArgumentsContext args = null;
    List<ParseTree> children = call.children;
    for (int i = 0, n = children.size(); i < n; i++) {
      ParseTree child = children.get(i);
      if (child instanceof IdentifierContext part) {
        name = firstName == null ? text(part) : name + "::" + text(part);
        firstName = firstName == null ? part : firstName;
        lastName = part;
      } else if (args == null && child instanceof FunctionArgumentsContext a) {
        args = a;
      }
    }
    List<Expression> arguments = List.of();
    boolean expandFinal = false;
    if (args != null) {
      List<ParseTree> argChildren = args.children;
      arguments = new ArrayList<>(argChildren.size() / 2 + 1);
      for (int i = 0, n = argChildren.size(); i < n; i++) {
        if (argChildren.get(i) instanceof ExpressionContext arg) {
          arguments.add(expression(arg));
        }
      }
      expandFinal = Children.token(args, HclLexer.ELLIPSIS) != null;
    }
    Range nameRange = locator.span(firstName.getStart(), lastName.getStop());
    return new FunctionCall(name, nameRange, arguments, expandFinal, locator.of(call));
  }

  @Override
  public SyntaxNode visitTupleTerm(TupleTermContext ctx) {
    TupleConsContext tuple = Children.first(ctx, TupleConsContext.class);
    List<ParseTree> children = Children.of(tuple);
    List<Expression> elements = new ArrayList<>(children.size() / 2);
    ExpressionContext first = null;
    for (int i = 0, n = children.size(); i < n; i++) {
      if (children.get(i) instanceof ExpressionContext element) {
        first = first == null ? element : first;
        elements.add(expression(element));
      }
    }
    if (first != null) {
      leadingForKeyword(first, "[(for), ...]");
    }
    return new Tuple(elements, locator.of(tuple));
  }

  @Override
  public SyntaxNode visitObjectTerm(ObjectTermContext ctx) {
    ObjectConsContext object = Children.first(ctx, ObjectConsContext.class);
    List<ParseTree> children = Children.of(object);
    List<ObjectItem> items = new ArrayList<>(children.size() / 2);
    ObjectElementContext first = null;
    for (int i = 0, n = children.size(); i < n; i++) {
      if (children.get(i) instanceof ObjectElementContext element) {
        first = first == null ? element : first;
        Expression key = expression(element.key);
        Expression value = expression(element.value);
        items.add(new ObjectItem(key, value, key.range().to(value.range())));
      }
    }
    if (first != null) {
      leadingForKeyword(first.key, "{(for) = ...} or {\"for\" = ...}");
    }
    return new ObjectCons(items, locator.of(object));
  }

  /**
   * The spec gives {@code for} after an opening bracket or brace to for expressions, so a tuple or
   * object cannot start with a bare variable named {@code for}.
   */
  private void leadingForKeyword(ExpressionContext first, String workaround) {
    Token start = first.getStart();
    if (start.getType() == HclLexer.FOR) {
      sink.add(
          Diagnostic.of(
              HclSyntaxCode.INVALID_FOR_EXPRESSION,
              locator.token(start),
              "After an opening bracket or brace, \"for\" starts a 'for' expression, written [for v"
                  + " in collection : value]. To use a variable or key named \"for\" here, write"
                  + " "
                  + workaround
                  + "."));
    }
  }

  @Override
  public SyntaxNode visitForTupleTerm(ForTupleTermContext ctx) {
    ForTupleExprContext f = ctx.forTupleExpr();
    return forExpr(f.forIntro(), Optional.empty(), f.value, f.forCondition(), false, locator.of(f));
  }

  @Override
  public SyntaxNode visitForObjectTerm(ForObjectTermContext ctx) {
    ForObjectExprContext f = ctx.forObjectExpr();
    return forExpr(
        f.forIntro(),
        Optional.of(expression(f.key)),
        f.value,
        f.forCondition(),
        f.ELLIPSIS() != null,
        locator.of(f));
  }

  private ForExpr forExpr(
      ForIntroContext intro,
      Optional<Expression> key,
      ExpressionContext value,
      ForConditionContext condition,
      boolean grouping,
      Range range) {
    Optional<String> keyVariable =
        intro.second == null ? Optional.empty() : Optional.of(text(intro.first));
    String valueVariable = text(intro.second == null ? intro.first : intro.second);
    return new ForExpr(
        keyVariable,
        valueVariable,
        expression(intro.collection),
        key,
        expression(value),
        condition == null ? Optional.empty() : Optional.of(expression(condition.expression())),
        grouping,
        range);
  }

  // ---- templates ----------------------------------------------------------------------------

  @Override
  public SyntaxNode visitTemplateTerm(TemplateTermContext ctx) {
    return template(Children.first(ctx, TemplateExprContext.class));
  }

  private TemplateExpr template(TemplateExprContext ctx) {
    Range range = locator.of(ctx);
    if (ctx instanceof QuotedTemplateContext quoted) {
      List<TemplatePart> parts = plainText(quoted);
      if (parts == null) {
        int afterQuote =
            locator.offset(Children.token(quoted, HclLexer.QUOTE).getSymbol().getStopIndex() + 1);
        parts = templates.assemble(pieces(quoted, false), false, afterQuote);
      }
      return new TemplateExpr(parts, TemplateExpr.Form.QUOTED, "", range);
    }
    HeredocTemplateContext heredoc = (HeredocTemplateContext) ctx;
    Token start = Children.token(heredoc, HclLexer.HEREDOC_START).getSymbol();
    String opener = start.getText().strip();
    boolean indented = opener.startsWith("<<-");
    String marker = opener.substring(indented ? 3 : 2);
    int afterOpener = locator.offset(start.getStopIndex() + 1);
    List<TemplatePart> parts = templates.assemble(pieces(heredoc, true), indented, afterOpener);
    return new TemplateExpr(
        parts,
        indented ? TemplateExpr.Form.INDENTED_HEREDOC : TemplateExpr.Form.HEREDOC,
        marker,
        range);
  }

  /**
   * The one literal part of the commonest template, a quoted string of plain text (between the
   * quotes a single text token, so no escape, interpolation or directive), made directly: it is
   * what {@link #pieces} and {@link TemplateAssembler#assemble} make of it. Null for any other.
   */
  private List<TemplatePart> plainText(QuotedTemplateContext quoted) {
    List<ParseTree> children = quoted.children;
    if (children.size() != 3
        || !(children.get(1) instanceof TemplateLiteralContext literal)
        || literal.exception != null) {
      return null;
    }
    Token token = literal.getStart();
    if (token.getType() != HclLexer.TEMPLATE_TEXT) {
      return null;
    }
    int start = locator.offset(token.getStartIndex());
    int end = locator.offset(token.getStopIndex() + 1);
    String text = locator.file().text().substring(start, end);
    return List.of(new TemplateLiteral(text, locator.range(start, Math.max(start, end))));
  }

  /**
   * The pieces of a template, split where HashiCorp's scanner splits literal tokens (see {@link
   * TemplateAssembler}).
   *
   * @param lineTokens whether a literal token ends after each line break (heredocs and standalone
   *     templates)
   */
  private List<Piece> pieces(ParserRuleContext template, boolean lineTokens) {
    List<ParseTree> children = Children.of(template);
    List<Piece> pieces = new ArrayList<>(children.size());
    Text open = null;
    for (int i = 0, n = children.size(); i < n; i++) {
      if (!(children.get(i) instanceof TemplatePartContext part)) {
        continue;
      }
      if (part.exception != null) {
        open = null;
        continue;
      }
      if (!(part instanceof TemplateLiteralContext)) {
        open = null;
        pieces.add(sequence(part));
        continue;
      }
      Token token = part.getStart();
      int start = locator.offset(token.getStartIndex());
      int end = locator.offset(token.getStopIndex() + 1);
      String text = literalText(token, start, end);
      boolean alone =
          token.getType() == HclLexer.DOLLAR_ESCAPE
              || token.getType() == HclLexer.PERCENT_ESCAPE
              || (token.getType() == HclLexer.TEMPLATE_TEXT
                  && (text.equals("$") || text.equals("%")));
      if (alone || open == null) {
        open = new Text(text, start, end);
        pieces.add(open);
      } else {
        pieces.set(pieces.size() - 1, open = new Text(open.text + text, open.start, end));
      }
      boolean endsToken = alone || (lineTokens && token.getType() == HclLexer.TEMPLATE_NEWLINE);
      if (endsToken) {
        open = null;
      }
    }
    return pieces;
  }

  /** The text of a literal token from {@code start} to {@code end} (UTF-16 offsets). */
  private String literalText(Token token, int start, int end) {
    switch (token.getType()) {
      case HclLexer.DOLLAR_ESCAPE:
        return "${";
      case HclLexer.PERCENT_ESCAPE:
        return "%{";
      case HclLexer.ESCAPE_SEQUENCE:
        return escape(token);
      case HclLexer.INVALID_ESCAPE:
        String text = token.getText();
        sink.add(
            Diagnostic.of(
                HclSyntaxCode.INVALID_ESCAPE_SEQUENCE,
                locator.token(token),
                text.length() < 2
                    ? "A backslash at the end of a line starts no escape sequence. Write \\\\ for"
                        + " a literal backslash."
                    : text.equals("\\u") || text.equals("\\U")
                        ? "\""
                            + text
                            + "\" must be followed by "
                            + (text.equals("\\u") ? "four" : "eight")
                            + " hexadecimal digits naming a Unicode character."
                        : "\""
                            + text
                            + "\" is not a valid escape sequence. The escapes are \\n"
                            + ", \\r"
                            + ", \\t, \\\", \\\\, \\uNNNN and \\UNNNNNNNN; write \\\\ for a literal"
                            + " backslash."));
        return text;
      default:
        return locator.file().text().substring(start, end);
    }
  }

  /** Decodes a lexically valid escape; a \\u or \\U escape must name a Unicode scalar value. */
  private String escape(Token token) {
    String text = token.getText();
    switch (text.charAt(1)) {
      case 'n':
        return "\n";
      case 'r':
        return "\r";
      case 't':
        return "\t";
      case '"':
        return "\"";
      case '\\':
        return "\\";
      default:
        int cp = Integer.parseUnsignedInt(text.substring(2), 16);
        if (cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
          sink.add(
              Diagnostic.of(
                  HclSyntaxCode.INVALID_ESCAPE_SEQUENCE,
                  locator.token(token),
                  "\""
                      + text
                      + "\" does not name a Unicode character"
                      + (cp >= 0xD800 && cp <= 0xDFFF
                          ? " (it is half of a UTF-16 surrogate pair). Write a character outside"
                              + " the Basic Multilingual Plane with \\U and eight hex digits, such"
                              + " as \\U0001F600."
                          : ".")));
          return "\uFFFD";
        }
        return new String(Character.toChars(cp));
    }
  }

  private Sequence sequence(TemplatePartContext part) {
    Range range = locator.of(part);
    boolean stripLeft = locator.text(part.getStart()).endsWith("~");
    if (part instanceof TemplateInterpolationContext interpolation) {
      return new Sequence(
          Kind.INTERPOLATION,
          new Strip(stripLeft, stripRight(sequenceEnd(interpolation))),
          range,
          expression(Children.first(interpolation, ExpressionContext.class)),
          Optional.empty(),
          "");
    }
    if (part instanceof TemplateIfContext ifPart) {
      return new Sequence(
          Kind.IF,
          new Strip(stripLeft, stripRight(ifPart.templateSequenceEnd())),
          range,
          expression(ifPart.expression()),
          Optional.empty(),
          "");
    }
    if (part instanceof TemplateForContext forPart) {
      Optional<String> key =
          forPart.second == null ? Optional.empty() : Optional.of(text(forPart.first));
      String value = text(forPart.second == null ? forPart.first : forPart.second);
      return new Sequence(
          Kind.FOR,
          new Strip(stripLeft, stripRight(forPart.templateSequenceEnd())),
          range,
          expression(forPart.collection),
          key,
          value);
    }
    Kind kind;
    TemplateSequenceEndContext end;
    if (part instanceof TemplateElseContext e) {
      kind = Kind.ELSE;
      end = e.templateSequenceEnd();
    } else if (part instanceof TemplateEndIfContext e) {
      kind = Kind.END_IF;
      end = e.templateSequenceEnd();
    } else {
      kind = Kind.END_FOR;
      end = ((TemplateEndForContext) part).templateSequenceEnd();
    }
    return new Sequence(
        kind, new Strip(stripLeft, stripRight(end)), range, null, Optional.empty(), "");
  }

  private static TemplateSequenceEndContext sequenceEnd(TemplatePartContext part) {
    return Children.first(part, TemplateSequenceEndContext.class);
  }

  private static boolean stripRight(TemplateSequenceEndContext end) {
    return end.getStart().getType() == HclLexer.STRIP_RBRACE;
  }

  /** Never called for a node kind this builder does not handle. */
  @Override
  protected SyntaxNode defaultResult() {
    return null;
  }

  @Override
  public SyntaxNode visitTerminal(TerminalNode node) {
    return null;
  }
}
