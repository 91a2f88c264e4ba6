package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.grammar.hcl.HclLexer;
import java.util.Arrays;
import org.antlr.v4.runtime.Token;

/**
 * The limits on the shape of an expression that the parsers, and every walk over the trees they
 * build, rely on, checked on the tokens of the default channel as they are lexed, before either
 * parser runs.
 *
 * <p><b>Depth</b>: the levels an expression nests, at most {@link HclParser#MAX_NESTING}. A
 * bracket, brace, parenthesis or template sequence adds one while it is open, and so does an {@code
 * %{if}} or {@code %{for}} directive until its end; within one of them, each unary operator of a
 * run ({@code - - -x}, {@code !!x}), each conditional ({@code a ? b : c ? d : e} nests to the
 * right) and each index or splat operator on one operand ({@code x[a][b]}, {@code x[*]}, {@code
 * .*}) adds one until the operand ends (at a binary operator, {@code ?}, {@code :} or an item
 * separator). Such chains become trees as deep as they are long, which recursive code walks.
 *
 * <p><b>Operators</b>: a chain of binary operators ({@code 1 + 2 + … + n}) is also a tree as deep
 * as it is long, along its left operands; every walk follows those with a loop, as HashiCorp's HCL
 * parses such chains of any length. Only an absurd one is refused: more than {@link #MAX_OPERATORS}
 * binary operators between two item separators of one bracket level.
 *
 * <p>Both counts are upper bounds of what the parser builds (an operand list or a condition may be
 * counted with its neighbours): they may refuse absurd text that would parse flat, never let
 * through a tree deeper than they say.
 */
final class NestingCheck {
  /** Binary operators allowed in one chain: far beyond any template, far below any stack limit. */
  static final int MAX_OPERATORS = 100_000;

  /** What a token exceeded. */
  enum Exceeded {
    DEPTH,
    OPERATORS
  }

  private static final int MAX = HclParser.MAX_NESTING;

  // Per open bracket level (index 0: the top level): the unary run, conditionals and postfix
  // operators that make the current operand nest deeper, and the binary operators of the chain.
  // Grown as levels open (every text is scanned, most nest a few levels).
  private int[] unary = new int[INITIAL_LEVELS];
  private int[] conditionals = new int[INITIAL_LEVELS];
  private int[] postfix = new int[INITIAL_LEVELS];
  private int[] operators = new int[INITIAL_LEVELS];

  private static final int INITIAL_LEVELS = 16;

  /** Open brackets, braces, parentheses and template sequences. */
  private int level;

  /** Open {@code %{if}} and {@code %{for}} directives. */
  private int directives;

  /** All the levels the current token is inside: {@link #level}, directives and the counts. */
  private int depth;

  private int previous = Token.EOF;

  /**
   * {@link HclParser#nestingChange} by token type (every type fits in a byte): a table lookup for
   * every token instead of a call and a switch.
   */
  private static final byte[] CHANGE = new byte[Byte.MAX_VALUE + 1];

  static {
    for (int type = 0; type < CHANGE.length; type++) {
      CHANGE[type] = (byte) HclParser.nestingChange(type);
    }
  }

  /**
   * Takes the next token of the default channel: what it exceeds, or null. After a limit is
   * exceeded, the rest of the text is not checked.
   */
  Exceeded next(int type) {
    int before = previous;
    previous = type;
    if (type == Token.EOF) {
      return null;
    }
    if (before == HclLexer.DIRECTIVE_START) {
      if (type == HclLexer.IF || type == HclLexer.FOR) {
        directives++;
        if (++depth > MAX) {
          return Exceeded.DEPTH;
        }
      } else if ((type == HclLexer.ENDIF || type == HclLexer.ENDFOR) && directives > 0) {
        directives--;
        depth--;
      }
    }
    int change = CHANGE[type];
    if (change < 0) {
      // The operand that the bracket held ends; the level outside goes on with it.
      if (level > 0) {
        depth -= 1 + unary[level] + conditionals[level] + postfix[level];
        level--;
      }
      return null;
    }
    switch (type) {
      case HclLexer.NOT:
        return deeper(unary);
      case HclLexer.MINUS:
        if (!endsOperand(before)) {
          return deeper(unary);
        }
        return operator();
      case HclLexer.STAR:
        if (before == HclLexer.DOT) {
          return deeper(postfix); // an attribute splat, .*
        }
        return operator();
      case HclLexer.EQ_EQ:
      case HclLexer.NOT_EQ:
      case HclLexer.LT_EQ:
      case HclLexer.GT_EQ:
      case HclLexer.LT:
      case HclLexer.GT:
      case HclLexer.AND:
      case HclLexer.OR:
      case HclLexer.PLUS:
      case HclLexer.SLASH:
      case HclLexer.PERCENT:
        return operator();
      case HclLexer.QUESTION:
        operandEnds();
        return deeper(conditionals);
      case HclLexer.COLON:
        operandEnds();
        return null;
      case HclLexer.COMMA:
      case HclLexer.NEWLINE:
      case HclLexer.EQ:
      case HclLexer.ARROW:
      case HclLexer.ELLIPSIS:
        operandEnds();
        depth -= conditionals[level];
        conditionals[level] = 0;
        operators[level] = 0;
        return null;
      case HclLexer.LBRACKET:
        if (endsOperand(before) || before == HclLexer.STAR) {
          Exceeded exceeded = deeper(postfix); // an index or a full splat
          if (exceeded != null) {
            return exceeded;
          }
        }
        return open();
      default:
        return change > 0 ? open() : null;
    }
  }

  /** A bracket, brace, parenthesis or template sequence opens a level. */
  private Exceeded open() {
    level++;
    if (level == unary.length) {
      int room = Math.min(2 * level, MAX + 2); // depth, and so level, stays within MAX + 1
      unary = Arrays.copyOf(unary, room);
      conditionals = Arrays.copyOf(conditionals, room);
      postfix = Arrays.copyOf(postfix, room);
      operators = Arrays.copyOf(operators, room);
    }
    unary[level] = 0;
    conditionals[level] = 0;
    postfix[level] = 0;
    operators[level] = 0;
    return ++depth > MAX ? Exceeded.DEPTH : null;
  }

  /** One more level of the current operand, counted in {@code counts}. */
  private Exceeded deeper(int[] counts) {
    counts[level]++;
    return ++depth > MAX ? Exceeded.DEPTH : null;
  }

  /** A binary operator: the operand before it ends, and the chain is one longer. */
  private Exceeded operator() {
    operandEnds();
    return ++operators[level] > MAX_OPERATORS ? Exceeded.OPERATORS : null;
  }

  /** The unary run and postfix operators of the current operand no longer nest what follows. */
  private void operandEnds() {
    depth -= unary[level] + postfix[level];
    unary[level] = 0;
    postfix[level] = 0;
  }

  /**
   * Whether a token of this type can end an operand, so that a {@code -} after it is a binary
   * operator and a {@code [} an index: a name or literal, or a closing bracket or quote.
   */
  private static boolean endsOperand(int type) {
    switch (type) {
      case HclLexer.NUMBER:
      case HclLexer.RPAREN:
      case HclLexer.RBRACKET:
      case HclLexer.RBRACE:
      case HclLexer.STRIP_RBRACE:
      case HclLexer.QUOTE_CLOSE:
      case HclLexer.HEREDOC_END:
        return true;
      default:
        return HclTokenizer.isName(type);
    }
  }
}
