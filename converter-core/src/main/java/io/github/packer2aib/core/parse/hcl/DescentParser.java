package io.github.packer2aib.core.parse.hcl;

import static io.github.packer2aib.grammar.hcl.HclLexer.AND;
import static io.github.packer2aib.grammar.hcl.HclLexer.ARROW;
import static io.github.packer2aib.grammar.hcl.HclLexer.COLON;
import static io.github.packer2aib.grammar.hcl.HclLexer.COMMA;
import static io.github.packer2aib.grammar.hcl.HclLexer.DIRECTIVE_START;
import static io.github.packer2aib.grammar.hcl.HclLexer.DOLLAR_ESCAPE;
import static io.github.packer2aib.grammar.hcl.HclLexer.DOT;
import static io.github.packer2aib.grammar.hcl.HclLexer.DOUBLE_COLON;
import static io.github.packer2aib.grammar.hcl.HclLexer.ELLIPSIS;
import static io.github.packer2aib.grammar.hcl.HclLexer.ELSE;
import static io.github.packer2aib.grammar.hcl.HclLexer.ENDFOR;
import static io.github.packer2aib.grammar.hcl.HclLexer.ENDIF;
import static io.github.packer2aib.grammar.hcl.HclLexer.EQ;
import static io.github.packer2aib.grammar.hcl.HclLexer.EQ_EQ;
import static io.github.packer2aib.grammar.hcl.HclLexer.ESCAPE_SEQUENCE;
import static io.github.packer2aib.grammar.hcl.HclLexer.FALSE;
import static io.github.packer2aib.grammar.hcl.HclLexer.FOR;
import static io.github.packer2aib.grammar.hcl.HclLexer.GT;
import static io.github.packer2aib.grammar.hcl.HclLexer.GT_EQ;
import static io.github.packer2aib.grammar.hcl.HclLexer.HEREDOC_END;
import static io.github.packer2aib.grammar.hcl.HclLexer.HEREDOC_START;
import static io.github.packer2aib.grammar.hcl.HclLexer.IF;
import static io.github.packer2aib.grammar.hcl.HclLexer.IN;
import static io.github.packer2aib.grammar.hcl.HclLexer.INTERPOLATION_START;
import static io.github.packer2aib.grammar.hcl.HclLexer.INVALID_ESCAPE;
import static io.github.packer2aib.grammar.hcl.HclLexer.LBRACE;
import static io.github.packer2aib.grammar.hcl.HclLexer.LBRACKET;
import static io.github.packer2aib.grammar.hcl.HclLexer.LPAREN;
import static io.github.packer2aib.grammar.hcl.HclLexer.LT;
import static io.github.packer2aib.grammar.hcl.HclLexer.LT_EQ;
import static io.github.packer2aib.grammar.hcl.HclLexer.MINUS;
import static io.github.packer2aib.grammar.hcl.HclLexer.NEWLINE;
import static io.github.packer2aib.grammar.hcl.HclLexer.NOT;
import static io.github.packer2aib.grammar.hcl.HclLexer.NOT_EQ;
import static io.github.packer2aib.grammar.hcl.HclLexer.NULL;
import static io.github.packer2aib.grammar.hcl.HclLexer.NUMBER;
import static io.github.packer2aib.grammar.hcl.HclLexer.OR;
import static io.github.packer2aib.grammar.hcl.HclLexer.PERCENT;
import static io.github.packer2aib.grammar.hcl.HclLexer.PERCENT_ESCAPE;
import static io.github.packer2aib.grammar.hcl.HclLexer.PLUS;
import static io.github.packer2aib.grammar.hcl.HclLexer.QUESTION;
import static io.github.packer2aib.grammar.hcl.HclLexer.QUOTE;
import static io.github.packer2aib.grammar.hcl.HclLexer.QUOTE_CLOSE;
import static io.github.packer2aib.grammar.hcl.HclLexer.RBRACE;
import static io.github.packer2aib.grammar.hcl.HclLexer.RBRACKET;
import static io.github.packer2aib.grammar.hcl.HclLexer.RPAREN;
import static io.github.packer2aib.grammar.hcl.HclLexer.SLASH;
import static io.github.packer2aib.grammar.hcl.HclLexer.STAR;
import static io.github.packer2aib.grammar.hcl.HclLexer.STRIP_RBRACE;
import static io.github.packer2aib.grammar.hcl.HclLexer.TEMPLATE_NEWLINE;
import static io.github.packer2aib.grammar.hcl.HclLexer.TEMPLATE_TEXT;
import static io.github.packer2aib.grammar.hcl.HclLexer.TRUE;

import io.github.packer2aib.core.hcl.syntax.BinaryOp;
import io.github.packer2aib.core.hcl.syntax.Body;
import io.github.packer2aib.core.hcl.syntax.BodyItem;
import io.github.packer2aib.core.hcl.syntax.Conditional;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.Label;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.Parenthesized;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.hcl.syntax.UnaryOp;
import io.github.packer2aib.core.parse.hcl.TemplateAssembler.Kind;
import io.github.packer2aib.core.parse.hcl.TemplateAssembler.Piece;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.antlr.v4.runtime.Token;

/**
 * A recursive-descent parser for valid HCL: it builds the syntax tree straight from the tokens,
 * without ANTLR's parse tree, and gives up on the first thing it does not handle in full. It exists
 * only for speed (ANTLR's generated parser and the walk of its parse tree were a fifth of the cost
 * of converting a template); {@code HclParser.g4} stays the specification.
 *
 * <p>It handles exactly the input that the ANTLR path ({@link HclTreeBuilder}) accepts without a
 * diagnostic, and gives the same tree: any syntax error, and any case where the tree builder would
 * report something (the shaping rules it shares through {@link TreeShaper} report to a consumer
 * that abandons the attempt), makes it give up, and {@link HclParser} then runs the ANTLR path,
 * which reports every diagnostic as before. {@code DescentParserProperties} holds the two to that.
 *
 * <p>It looks at the tokens of the default channel only, as ANTLR's token stream does. Where the
 * grammar decides by more than the next token, the comment says how.
 */
final class DescentParser {

  /** Abandons an attempt: no stack trace, one instance (giving up must cost next to nothing). */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  /** The precedence of {@code ?:}, the loosest operator (see {@link #precedence}). */
  private static final int CONDITIONAL = 1;

  /** The tokens, index for index: type, first and last code point index (see {@link Lexed}). */
  private final byte[] types;

  private final int[] starts;
  private final int[] stops;
  private final Locator locator;
  private final TreeShaper shaper;
  private final TemplateAssembler templates;
  private int pos;

  private DescentParser(Lexed lexed, Locator locator) {
    // The arrays may keep unused room after the end-of-file token, never read.
    types = lexed.types();
    starts = lexed.starts();
    stops = lexed.stops();
    this.locator = locator;
    this.shaper =
        new TreeShaper(
            locator,
            diagnostic -> {
              throw GIVE_UP;
            });
    this.templates = shaper.templates();
  }

  // ---- entry points: each gives null when it gives up -----------------------------------------

  /** A configuration file. */
  static Body configFile(Lexed lexed, Locator locator) {
    return attempt(lexed, locator, DescentParser::configFile);
  }

  static Optional<Expression> standaloneExpression(Lexed lexed, Locator locator) {
    return attempt(lexed, locator, DescentParser::standaloneExpression);
  }

  static TemplateExpr standaloneTemplate(Lexed lexed, Locator locator) {
    return attempt(lexed, locator, DescentParser::standaloneTemplate);
  }

  private static <T> T attempt(Lexed lexed, Locator locator, Function<DescentParser, T> entry) {
    try {
      return entry.apply(new DescentParser(lexed, locator));
    } catch (GiveUp | StackOverflowError e) {
      // Either way the ANTLR path decides: it reports the error, or nesting too deep for the
      // stack as it did before this parser existed.
      return null;
    }
  }

  private Body configFile() {
    TreeShaper.Items items = shaper.new Items();
    bodyItems(items);
    expect(Token.EOF);
    return items.body(shaper.wholeFile());
  }

  private Optional<Expression> standaloneExpression() {
    skipNewlines();
    Expression expression = expression();
    skipNewlines();
    expect(Token.EOF);
    return Optional.of(expression);
  }

  private TemplateExpr standaloneTemplate() {
    List<Piece> pieces = templateParts(true);
    expect(Token.EOF);
    return shaper.standalone(pieces);
  }

  // ---- structure ------------------------------------------------------------------------------

  /** {@code (NEWLINE | bodyItem)*}: stops at the first token that starts neither. */
  private void bodyItems(TreeShaper.Items items) {
    while (true) {
      int type = types[pos];
      if (type == NEWLINE) {
        pos++;
      } else if (HclTokenizer.isName(type)) {
        items.add(bodyItem());
      } else {
        return;
      }
    }
  }

  /** An attribute when {@code =} follows the name, else a block. */
  private BodyItem bodyItem() {
    int name = pos++;
    if (types[pos] == EQ) {
      pos++;
      Expression value = expression();
      itemEnd();
      return TreeShaper.attribute(text(name), token(name), value);
    }
    List<Label> labels = new ArrayList<>(2);
    while (types[pos] != LBRACE) {
      labels.add(label());
    }
    Range open = token(pos++);
    Body body;
    Range close;
    int type = types[pos];
    if (type == NEWLINE) {
      pos++;
      TreeShaper.Items items = shaper.new Items();
      bodyItems(items);
      close = token(expect(RBRACE));
      body = items.body(shaper.blockBodyRange(open, close));
    } else if (HclTokenizer.isName(type)) {
      int attributeName = pos++;
      expect(EQ);
      Expression value = expression();
      close = token(expect(RBRACE));
      body =
          new Body(
              List.of(TreeShaper.attribute(text(attributeName), token(attributeName), value)),
              shaper.blockBodyRange(open, close));
    } else {
      close = token(expect(RBRACE));
      body = new Body(List.of(), shaper.blockBodyRange(open, close));
    }
    itemEnd();
    return TreeShaper.block(text(name), token(name), labels, body, open, close);
  }

  /** A newline, or the end of the file, which is not consumed (the file's rule still needs it). */
  private void itemEnd() {
    int type = types[pos];
    if (type == NEWLINE) {
      pos++;
    } else if (type != Token.EOF) {
      throw GIVE_UP;
    }
  }

  private Label label() {
    int first = pos;
    if (types[pos] == QUOTE) {
      pos++;
      List<Piece> pieces = templateParts(false);
      expect(QUOTE_CLOSE);
      int afterQuote = locator.offset(stops[first] + 1);
      return shaper.quotedLabel(pieces, afterQuote, spanFrom(first));
    }
    return new Label(text(identifier()), false, token(first));
  }

  // ---- expressions ----------------------------------------------------------------------------

  private Expression expression() {
    return expression(0);
  }

  /**
   * Precedence climbing over the operators that bind at least as tight as {@code min}: binary
   * operators associate to the left (the right operand binds tighter), the conditional to the
   * right, and its middle operand is a full expression, as in the grammar's left-recursive rule.
   */
  private Expression expression(int min) {
    int first = pos;
    Expression left = unary();
    while (true) {
      int type = types[pos];
      int precedence = precedence(type);
      if (precedence == 0 || precedence < min) {
        return left;
      }
      pos++;
      if (type == QUESTION) {
        Expression whenTrue = expression(0);
        expect(COLON);
        Expression whenFalse = expression(CONDITIONAL);
        left = new Conditional(left, whenTrue, whenFalse, spanFrom(first));
      } else {
        Expression right = expression(precedence + 1);
        left = new BinaryOp(TreeShaper.binaryOperator(type), left, right, spanFrom(first));
      }
    }
  }

  /**
   * The precedence of a binary operator or {@code ?:} as ANTLR numbers the alternatives of the
   * left-recursive {@code expression} rule (a later alternative binds looser), or 0 for any other
   * token.
   */
  private static int precedence(int type) {
    switch (type) {
      case STAR:
      case SLASH:
      case PERCENT:
        return 7;
      case PLUS:
      case MINUS:
        return 6;
      case GT:
      case GT_EQ:
      case LT:
      case LT_EQ:
        return 5;
      case EQ_EQ:
      case NOT_EQ:
        return 4;
      case AND:
        return 3;
      case OR:
        return 2;
      case QUESTION:
        return CONDITIONAL;
      default:
        return 0;
    }
  }

  /** A unary operator applies to a term with its postfix operators (or to another unary). */
  private Expression unary() {
    int type = types[pos];
    if (type == MINUS || type == NOT) {
      int op = pos++;
      Expression operand = unary();
      return new UnaryOp(TreeShaper.unaryOperator(type), operand, spanFrom(op));
    }
    return term();
  }

  /** {@code primaryTerm postfixOperator*}, folded by the shared rules. */
  private Expression term() {
    Expression base = primary();
    int type = types[pos];
    if (type != DOT && type != LBRACKET) {
      return base;
    }
    List<TreeShaper.Postfix> ops = new ArrayList<>(4);
    while (true) {
      int first = pos;
      type = types[pos];
      if (type == DOT) {
        int next = types[pos + 1];
        pos += 2;
        if (HclTokenizer.isName(next)) {
          ops.add(TreeShaper.getAttr(text(pos - 1), spanFrom(first)));
        } else if (next == NUMBER) {
          ops.add(shaper.legacyIndex(starts[pos - 1], stops[pos - 1], spanFrom(first)));
        } else if (next == STAR) {
          ops.add(new TreeShaper.Splat(false, spanFrom(first)));
        } else {
          throw GIVE_UP;
        }
      } else if (type == LBRACKET) {
        // `[*]` is the full splat; `*` starts no expression, so `[*` cannot be an index.
        if (types[pos + 1] == STAR) {
          pos += 2;
          expect(RBRACKET);
          ops.add(new TreeShaper.Splat(true, spanFrom(first)));
        } else {
          pos++;
          Expression key = expression();
          expect(RBRACKET);
          ops.add(new TreeShaper.Bracket(key, spanFrom(first)));
        }
      } else {
        return shaper.fold(base, ops);
      }
    }
  }

  private Expression primary() {
    int first = pos;
    int type = types[pos];
    if (HclTokenizer.isName(type) && callFollows()) {
      return functionCall();
    }
    switch (type) {
      case NUMBER:
        pos++;
        return shaper.number(text(first), token(first));
      case TRUE:
      case FALSE:
        pos++;
        return LiteralValue.bool(type == TRUE, token(first));
      case NULL:
        pos++;
        return LiteralValue.nullValue(token(first));
      case QUOTE:
        return quotedTemplate();
      case HEREDOC_START:
        return heredoc();
      case LBRACKET:
        // `for` right after the bracket makes a for expression; a tuple whose first element
        // starts with `for` is reported by the ANTLR path, so nothing is lost by this choice.
        return types[pos + 1] == FOR ? forExpression(false) : tuple();
      case LBRACE:
        return types[pos + 1] == FOR ? forExpression(true) : object();
      case LPAREN:
        pos++;
        Expression inner = expression();
        expect(RPAREN);
        return new Parenthesized(inner, spanFrom(first));
      default:
        // The grammar's variableName: an identifier other than the literals, taken above.
        if (!HclTokenizer.isName(type)) {
          throw GIVE_UP;
        }
        pos++;
        return TreeShaper.variable(text(first), token(first));
    }
  }

  /**
   * A name (keywords and literals included) followed by {@code (} or {@code ::} is a function call,
   * not a variable or a literal.
   */
  private boolean callFollows() {
    int next = types[pos + 1];
    return next == LPAREN || next == DOUBLE_COLON;
  }

  /** {@code identifier (:: identifier)* ( arguments? )}, arguments with a trailing , or .... */
  private FunctionCall functionCall() {
    int first = pos++;
    int last = first;
    String name = text(first);
    while (types[pos] == DOUBLE_COLON) {
      pos++;
      last = identifier();
      name = name + "::" + text(last);
    }
    expect(LPAREN);
    List<Expression> arguments = List.of();
    boolean expandFinal = false;
    if (types[pos] != RPAREN) {
      arguments = new ArrayList<>(4);
      while (true) {
        arguments.add(expression());
        int type = types[pos];
        if (type == COMMA) {
          pos++;
          if (types[pos] == RPAREN) {
            break;
          }
        } else {
          if (type == ELLIPSIS) {
            pos++;
            expandFinal = true;
          }
          break;
        }
      }
    }
    expect(RPAREN);
    return new FunctionCall(name, span(first, last), arguments, expandFinal, spanFrom(first));
  }

  private Tuple tuple() {
    int open = pos++;
    List<Expression> elements = new ArrayList<>();
    while (types[pos] != RBRACKET) {
      elements.add(expression());
      if (types[pos] != COMMA) {
        break;
      }
      pos++;
    }
    expect(RBRACKET);
    return new Tuple(elements, spanFrom(open));
  }

  /** Items separated by commas or newlines (newlines are tokens inside object braces). */
  private ObjectCons object() {
    int open = pos++;
    skipNewlines();
    List<ObjectItem> items = new ArrayList<>();
    if (types[pos] != RBRACE) {
      shaper.leadingForKeyword(
          types[pos], starts[pos], stops[pos], TreeShaper.OBJECT_FOR_WORKAROUND);
      while (true) {
        Expression key = expression();
        if (types[pos] != EQ && types[pos] != COLON) {
          throw GIVE_UP;
        }
        pos++;
        Expression value = expression();
        items.add(new ObjectItem(key, value, key.range().to(value.range())));
        int type = types[pos];
        if (type == COMMA) {
          pos++;
        } else if (type != NEWLINE) {
          break;
        }
        skipNewlines();
        if (types[pos] == RBRACE) {
          break;
        }
      }
    }
    expect(RBRACE);
    return new ObjectCons(items, spanFrom(open));
  }

  /**
   * {@code [for k, v in c : value if cond]}, or with {@code object} {@code {for k, v in c : key =>
   * value... if cond}}; the opening bracket and {@code for} are the current tokens.
   */
  private Expression forExpression(boolean object) {
    int open = pos;
    pos += 2;
    int first = identifier();
    int second = secondVariable();
    expect(IN);
    Expression collection = expression();
    expect(COLON);
    Optional<Expression> key = Optional.empty();
    if (object) {
      key = Optional.of(expression());
      expect(ARROW);
    }
    Expression value = expression();
    boolean grouping = object && types[pos] == ELLIPSIS;
    if (grouping) {
      pos++;
    }
    Optional<Expression> condition = forCondition();
    expect(object ? RBRACE : RBRACKET);
    return TreeShaper.forExpr(
        text(first),
        second < 0 ? null : text(second),
        collection,
        key,
        value,
        condition,
        grouping,
        spanFrom(open));
  }

  /** The second variable of a for expression or directive after a comma, or -1. */
  private int secondVariable() {
    if (types[pos] != COMMA) {
      return -1;
    }
    pos++;
    return identifier();
  }

  private Optional<Expression> forCondition() {
    if (types[pos] != IF) {
      return Optional.empty();
    }
    pos++;
    return Optional.of(expression());
  }

  // ---- templates ------------------------------------------------------------------------------

  private TemplateExpr quotedTemplate() {
    int quote = pos++;
    if (types[pos] == TEMPLATE_TEXT && types[pos + 1] == QUOTE_CLOSE) {
      int text = pos;
      pos += 2;
      return shaper.plainQuoted(starts[text], stops[text], spanFrom(quote));
    }
    List<Piece> pieces = templateParts(false);
    expect(QUOTE_CLOSE);
    return shaper.quoted(stops[quote], pieces, spanFrom(quote));
  }

  private TemplateExpr heredoc() {
    int start = pos++;
    List<Piece> pieces = templateParts(true);
    expect(HEREDOC_END);
    return shaper.heredoc(starts[start], stops[start], pieces, spanFrom(start));
  }

  /**
   * {@code templatePart*}: stops at the first token that starts no part.
   *
   * @param lineTokens whether a literal piece ends after each line break
   */
  private List<Piece> templateParts(boolean lineTokens) {
    TemplateAssembler.Pieces pieces = templates.new Pieces(lineTokens);
    while (true) {
      switch (types[pos]) {
        case TEMPLATE_TEXT:
        case TEMPLATE_NEWLINE:
        case ESCAPE_SEQUENCE:
        case INVALID_ESCAPE:
        case DOLLAR_ESCAPE:
        case PERCENT_ESCAPE:
          pieces.literal(types[pos], starts[pos], stops[pos]);
          pos++;
          break;
        case INTERPOLATION_START:
          int start = pos++;
          Expression expression = expression();
          int end = sequenceEnd();
          pieces.sequence(
              templates.sequence(
                  Kind.INTERPOLATION,
                  stripsLeft(start),
                  types[end],
                  span(start, end),
                  expression,
                  Optional.empty(),
                  ""));
          break;
        case DIRECTIVE_START:
          pieces.sequence(directive());
          break;
        default:
          return pieces.list();
      }
    }
  }

  private TemplateAssembler.Sequence directive() {
    int start = pos++;
    int keyword = types[pos++];
    Kind kind;
    Expression expression = null;
    switch (keyword) {
      case IF:
        kind = Kind.IF;
        expression = expression();
        break;
      case FOR:
        int first = identifier();
        int second = secondVariable();
        expect(IN);
        Expression collection = expression();
        int forEnd = sequenceEnd();
        return templates.forSequence(
            stripsLeft(start),
            types[forEnd],
            span(start, forEnd),
            collection,
            text(first),
            second < 0 ? null : text(second));
      case ELSE:
        kind = Kind.ELSE;
        break;
      case ENDIF:
        kind = Kind.END_IF;
        break;
      case ENDFOR:
        kind = Kind.END_FOR;
        break;
      default:
        throw GIVE_UP;
    }
    int end = sequenceEnd();
    return templates.sequence(
        kind, stripsLeft(start), types[end], span(start, end), expression, Optional.empty(), "");
  }

  /** {@code }} or {@code ~}}: its index. */
  private int sequenceEnd() {
    int type = types[pos];
    if (type != RBRACE && type != STRIP_RBRACE) {
      throw GIVE_UP;
    }
    return pos++;
  }

  /** Whether the token that starts a template sequence is {@code ${~} or {@code %{~}. */
  private boolean stripsLeft(int start) {
    return locator.file().text().charAt(locator.offset(stops[start])) == '~';
  }

  // ---- tokens ---------------------------------------------------------------------------------

  /** A name: its index. */
  private int identifier() {
    if (!HclTokenizer.isName(types[pos])) {
      throw GIVE_UP;
    }
    return pos++;
  }

  /** A token of {@code type}: its index. */
  private int expect(int type) {
    if (types[pos] != type) {
      throw GIVE_UP;
    }
    // The end-of-file token is matched but stays current, as in ANTLR.
    return type == Token.EOF ? pos : pos++;
  }

  private void skipNewlines() {
    while (types[pos] == NEWLINE) {
      pos++;
    }
  }

  /** From token {@code first} to the last token consumed. */
  private Range spanFrom(int first) {
    return span(first, pos - 1);
  }

  /** From the start of token {@code first} to the end of token {@code last}. */
  private Range span(int first, int last) {
    return locator.span(starts[first], starts[last], stops[last]);
  }

  /** The range of token {@code i}. */
  private Range token(int i) {
    return locator.span(starts[i], starts[i], stops[i]);
  }

  /** The source text of token {@code i} (not the end-of-file token). */
  private String text(int i) {
    return locator.text(starts[i], stops[i]);
  }
}
