package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.BinaryOp;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.Body;
import io.github.packer2aib.core.hcl.syntax.BodyItem;
import io.github.packer2aib.core.hcl.syntax.Conditional;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.ForExpr;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.Label;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.Parenthesized;
import io.github.packer2aib.core.hcl.syntax.SyntaxNode;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.hcl.syntax.UnaryOp;
import io.github.packer2aib.core.parse.hcl.TemplateAssembler.Kind;
import io.github.packer2aib.core.parse.hcl.TemplateAssembler.Piece;
import io.github.packer2aib.core.parse.hcl.TemplateAssembler.Sequence;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.grammar.hcl.HclLexer;
import io.github.packer2aib.grammar.hcl.HclParser.AdditiveExpressionContext;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
 * a for expression). Those rules are {@link TreeShaper}'s and {@link TemplateAssembler}'s, shared
 * with {@link DescentParser}, so that the two ways to a tree cannot drift apart.
 *
 * <p>Items the parser abandoned after a syntax error are left out, so the body is partial; a block
 * whose closing brace is missing keeps the items parsed before the error.
 */
final class HclTreeBuilder extends HclParserBaseVisitor<SyntaxNode> {
  private final Locator locator;
  private final TreeShaper shaper;

  HclTreeBuilder(Locator locator, SyntaxErrorSink sink) {
    this.locator = locator;
    this.shaper = new TreeShaper(locator, sink::add);
  }

  // ---- entry points -------------------------------------------------------------------------

  Body configFile(ConfigFileContext ctx) {
    return body(ctx.body(), shaper.wholeFile());
  }

  Optional<Expression> standaloneExpression(StandaloneExpressionContext ctx) {
    if (ctx.exception != null || ctx.expression() == null) {
      return Optional.empty();
    }
    return Optional.of(expression(ctx.expression()));
  }

  TemplateExpr standaloneTemplate(StandaloneTemplateContext ctx) {
    return shaper.standalone(pieces(ctx, true));
  }

  // ---- structure ----------------------------------------------------------------------------

  private Body body(BodyContext ctx, Range range) {
    TreeShaper.Items items = shaper.new Items();
    List<ParseTree> children = ctx != null ? Children.of(ctx) : List.of();
    for (int i = 0, n = children.size(); i < n; i++) {
      if (children.get(i) instanceof BodyItemContext itemContext) {
        BodyItem item = bodyItem(itemContext);
        if (item != null) {
          items.add(item);
        }
      }
    }
    return items.body(range);
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
    return TreeShaper.attribute(text(name), locator.of(name), expression);
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
    return TreeShaper.block(text(ctx.type), locator.of(ctx.type), labels, body, open, close);
  }

  private Body blockBody(BlockBodyContext ctx, Range open, Range close) {
    Range range = shaper.blockBodyRange(open, close);
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
    return shaper.quotedLabel(pieces(quoted, false), afterQuote, range);
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
    return new UnaryOp(
        TreeShaper.unaryOperator(ctx.op.getType()),
        expression(Children.first(ctx, ExpressionContext.class)),
        locator.of(ctx));
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

  /**
   * A chain of binary operators, {@code 1 + 2 + … + n}, whose left operands nest as deep as the
   * chain is long: they are followed with a loop, and the nodes built from the innermost out.
   */
  private BinaryOp binary(
      Token op, ExpressionContext left, ExpressionContext right, ParserRuleContext ctx) {
    Deque<Operation> outer = new ArrayDeque<>();
    Operation o = new Operation(op, left, right, ctx);
    while (o != null) {
      outer.push(o);
      o = Operation.of(o.left());
    }
    Expression result = expression(outer.peek().left());
    while (!outer.isEmpty()) {
      Operation next = outer.pop();
      result =
          new BinaryOp(
              TreeShaper.binaryOperator(next.op().getType()),
              result,
              expression(next.right()),
              locator.of(next.ctx()));
    }
    return (BinaryOp) result;
  }

  /** The parts of a binary operator's context. */
  private record Operation(
      Token op, ExpressionContext left, ExpressionContext right, ParserRuleContext ctx) {

    /** The parts of {@code ctx} when it is a binary operator's, else null. */
    static Operation of(ExpressionContext ctx) {
      if (ctx instanceof MultiplicativeExpressionContext c) {
        return new Operation(c.op, c.left, c.right, c);
      }
      if (ctx instanceof AdditiveExpressionContext c) {
        return new Operation(c.op, c.left, c.right, c);
      }
      if (ctx instanceof ComparisonExpressionContext c) {
        return new Operation(c.op, c.left, c.right, c);
      }
      if (ctx instanceof EqualityExpressionContext c) {
        return new Operation(c.op, c.left, c.right, c);
      }
      if (ctx instanceof LogicalAndExpressionContext c) {
        return new Operation(c.op, c.left, c.right, c);
      }
      if (ctx instanceof LogicalOrExpressionContext c) {
        return new Operation(c.op, c.left, c.right, c);
      }
      return null;
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
    return children.size() == 1 ? base : shaper.fold(base, postfixOperators(children));
  }

  /** The postfix operators among an expression term's children, ready to fold. */
  private List<TreeShaper.Postfix> postfixOperators(List<ParseTree> children) {
    List<TreeShaper.Postfix> ops = new ArrayList<>(children.size());
    for (int i = 0, n = children.size(); i < n; i++) {
      if (children.get(i) instanceof PostfixOperatorContext op) {
        ops.add(postfix(op));
      }
    }
    return ops;
  }

  private TreeShaper.Postfix postfix(PostfixOperatorContext op) {
    Range range = locator.of(op);
    if (op instanceof GetAttrOperatorContext attr) {
      return TreeShaper.getAttr(text(Children.first(attr, IdentifierContext.class)), range);
    }
    if (op instanceof LegacyIndexOperatorContext) {
      return shaper.legacyIndex(Children.token(op, HclLexer.NUMBER).getSymbol(), range);
    }
    if (op instanceof IndexOperatorContext index) {
      return new TreeShaper.Bracket(
          expression(Children.first(index, ExpressionContext.class)), range);
    }
    return new TreeShaper.Splat(op instanceof FullSplatOperatorContext, range);
  }

  @Override
  public SyntaxNode visitLiteralTerm(LiteralTermContext ctx) {
    return visit(Children.first(ctx, LiteralValueContext.class));
  }

  @Override
  public SyntaxNode visitNumberLiteral(NumberLiteralContext ctx) {
    return shaper.number(text(ctx), locator.of(ctx));
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
    return TreeShaper.variable(text(ctx), locator.of(ctx));
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
      shaper.leadingForKeyword(first.getStart(), TreeShaper.TUPLE_FOR_WORKAROUND);
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
      shaper.leadingForKeyword(first.key.getStart(), TreeShaper.OBJECT_FOR_WORKAROUND);
    }
    return new ObjectCons(items, locator.of(object));
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
    return TreeShaper.forExpr(
        text(intro.first),
        intro.second == null ? null : text(intro.second),
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
      Token plain = plainText(quoted);
      if (plain != null) {
        return shaper.plainQuoted(plain, range);
      }
      Token quote = Children.token(quoted, HclLexer.QUOTE).getSymbol();
      return shaper.quoted(quote, pieces(quoted, false), range);
    }
    HeredocTemplateContext heredoc = (HeredocTemplateContext) ctx;
    Token start = Children.token(heredoc, HclLexer.HEREDOC_START).getSymbol();
    return shaper.heredoc(start, pieces(heredoc, true), range);
  }

  /**
   * The text token of the commonest template, a quoted string of plain text (between the quotes a
   * single text token), or null for any other.
   */
  private static Token plainText(QuotedTemplateContext quoted) {
    List<ParseTree> children = quoted.children;
    if (children.size() != 3
        || !(children.get(1) instanceof TemplateLiteralContext literal)
        || literal.exception != null) {
      return null;
    }
    Token token = literal.getStart();
    return token.getType() == HclLexer.TEMPLATE_TEXT ? token : null;
  }

  /**
   * The pieces of a template (see {@link TemplateAssembler.Pieces}).
   *
   * @param lineTokens whether a literal token ends after each line break (heredocs and standalone
   *     templates)
   */
  private List<Piece> pieces(ParserRuleContext template, boolean lineTokens) {
    List<ParseTree> children = Children.of(template);
    TemplateAssembler.Pieces pieces = shaper.templates().new Pieces(lineTokens);
    for (int i = 0, n = children.size(); i < n; i++) {
      if (!(children.get(i) instanceof TemplatePartContext part)) {
        continue;
      }
      if (part.exception != null) {
        pieces.gap();
      } else if (part instanceof TemplateLiteralContext) {
        pieces.literal(part.getStart());
      } else {
        pieces.sequence(sequence(part));
      }
    }
    return pieces.list();
  }

  private Sequence sequence(TemplatePartContext part) {
    TemplateAssembler templates = shaper.templates();
    Token start = part.getStart();
    Range range = locator.of(part);
    if (part instanceof TemplateInterpolationContext interpolation) {
      return templates.sequence(
          Kind.INTERPOLATION,
          start,
          sequenceEnd(Children.first(interpolation, TemplateSequenceEndContext.class)),
          range,
          expression(Children.first(interpolation, ExpressionContext.class)),
          Optional.empty(),
          "");
    }
    if (part instanceof TemplateIfContext ifPart) {
      return templates.sequence(
          Kind.IF,
          start,
          sequenceEnd(ifPart.templateSequenceEnd()),
          range,
          expression(ifPart.expression()),
          Optional.empty(),
          "");
    }
    if (part instanceof TemplateForContext forPart) {
      return templates.forSequence(
          start,
          sequenceEnd(forPart.templateSequenceEnd()),
          range,
          expression(forPart.collection),
          text(forPart.first),
          forPart.second == null ? null : text(forPart.second));
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
    return templates.sequence(kind, start, sequenceEnd(end), range, null, Optional.empty(), "");
  }

  /** The token that ends a template sequence: {@code }} or {@code ~}}. */
  private static Token sequenceEnd(TemplateSequenceEndContext end) {
    return end.getStart();
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
