package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Diagnostics;
import io.github.packer2aib.core.hcl.syntax.Body;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.grammar.hcl.HclLexer;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The HCL native syntax front end: text → syntax tree ({@code core.hcl.syntax}) plus syntax
 * diagnostics. It never throws for bad input: every problem becomes a diagnostic and the result
 * holds whatever could be parsed. ANTLR types never leave this package.
 *
 * <p>Valid input, by far the commonest, is parsed by the hand-written {@link DescentParser}. Input
 * it gives up on goes to ANTLR's generated parser (the specification, and the source of every
 * syntax diagnostic): its fast SLL prediction first, and full LL prediction with HCL-style error
 * recovery only when SLL finds an error. Instances are stateless and thread-safe.
 */
public final class HclParser {

  /**
   * Expressions nested deeper than this (brackets, braces, template sequences and directives, and
   * the conditionals, unary operators and index operators that nest without them: see {@link
   * NestingCheck}) are rejected before parsing: real configurations stay far below it, and it keeps
   * the recursive parser, tree builder and walks over the tree well within the default thread
   * stack.
   */
  static final int MAX_NESTING = 200;

  /** Whether valid input goes to the descent parser first: off only to test the ANTLR path. */
  private final boolean descent;

  public HclParser() {
    this(true);
  }

  private HclParser(boolean descent) {
    this.descent = descent;
  }

  /** A parser that always takes the ANTLR path, which the descent parser is compared with. */
  static HclParser antlrOnly() {
    return new HclParser(false);
  }

  /** Parses a configuration file ({@code .pkr.hcl}, {@code .pkrvars.hcl}). */
  public HclParseResult parse(SourceFile file) {
    Outcome<Body> outcome = run(file, HclTokenizer.Start.CONFIG_FILE, DescentParser::configFile);
    Body body = outcome.value != null ? outcome.value : new Body(List.of(), file.whole());
    return new HclParseResult(body, outcome.diagnostics);
  }

  /** Parses a standalone expression, such as a {@code -var} value. */
  public HclExpressionResult parseExpression(SourceFile file) {
    Outcome<Optional<Expression>> outcome =
        run(file, HclTokenizer.Start.EXPRESSION, DescentParser::standaloneExpression);
    return new HclExpressionResult(
        outcome.value != null ? outcome.value : Optional.empty(), outcome.diagnostics);
  }

  /** Parses a standalone template, such as the source of {@code templatefile}. */
  public HclTemplateResult parseTemplate(SourceFile file) {
    Outcome<TemplateExpr> outcome =
        run(file, HclTokenizer.Start.TEMPLATE, DescentParser::standaloneTemplate);
    TemplateExpr template =
        outcome.value != null
            ? outcome.value
            : new TemplateExpr(List.of(), TemplateExpr.Form.STANDALONE, "", file.whole());
    return new HclTemplateResult(template, outcome.diagnostics);
  }

  /** The descent parser's entry point: the tree, or null when it gives up. */
  @FunctionalInterface
  private interface Descent<T> {
    T apply(Lexed tokens, Locator locator);
  }

  private static final class Outcome<T> {
    final T value;
    final List<Diagnostic> diagnostics;

    Outcome(T value, List<Diagnostic> diagnostics) {
      this.value = value;
      this.diagnostics = diagnostics.isEmpty() ? List.of() : Diagnostics.of(diagnostics).sorted();
    }
  }

  private <T> Outcome<T> run(SourceFile file, HclTokenizer.Start start, Descent<T> fast) {
    Locator locator = new Locator(file);
    SyntaxErrorSink sink = new SyntaxErrorSink();
    try {
      Lexed lexed = HclTokenizer.scan(file, start);
      int tooDeep = lexed.tooDeep();
      if (tooDeep >= 0) {
        Range at = locator.token(lexed.starts()[tooDeep], lexed.stops()[tooDeep]);
        sink.add(
            lexed.exceeded() == NestingCheck.Exceeded.OPERATORS
                ? tooManyOperators(at)
                : opensBlock(lexed, tooDeep) ? blocksTooDeeplyNested(at) : tooDeeplyNested(at));
        return new Outcome<>(null, sink.diagnostics());
      }
      if (descent) {
        T value = fast.apply(lexed, locator);
        if (value != null) {
          return new Outcome<>(value, List.of());
        }
      }
      // ANTLR's parser takes the tokens as objects, all channels: lexed again, as errors are rare.
      return antlr(HclTokenizer.lex(file, start), locator, start);
    } catch (StackOverflowError e) {
      // Nesting the pre-check cannot see, such as a long chain of unary operators.
      SyntaxErrorSink overflow = new SyntaxErrorSink();
      overflow.add(tooDeeplyNested(file.start()));
      return new Outcome<>(null, overflow.diagnostics());
    }
  }

  /**
   * ANTLR's generated parser and the tree builder. The generated parser's classes (and its ATN,
   * which takes a while to deserialize) are loaded only when a file gets here: the entry rule is
   * chosen by a switch, not by a lambda taking the generated parser, whose linking would load them
   * for every file.
   */
  @SuppressWarnings("unchecked") // build gives the tree type of the entry point T is for
  private static <T> Outcome<T> antlr(
      CommonTokenStream tokens, Locator locator, HclTokenizer.Start start) {
    SyntaxErrorSink sink = new SyntaxErrorSink();
    io.github.packer2aib.grammar.hcl.HclParser parser =
        new io.github.packer2aib.grammar.hcl.HclParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    T value;
    try {
      value = (T) build(parser, new HclTreeBuilder(locator, sink), start);
    } catch (ParseCancellationException sllFailed) {
      // SLL cannot tell a real error from a decision needing full context: retry with LL and
      // error recovery, which also reports every error of the file.
      sink = new SyntaxErrorSink();
      SyntaxErrorTranslator translator = new SyntaxErrorTranslator(locator);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new HclErrorStrategy(translator, sink));
      value = (T) build(parser, new HclTreeBuilder(locator, sink), start);
      // Invalid characters in text that recovery skipped, which the parser never reached.
      LexicalErrors.report(tokens, translator, sink);
    }
    return new Outcome<>(value, sink.diagnostics());
  }

  /** Parses with the entry rule of {@code start} and builds the tree from its context. */
  private static Object build(
      io.github.packer2aib.grammar.hcl.HclParser parser,
      HclTreeBuilder builder,
      HclTokenizer.Start start) {
    switch (start) {
      case EXPRESSION:
        return builder.standaloneExpression(parser.standaloneExpression());
      case TEMPLATE:
        return builder.standaloneTemplate(parser.standaloneTemplate());
      default:
        return builder.configFile(parser.configFile());
    }
  }

  /**
   * How a default-channel token of {@code type} changes the nesting depth that {@link #MAX_NESTING}
   * limits: +1 for a bracket, brace, parenthesis or template sequence that opens, -1 for one that
   * closes, 0 otherwise. The {@link NestingCheck} applies it as {@link HclTokenizer#scan} lexes.
   */
  static int nestingChange(int type) {
    switch (type) {
      case HclLexer.LBRACE:
      case HclLexer.LBRACKET:
      case HclLexer.LPAREN:
      case HclLexer.INTERPOLATION_START:
      case HclLexer.DIRECTIVE_START:
      case HclLexer.HEREDOC_START:
        return 1;
      case HclLexer.RBRACE:
      case HclLexer.STRIP_RBRACE:
      case HclLexer.RBRACKET:
      case HclLexer.RPAREN:
      case HclLexer.HEREDOC_END:
        return -1;
      default:
        return 0;
    }
  }

  private static Diagnostic tooDeeplyNested(Range at) {
    return Diagnostic.of(
        HclSyntaxCode.TOO_DEEPLY_NESTED,
        at,
        "This expression nests more than "
            + MAX_NESTING
            + " levels deep (each bracket, brace, template sequence, %{if} or %{for} directive,"
            + " conditional, unary operator and index or splat operator it is inside adds one),"
            + " which this tool does not parse. Split it using locals.");
  }

  /**
   * Whether token {@code k} is the brace of a block header ({@code name {}, {@code name "label" {}):
   * an expression never has a brace right after a name or a quoted string.
   */
  private static boolean opensBlock(Lexed lexed, int k) {
    if (k < 1 || lexed.types()[k] != HclLexer.LBRACE) {
      return false;
    }
    int before = lexed.types()[k - 1];
    return before == HclLexer.IDENTIFIER || before == HclLexer.QUOTE_CLOSE;
  }

  /** Blocks count as the braces they are; no template nests them this deep, nor can locals help. */
  private static Diagnostic blocksTooDeeplyNested(Range at) {
    return Diagnostic.of(
        HclSyntaxCode.TOO_DEEPLY_NESTED,
        at,
        "This block is nested more than "
            + MAX_NESTING
            + " levels deep (each block, bracket and brace it is inside adds one), which this tool"
            + " does not parse. No Packer template nests blocks this deep: check whether the file"
            + " was generated correctly.");
  }

  private static Diagnostic tooManyOperators(Range at) {
    return Diagnostic.of(
        HclSyntaxCode.TOO_DEEPLY_NESTED,
        at,
        "This expression chains more than "
            + NestingCheck.MAX_OPERATORS
            + " binary operators, which this tool does not parse. Split it using locals.");
  }
}
