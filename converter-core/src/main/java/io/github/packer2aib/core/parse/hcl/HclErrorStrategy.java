package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.grammar.hcl.HclLexer;
import io.github.packer2aib.grammar.hcl.HclParser.BodyContext;
import io.github.packer2aib.grammar.hcl.HclParser.BodyItemContext;
import io.github.packer2aib.grammar.hcl.HclParser.ConfigFileContext;
import io.github.packer2aib.grammar.hcl.HclParser.StandaloneExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.StandaloneTemplateContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplatePartContext;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Error handling in HashiCorp HCL's style instead of ANTLR's token-level repair.
 *
 * <p>A syntax error anywhere inside a body item (an attribute or a block) abandons that item: the
 * error is reported once (translated by {@link SyntaxErrorTranslator}), the exception is rethrown
 * from each enclosing rule until it reaches the item, and the item's recovery skips to the end of
 * its line, stepping over anything nested in brackets. Parsing then continues with the next item,
 * so every broken item of a file is reported, each exactly once, without follow-on errors from
 * half-parsed text. A line of a body that cannot start an item is reported and skipped the same
 * way, from {@link #sync}. Standalone templates recover at each interpolation or directive.
 */
final class HclErrorStrategy extends DefaultErrorStrategy {
  private final SyntaxErrorTranslator translator;
  private final SyntaxErrorSink sink;
  private final Set<RecognitionException> reported =
      Collections.newSetFromMap(new IdentityHashMap<>());

  HclErrorStrategy(SyntaxErrorTranslator translator, SyntaxErrorSink sink) {
    this.translator = translator;
    this.sink = sink;
  }

  @Override
  public void reportError(Parser recognizer, RecognitionException e) {
    if (reported.add(e)) {
      sink.add(translator.translate(recognizer, e), offendingToken(recognizer, e));
    }
  }

  /** No single-token repair: a mismatch is an error of the whole item. */
  @Override
  public Token recoverInline(Parser recognizer) {
    throw new InputMismatchException(recognizer);
  }

  /** Recovers at item level; inside an item, unwinds to it by rethrowing. */
  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    ParserRuleContext ctx = recognizer.getContext();
    if (ctx instanceof BodyItemContext) {
      skipRestOfItem(recognizer, ctx.getStart());
    } else if (ctx instanceof BodyContext) {
      skipRestOfItem(recognizer, recognizer.getCurrentToken());
    } else if (ctx instanceof TemplatePartContext
        && ctx.getParent() instanceof StandaloneTemplateContext) {
      skipRestOfSequence(recognizer, ctx.getStart());
    } else if (ctx instanceof ConfigFileContext
        || ctx instanceof StandaloneExpressionContext
        || ctx instanceof StandaloneTemplateContext) {
      skipToEnd(recognizer);
    } else {
      throw e;
    }
  }

  /**
   * In a body, reports and skips each line that cannot start an item (before the body loop gives up
   * on it). Elsewhere no early check: errors surface where a token fails to match.
   */
  @Override
  public void sync(Parser recognizer) {
    if (!(recognizer.getContext() instanceof BodyContext body)) {
      return;
    }
    boolean topLevel = body.getParent() instanceof ConfigFileContext;
    TokenStream tokens = recognizer.getInputStream();
    while (isJunk(tokens.LT(1).getType(), topLevel)) {
      Token junk = tokens.LT(1);
      sink.add(translator.junkInBody(junk), junk);
      skipRestOfItem(recognizer, junk);
    }
  }

  private static boolean isJunk(int type, boolean topLevel) {
    switch (type) {
      case Token.EOF:
      case HclLexer.NEWLINE:
      case HclLexer.IDENTIFIER:
      case HclLexer.FOR:
      case HclLexer.IN:
      case HclLexer.IF:
      case HclLexer.ELSE:
      case HclLexer.ENDIF:
      case HclLexer.ENDFOR:
      case HclLexer.TRUE:
      case HclLexer.FALSE:
      case HclLexer.NULL:
        return false;
      case HclLexer.RBRACE:
        return topLevel;
      default:
        return true;
    }
  }

  /**
   * Skips to the end of the item that started at {@code itemStart}: past the next significant
   * newline that is not inside braces opened within the item, or up to (not over) a closing brace
   * that closes the enclosing block, or to the end of the file. Always moves past a token that
   * cannot start an item, so recovery makes progress.
   *
   * <p>A closing brace closes the enclosing block when no brace opened within the item is still
   * open: parentheses and brackets left open by the broken item do not hold it, as the lexer (and
   * HCL) closes them with the block. Skipping it would take the block's own brace for the item's
   * and report the block, correctly closed, as unclosed at the end of the file. A closing brace
   * followed by more of the line is not a block's end (a block must end with a newline), but a
   * stray brace inside the broken item, skipped with it: taking it as the end of the block only
   * added a "Missing newline after block definition" for text that was never the block's.
   *
   * <p>When the skip reaches the end of the file from an earlier line, skips a brace that the lexer
   * takes as the end of the block, or takes a closing brace on a later line for one opened within
   * the item, it has guessed which brace closes what; a block left unclosed at the end of the file
   * may then be the same misplaced brace, and the sink no longer reports that ({@link
   * SyntaxErrorSink#recoveryGuessedBraces}), as HCL suppresses errors in recovery.
   */
  private void skipRestOfItem(Parser recognizer, Token itemStart) {
    TokenStream tokens = recognizer.getInputStream();
    Nesting nesting = new Nesting();
    for (int i = itemStart.getTokenIndex(); i < tokens.index(); i++) {
      Token t = tokens.get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        nesting.apply(t.getType());
      }
    }
    while (true) {
      Token t = tokens.LT(1);
      int type = t.getType();
      if (type == Token.EOF) {
        if (t.getLine() > itemStart.getLine()) {
          // The item ran on to the end of the file (in its brackets, an unterminated comment or
          // heredoc), over whatever brace was to close its block.
          sink.recoveryGuessedBraces();
        }
        return;
      }
      if (type == HclLexer.NEWLINE && !nesting.insideBraces()) {
        tokens.consume();
        return;
      }
      if (type == HclLexer.RBRACE || type == HclLexer.STRIP_RBRACE) {
        boolean started = tokens.index() > itemStart.getTokenIndex();
        if (!nesting.holdsBrace()) {
          if (type == HclLexer.RBRACE && started && !moreOnItsLine(tokens)) {
            return;
          }
          if (started || type == HclLexer.STRIP_RBRACE) {
            // A brace the lexer takes as the end of the block, skipped with the broken item.
            sink.recoveryGuessedBraces();
          }
        } else if (t.getLine() > itemStart.getLine()) {
          sink.recoveryGuessedBraces();
        }
      }
      nesting.apply(type);
      tokens.consume();
    }
  }

  /**
   * Whether the closing brace ahead is followed on its line by something that cannot follow a
   * block's end: not a newline, the end of the file or another closing brace.
   */
  private static boolean moreOnItsLine(TokenStream tokens) {
    Token next = tokens.LT(2);
    int type = next.getType();
    return type != HclLexer.NEWLINE
        && type != Token.EOF
        && type != HclLexer.RBRACE
        && next.getLine() == tokens.LT(1).getLine();
  }

  /** Skips to just after the brace that closes the template sequence started at {@code start}. */
  private static void skipRestOfSequence(Parser recognizer, Token start) {
    TokenStream tokens = recognizer.getInputStream();
    Nesting nesting = new Nesting();
    for (int i = start.getTokenIndex(); i < tokens.index(); i++) {
      Token t = tokens.get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        nesting.apply(t.getType());
      }
    }
    while (tokens.LA(1) != Token.EOF) {
      int type = tokens.LA(1);
      nesting.apply(type);
      tokens.consume();
      if (nesting.isEmpty() && (type == HclLexer.RBRACE || type == HclLexer.STRIP_RBRACE)) {
        return;
      }
    }
  }

  private static void skipToEnd(Parser recognizer) {
    TokenStream tokens = recognizer.getInputStream();
    while (tokens.LA(1) != Token.EOF) {
      tokens.consume();
    }
  }

  /**
   * Replays the brackets of an item as the lexer tracks them. A significant newline only reaches
   * the parser outside brackets, parentheses and template sequences (the lexer hides or, for a
   * broken string, closes them), so only braces decide whether a newline ends the item.
   */
  private static final class Nesting {
    private final java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();

    void apply(int type) {
      switch (type) {
        case HclLexer.LBRACE:
        case HclLexer.LBRACKET:
        case HclLexer.LPAREN:
        case HclLexer.INTERPOLATION_START:
        case HclLexer.DIRECTIVE_START:
          open.push(type);
          break;
        case HclLexer.RPAREN:
        case HclLexer.RBRACKET:
          if (!open.isEmpty()
              && open.peek() == (type == HclLexer.RPAREN ? HclLexer.LPAREN : HclLexer.LBRACKET)) {
            open.pop();
          }
          break;
        case HclLexer.RBRACE:
        case HclLexer.STRIP_RBRACE:
          while (!open.isEmpty()) {
            int top = open.pop();
            if (top != HclLexer.LPAREN && top != HclLexer.LBRACKET) {
              break;
            }
          }
          break;
        default:
          break;
      }
    }

    boolean insideBraces() {
      return open.contains(HclLexer.LBRACE);
    }

    /** Whether a closing brace would close something opened here (not only close brackets). */
    boolean holdsBrace() {
      for (int type : open) {
        if (type != HclLexer.LPAREN && type != HclLexer.LBRACKET) {
          return true;
        }
      }
      return false;
    }

    boolean isEmpty() {
      return open.isEmpty();
    }
  }

  static Token offendingToken(Parser recognizer, RecognitionException e) {
    Token token = e.getOffendingToken();
    return token != null ? token : recognizer.getCurrentToken();
  }
}
