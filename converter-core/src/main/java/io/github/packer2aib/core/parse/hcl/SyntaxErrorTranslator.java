package io.github.packer2aib.core.parse.hcl;

import static io.github.packer2aib.core.parse.hcl.TokenDescriptions.found;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.grammar.hcl.HclLexer;
import io.github.packer2aib.grammar.hcl.HclParser.BlockBodyContext;
import io.github.packer2aib.grammar.hcl.HclParser.BlockContext;
import io.github.packer2aib.grammar.hcl.HclParser.BodyItemContext;
import io.github.packer2aib.grammar.hcl.HclParser.ConditionalExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.ExprTermContext;
import io.github.packer2aib.grammar.hcl.HclParser.ExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.ForConditionContext;
import io.github.packer2aib.grammar.hcl.HclParser.ForIntroContext;
import io.github.packer2aib.grammar.hcl.HclParser.ForObjectExprContext;
import io.github.packer2aib.grammar.hcl.HclParser.ForTupleExprContext;
import io.github.packer2aib.grammar.hcl.HclParser.FullSplatOperatorContext;
import io.github.packer2aib.grammar.hcl.HclParser.FunctionArgumentsContext;
import io.github.packer2aib.grammar.hcl.HclParser.FunctionCallContext;
import io.github.packer2aib.grammar.hcl.HclParser.HeredocTemplateContext;
import io.github.packer2aib.grammar.hcl.HclParser.IndexOperatorContext;
import io.github.packer2aib.grammar.hcl.HclParser.ItemEndContext;
import io.github.packer2aib.grammar.hcl.HclParser.ObjectConsContext;
import io.github.packer2aib.grammar.hcl.HclParser.ObjectElementContext;
import io.github.packer2aib.grammar.hcl.HclParser.ObjectSeparatorContext;
import io.github.packer2aib.grammar.hcl.HclParser.OneLineBlockBodyContext;
import io.github.packer2aib.grammar.hcl.HclParser.ParenthesizedTermContext;
import io.github.packer2aib.grammar.hcl.HclParser.PostfixOperatorContext;
import io.github.packer2aib.grammar.hcl.HclParser.PrimaryTermContext;
import io.github.packer2aib.grammar.hcl.HclParser.QuotedLabelContext;
import io.github.packer2aib.grammar.hcl.HclParser.QuotedTemplateContext;
import io.github.packer2aib.grammar.hcl.HclParser.StandaloneExpressionContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateElseContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateEndForContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateEndIfContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateForContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateIfContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplateInterpolationContext;
import io.github.packer2aib.grammar.hcl.HclParser.TemplatePartContext;
import io.github.packer2aib.grammar.hcl.HclParser.TupleConsContext;
import java.util.List;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns an ANTLR recognition error into an HCL-style diagnostic. It looks at the rule the parser
 * was in (innermost first), what it had already matched there and the token it could not use, and
 * says in words what is wrong and how to fix it. ANTLR's own messages never reach users.
 */
final class SyntaxErrorTranslator {
  private static final List<String> DIRECTIVE_KEYWORDS =
      List.of("if", "else", "endif", "for", "endfor");

  private final Locator locator;

  SyntaxErrorTranslator(Locator locator) {
    this.locator = locator;
  }

  /** The diagnostic for a recognition error. */
  Diagnostic translate(Parser parser, RecognitionException e) {
    TokenStream tokens = parser.getInputStream();
    Token offending = HclErrorStrategy.offendingToken(parser, e);
    Diagnostic universal = universal(offending);
    if (universal != null) {
      return universal;
    }
    Problem problem = new Problem(tokens, offending, e);
    for (RuleContext c = e.getCtx(); c != null; c = c.getParent()) {
      Diagnostic d = inContext((ParserRuleContext) c, problem);
      if (d != null) {
        return d;
      }
    }
    IntervalSet expected = expectedTokens(parser, e);
    return diagnostic(
        HclSyntaxCode.SYNTAX_ERROR,
        offending,
        "Expected "
            + TokenDescriptions.expectedSet(expected)
            + ", but found "
            + found(offending)
            + ".");
  }

  /** A token in a body that cannot start an attribute or block. */
  Diagnostic junkInBody(Token token) {
    Diagnostic universal = universal(token);
    if (universal != null) {
      return universal;
    }
    switch (token.getType()) {
      case HclLexer.QUOTE:
        return diagnostic(
            HclSyntaxCode.INVALID_ARGUMENT_NAME,
            token,
            "Argument and block names are written without quotes. Remove the quotes around the"
                + " name.");
      case HclLexer.RBRACE:
        return diagnostic(
            HclSyntaxCode.UNEXPECTED_CLOSING_BRACE,
            token,
            "This closing brace has no block to close. Remove it, or check the braces of the"
                + " block above.");
      default:
        return diagnostic(
            HclSyntaxCode.ARGUMENT_OR_BLOCK_REQUIRED,
            token,
            "An argument or block definition is required here, but found "
                + found(token)
                + ". Each line of a body is an argument (name = value) or a block"
                + " (name { ... }).");
    }
  }

  /**
   * What to write instead of an invalid character that users of other languages type (HCL's own
   * messages give these hints for quotes and operators), with its leading space; empty for others.
   */
  private static String invalidCharacterHint(String text) {
    return switch (text) {
      case "'" -> " Write strings in double quotes (\"...\"): HCL has no single-quoted strings.";
      case "&" -> " HCL has no bitwise operators: for a logical AND, write \"&&\".";
      case "|" -> " HCL has no bitwise operators: for a logical OR, write \"||\".";
      case "`" ->
          " For a string of several lines, write a heredoc: <<EOT on the first line, the text,"
              + " then EOT on a line of its own.";
      case ";" ->
          " Put each argument or block on a line of its own, and separate the items of a list or"
              + " an object with commas.";
      case "$" ->
          " An interpolation is written inside a quoted string (\"${var.name}\"); outside one,"
              + " refer to the value directly (var.name).";
      default -> "";
    };
  }

  /**
   * Problems that read the same wherever they occur: a token that is an error in itself (an invalid
   * character, an unterminated comment), whatever the parser makes of it; null for any other.
   */
  Diagnostic universal(Token offending) {
    switch (offending.getType()) {
      case HclLexer.INVALID_CHARACTER:
      case HclLexer.BYTE_ORDER_MARK:
        String text = offending.getText();
        if ("\r".equals(text)) {
          return diagnostic(
              HclSyntaxCode.INVALID_CHARACTER,
              offending,
              "A carriage return (U+000D) is allowed only as part of a CR LF line break. Remove"
                  + " it, or save the file with consistent line endings.");
        }
        if ("~".equals(text)) {
          return diagnostic(
              HclSyntaxCode.INVALID_CHARACTER,
              offending,
              "The character \"~\" is used only as a strip marker, written right next to the"
                  + " brace of a template sequence: \"${~\", \"~}\", \"%{~\".");
        }
        if ("\uFEFF".equals(text) && offending.getStartIndex() == 0) {
          // Only reached when the file's own mark was removed as it was read.
          return diagnostic(
              HclSyntaxCode.INVALID_CHARACTER,
              offending,
              "The file starts with two byte order marks (U+FEFF), and only one is allowed (as"
                  + " in Packer). Remove the second.");
        }
        if ("\uFEFF".equals(text)) {
          return diagnostic(
              HclSyntaxCode.INVALID_CHARACTER,
              offending,
              "A byte order mark (U+FEFF) is allowed only at the very start of a file. Remove it.");
        }
        return diagnostic(
            HclSyntaxCode.INVALID_CHARACTER,
            offending,
            "The character "
                + TokenDescriptions.quoteCharacter(text)
                + " is not used in HCL outside strings and comments."
                + invalidCharacterHint(text));
      case HclLexer.UNTERMINATED_BLOCK_COMMENT:
        int start = locator.offset(offending.getStartIndex());
        return Diagnostic.of(
            HclSyntaxCode.UNTERMINATED_COMMENT,
            locator.range(start, start + 2),
            "This comment has no closing \"*/\" before the end of the file. Add \"*/\" where the"
                + " comment should end.");
      default:
        return null;
    }
  }

  private Diagnostic inContext(ParserRuleContext ctx, Problem p) {
    if (ctx instanceof ItemEndContext) {
      return itemEnd(ctx, p);
    }
    if (ctx instanceof BlockContext block) {
      return block(block, p);
    }
    if (ctx instanceof BlockBodyContext body) {
      return blockBody(body, p);
    }
    if (ctx instanceof BodyItemContext item) {
      return bodyItem(item, p);
    }
    if (ctx instanceof QuotedTemplateContext || ctx instanceof QuotedLabelContext) {
      return unterminatedString(ctx, p);
    }
    if (ctx instanceof HeredocTemplateContext heredoc) {
      return unclosedHeredoc(heredoc, p);
    }
    if (ctx instanceof TemplateInterpolationContext interpolation) {
      return interpolation(interpolation, p);
    }
    if (ctx instanceof TemplateForContext) {
      return forDirective(ctx, p);
    }
    if (ctx instanceof TemplateIfContext
        || ctx instanceof TemplateElseContext
        || ctx instanceof TemplateEndIfContext
        || ctx instanceof TemplateEndForContext) {
      return directiveEnd(ctx, p);
    }
    if (ctx instanceof TemplatePartContext) {
      return directiveKeyword(ctx, p);
    }
    if (ctx instanceof ConditionalExpressionContext conditional
        && conditional.trueResult != null
        && conditional.COLON() == null
        && !p.isNoViableAlt()) {
      return conditional(conditional, p);
    }
    if (ctx instanceof ExpressionContext
        || ctx instanceof ExprTermContext
        || ctx instanceof PrimaryTermContext) {
      Diagnostic d = expression(ctx, p);
      if (d != null) {
        return d;
      }
    }
    if (ctx instanceof ParenthesizedTermContext paren) {
      return parenthesis(paren, p);
    }
    if (ctx instanceof TupleConsContext tuple) {
      return tuple(tuple, p);
    }
    if (ctx instanceof ObjectElementContext element) {
      return objectElement(element, p);
    }
    if (ctx instanceof ObjectConsContext || ctx instanceof ObjectSeparatorContext) {
      return object(ctx, p);
    }
    if (ctx instanceof FunctionCallContext || ctx instanceof FunctionArgumentsContext) {
      return functionCall(ctx, p);
    }
    if (ctx instanceof IndexOperatorContext || ctx instanceof FullSplatOperatorContext) {
      return diagnostic(
          HclSyntaxCode.MISSING_INDEX_BRACKET,
          p.offending,
          ctx instanceof FullSplatOperatorContext
              ? "The star of a full splat \"[*]\" must be followed directly by a closing bracket"
                  + " \"]\", but found "
                  + found(p.offending)
                  + "."
              : "Expected a closing bracket \"]\" to end the index, but found "
                  + found(p.offending)
                  + ".");
    }
    if (ctx instanceof PostfixOperatorContext) {
      return attributeName(p);
    }
    if (ctx instanceof ForIntroContext
        || ctx instanceof ForTupleExprContext
        || ctx instanceof ForObjectExprContext
        || ctx instanceof ForConditionContext) {
      return forExpression(ctx, p);
    }
    if (ctx instanceof StandaloneExpressionContext) {
      return diagnostic(
          HclSyntaxCode.EXTRA_CHARACTERS_AFTER_EXPRESSION,
          p.offending,
          "The expression ends before "
              + found(p.offending)
              + ". Remove the extra text, or join it to the expression with an operator.");
    }
    return null;
  }

  // ---- structure --------------------------------------------------------------------------

  private Diagnostic itemEnd(ParserRuleContext ctx, Problem p) {
    if (ctx.getParent() instanceof BlockContext block) {
      return diagnostic(
          HclSyntaxCode.MISSING_NEWLINE_AFTER_BLOCK,
          p.offending,
          "A block definition must end with a newline, but the \""
              + block.type.getText()
              + "\" block is followed by "
              + found(p.offending)
              + " on the same line. Start the next item on a new line.");
    }
    String name = ctx.getParent() instanceof BodyItemContext item ? item.getStart().getText() : "";
    if (p.offending.getType() == HclLexer.COMMA) {
      return diagnostic(
          HclSyntaxCode.UNEXPECTED_COMMA_AFTER_ARGUMENT,
          p.offending,
          "Arguments are separated by newlines, not commas. Remove the comma and put the next"
              + " argument on its own line.");
    }
    return diagnostic(
        HclSyntaxCode.MISSING_NEWLINE_AFTER_ARGUMENT,
        p.offending,
        "An argument definition must end with a newline, but the value of \""
            + name
            + "\" is followed by "
            + found(p.offending)
            + ". Put the next argument on a new line, or join the values with an operator.");
  }

  private Diagnostic bodyItem(BodyItemContext item, Problem p) {
    Token name = item.getStart();
    return diagnostic(
        HclSyntaxCode.ARGUMENT_OR_BLOCK_REQUIRED,
        name,
        "An argument or block definition is required here. To set an argument, use an equals"
            + " sign: "
            + name.getText()
            + " = value. To define a block, add an opening brace: "
            + name.getText()
            + " { ... }.");
  }

  private Diagnostic block(BlockContext block, Problem p) {
    Token off = p.offending;
    if (block.LBRACE() == null) {
      String detail;
      switch (off.getType()) {
        case HclLexer.EQ:
          detail =
              "The equals sign \"=\" introduces an argument and cannot follow block labels. Write"
                  + " an argument as name = value, or a block as name \"label\" { ... }.";
          break;
        case HclLexer.NEWLINE:
          detail = "A block's opening brace \"{\" must be on the same line as its type and labels.";
          break;
        default:
          detail =
              "Expected a block label (a quoted string or a name) or an opening brace \"{\", but"
                  + " found "
                  + found(off)
                  + ".";
      }
      return diagnostic(HclSyntaxCode.INVALID_BLOCK_DEFINITION, off, detail);
    }
    if (off.getType() == Token.EOF) {
      return unclosedBlock(block);
    }
    String opened = locator.token(block.LBRACE().getSymbol()).toString();
    if (block.blockBody() != null && block.blockBody().getStart().getType() != HclLexer.NEWLINE) {
      // A single-line block that does not close right after its argument: HCL reports each such
      // case as an invalid single-argument block (not a missing brace), with one of three details.
      String detail;
      switch (off.getType()) {
        case HclLexer.COMMA:
          detail =
              "A block written on one line holds a single argument, so a comma cannot start"
                  + " another. Write the block over several lines, with one argument per line.";
          break;
        case HclLexer.NEWLINE:
          detail =
              "The argument on the same line as this block's opening brace (at "
                  + opened
                  + ") makes it a single-line block, which must also close on that line. Put the"
                  + " closing brace \"}\" right after the argument, or start the block's body on"
                  + " a new line after \"{\" to write it over several lines.";
          break;
        default:
          detail =
              "A block written on one line (opened at "
                  + opened
                  + ") must end with a closing brace \"}\" right after its single argument, but"
                  + " found "
                  + found(off)
                  + ". To write a longer block, start its body on a new line after \"{\", with"
                  + " one argument per line.";
      }
      return diagnostic(HclSyntaxCode.INVALID_SINGLE_ARGUMENT_BLOCK, off, detail);
    }
    // A multi-line body ends only at "}" or the end of the file (HCL reads any other token as the
    // start of an item), so whatever stopped it is a misplaced item, as HCL reports it.
    return junkInBody(off);
  }

  private Diagnostic unclosedBlock(BlockContext block) {
    return Diagnostic.of(
        HclSyntaxCode.UNCLOSED_BLOCK,
        locator.token(block.LBRACE().getSymbol()),
        "There is no closing brace for this block before the end of the file. This may be caused"
            + " by incorrect brace nesting elsewhere in this file.");
  }

  private Diagnostic blockBody(BlockBodyContext body, Problem p) {
    Token start = p.start();
    if (start.getType() == Token.EOF && body.getParent() instanceof BlockContext block) {
      return unclosedBlock(block);
    }
    if (body instanceof OneLineBlockBodyContext oneLine && oneLine.EQ() == null) {
      Token off = p.offending;
      if (off.getType() == HclLexer.LBRACE
          || off.getType() == HclLexer.QUOTE
          || isName(off.getType())) {
        start = oneLine.getStart();
      } else {
        return diagnostic(
            HclSyntaxCode.ARGUMENT_DEFINITION_REQUIRED,
            off,
            "A block written on one line holds a single argument, as name = value: expected an"
                + " equals sign after \""
                + oneLine.getStart().getText()
                + "\", but found "
                + found(off)
                + ".");
      }
    }
    if (isName(start.getType())) {
      return diagnostic(
          HclSyntaxCode.ARGUMENT_DEFINITION_REQUIRED,
          start,
          "A block written on one line can hold only a single argument, as name = value. To"
              + " nest the block \""
              + start.getText()
              + "\", put it on its own line inside the outer block's braces.");
    }
    return diagnostic(
        HclSyntaxCode.ARGUMENT_OR_BLOCK_REQUIRED,
        start,
        "Expected an argument, or a newline to start the block's body, after the opening brace,"
            + " but found "
            + found(start)
            + ".");
  }

  // ---- templates --------------------------------------------------------------------------

  private Diagnostic unterminatedString(ParserRuleContext ctx, Problem p) {
    Token open = ctx.getStart();
    Range subject =
        locator.range(
            locator.offset(open.getStartIndex()), locator.offset(p.offending.getStartIndex()));
    String where =
        p.offending.getType() == Token.EOF ? "the end of the file" : "the end of the line";
    return Diagnostic.of(
        HclSyntaxCode.UNTERMINATED_TEMPLATE_STRING,
        subject,
        "This string has no closing quote before "
            + where
            + ". A quoted string must end on the line where it starts: for text over several"
            + " lines, use \\n escapes or a heredoc (<<EOT).");
  }

  private Diagnostic unclosedHeredoc(HeredocTemplateContext heredoc, Problem p) {
    Token start = heredoc.HEREDOC_START().getSymbol();
    String text = start.getText().strip();
    String marker = text.substring(text.startsWith("<<-") ? 3 : 2);
    int begin = locator.offset(start.getStartIndex());
    Range subject = locator.range(begin, begin + text.length());
    if (lastLineIsMarker(marker)) {
      return Diagnostic.of(
          HclSyntaxCode.UNCLOSED_HEREDOC,
          subject,
          "The closing line \""
              + marker
              + "\" is the end of the file, with no line break after it. HCL closes a heredoc"
              + " only at a marker line that ends with a line break (Packer reports"
              + " \"Unterminated template string\"): add a newline at the end of the file.");
    }
    return Diagnostic.of(
        HclSyntaxCode.UNCLOSED_HEREDOC,
        subject,
        "There is no line holding only \""
            + marker
            + "\" to close this heredoc, so it runs to the end of the file. Add a line that"
            + " contains just "
            + marker
            + " (spaces around it are allowed) after the heredoc's last line.");
  }

  /**
   * Whether the file's last line, which has no line break after it, holds only {@code marker}
   * (spaces and tabs around it allowed): a heredoc that would close there if the line ended.
   */
  private boolean lastLineIsMarker(String marker) {
    String text = locator.file().text();
    int start = text.lastIndexOf('\n') + 1;
    int end = text.length();
    while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return text.substring(start, end).equals(marker);
  }

  private Diagnostic interpolation(TemplateInterpolationContext ctx, Problem p) {
    if (ctx.expression() == null) {
      return null;
    }
    Token open = ctx.INTERPOLATION_START().getSymbol();
    switch (p.offending.getType()) {
      case HclLexer.COLON:
        return diagnostic(
            HclSyntaxCode.EXTRA_CHARACTERS_AFTER_INTERPOLATION,
            p.offending,
            "A colon is not expected in an interpolation. If this \"${\" belongs to another"
                + " language, such as a shell script, escape it as \"$${\" so that HCL leaves it"
                + " alone.");
      case Token.EOF:
        return diagnostic(
            HclSyntaxCode.UNCLOSED_INTERPOLATION,
            open,
            "There is no closing brace for this interpolation sequence before the end of the"
                + " file. This may be caused by incorrect nesting inside its expression.");
      case HclLexer.QUOTE:
        return diagnostic(
            HclSyntaxCode.UNCLOSED_INTERPOLATION,
            open,
            "There is no closing brace for this interpolation sequence before the end of the"
                + " string. Add \"}\" after the expression.");
      default:
        return diagnostic(
            HclSyntaxCode.EXTRA_CHARACTERS_AFTER_INTERPOLATION,
            p.offending,
            "Expected a closing brace \"}\" to end the interpolation, but found "
                + found(p.offending)
                + ". If this \"${\" belongs to another language, such as a shell script, escape"
                + " it as \"$${\" so that HCL leaves it alone.");
    }
  }

  private Diagnostic directiveEnd(ParserRuleContext ctx, Problem p) {
    if (ctx instanceof TemplateIfContext ifContext && ifContext.expression() == null) {
      return null;
    }
    String keyword = ctx.getChild(1).getText();
    return diagnostic(
        HclSyntaxCode.EXTRA_CHARACTERS_IN_DIRECTIVE,
        p.offending,
        "Expected a closing brace \"}\" to end the \"%{ "
            + keyword
            + " }\" directive, but found "
            + found(p.offending)
            + ".");
  }

  private Diagnostic forDirective(ParserRuleContext ctx, Problem p) {
    TemplateForContext f = (TemplateForContext) ctx;
    if (f.collection != null) {
      return directiveEnd(ctx, p);
    }
    String detail;
    if (f.first == null) {
      detail = "A \"%{ for }\" directive needs a variable name after \"for\", but found ";
    } else if (f.IN() == null && p.previous().getType() == HclLexer.COMMA) {
      detail = "A \"%{ for }\" directive needs a second variable name after the comma, but found ";
    } else {
      detail =
          "A \"%{ for }\" directive needs the keyword \"in\" after its variable names, but found ";
    }
    return diagnostic(
        HclSyntaxCode.INVALID_FOR_DIRECTIVE, p.offending, detail + found(p.offending) + ".");
  }

  private Diagnostic directiveKeyword(ParserRuleContext ctx, Problem p) {
    if (ctx.getStart().getType() != HclLexer.DIRECTIVE_START) {
      return null;
    }
    Token keyword = p.next(ctx.getStart());
    if (keyword.getType() == HclLexer.IDENTIFIER) {
      String given = keyword.getText();
      String suggestion = Suggestions.closest(given, DIRECTIVE_KEYWORDS);
      return diagnostic(
          HclSyntaxCode.INVALID_TEMPLATE_KEYWORD,
          keyword,
          "\""
              + given
              + "\" is not a template directive. A directive is one of if, else, endif, for and"
              + " endfor."
              + (suggestion == null ? "" : " Did you mean \"" + suggestion + "\"?"));
    }
    return diagnostic(
        HclSyntaxCode.INVALID_TEMPLATE_DIRECTIVE,
        keyword,
        "A directive keyword (if, else, endif, for or endfor) must follow \"%{\", but found "
            + found(keyword)
            + ". To write \"%{\" as text, escape it as \"%%{\".");
  }

  // ---- expressions ------------------------------------------------------------------------

  /** A term that cannot start, or a dot without an attribute name after it. */
  private Diagnostic expression(ParserRuleContext ctx, Problem p) {
    Token off = p.offending;
    if (p.previous().getType() == HclLexer.DOT
        && off.getTokenIndex() > ctx.getStart().getTokenIndex()) {
      return attributeName(p);
    }
    if (ctx instanceof PrimaryTermContext && p.isNoViableAlt()) {
      Token start = p.start();
      if ((start.getType() == HclLexer.LBRACKET || start.getType() == HclLexer.LBRACE)
          && p.next(start).getType() == HclLexer.FOR) {
        return diagnostic(
            HclSyntaxCode.INVALID_FOR_EXPRESSION,
            off,
            "This 'for' expression is incomplete at "
                + found(off)
                + ". It is written [for v in collection : value] or {for k, v in collection : key"
                + " => value}.");
      }
    }
    if (!p.isNoViableAlt() && !(ctx instanceof ExpressionContext)) {
      return null;
    }
    if (off.getType() == Token.EOF) {
      return diagnostic(
          HclSyntaxCode.MISSING_EXPRESSION,
          off,
          "Expected the start of an expression, but found the end of the file.");
    }
    return diagnostic(
        HclSyntaxCode.INVALID_EXPRESSION,
        off,
        "Expected the start of an expression, but found " + found(off) + ".");
  }

  private Diagnostic attributeName(Problem p) {
    return diagnostic(
        HclSyntaxCode.INVALID_ATTRIBUTE_NAME,
        p.offending,
        "An attribute name is required after a dot, but found " + found(p.offending) + ".");
  }

  private Diagnostic conditional(ConditionalExpressionContext ctx, Problem p) {
    return diagnostic(
        HclSyntaxCode.MISSING_FALSE_EXPRESSION,
        p.offending,
        "The conditional operator (condition ? true_value : false_value) needs a colon and a"
            + " false value after the true value, but found "
            + found(p.offending)
            + ".");
  }

  private Diagnostic parenthesis(ParenthesizedTermContext ctx, Problem p) {
    return diagnostic(
        HclSyntaxCode.UNBALANCED_PARENTHESES,
        p.offending,
        "Expected a closing parenthesis \")\" to end the expression opened at "
            + locator.token(ctx.LPAREN().getSymbol())
            + ", but found "
            + found(p.offending)
            + ".");
  }

  private Diagnostic tuple(TupleConsContext ctx, Problem p) {
    if (p.offending.getType() == Token.EOF) {
      return Diagnostic.of(
          HclSyntaxCode.UNTERMINATED_TUPLE,
          locator.token(ctx.LBRACKET().getSymbol()),
          "There is no closing bracket for this tuple before the end of the file. This may be"
              + " caused by incorrect bracket nesting elsewhere in this file.");
    }
    int previous = p.previous().getType();
    if (previous == HclLexer.LBRACKET || previous == HclLexer.COMMA) {
      return diagnostic(
          HclSyntaxCode.INVALID_EXPRESSION,
          p.offending,
          "Expected the start of an expression or a closing bracket \"]\", but found "
              + found(p.offending)
              + ".");
    }
    return diagnostic(
        HclSyntaxCode.MISSING_ITEM_SEPARATOR,
        p.offending,
        "Expected a comma or a closing bracket \"]\" after this tuple element, but found "
            + found(p.offending)
            + ".");
  }

  private Diagnostic object(ParserRuleContext ctx, Problem p) {
    ObjectConsContext object =
        ctx instanceof ObjectConsContext o ? o : (ObjectConsContext) ctx.getParent();
    if (p.offending.getType() == Token.EOF) {
      return Diagnostic.of(
          HclSyntaxCode.UNTERMINATED_OBJECT,
          locator.token(object.LBRACE().getSymbol()),
          "There is no closing brace for this object before the end of the file. This may be"
              + " caused by incorrect brace nesting elsewhere in this file.");
    }
    int previous = p.previous().getType();
    if (previous == HclLexer.LBRACE || previous == HclLexer.COMMA || previous == HclLexer.NEWLINE) {
      return diagnostic(
          HclSyntaxCode.INVALID_EXPRESSION,
          p.offending,
          "Expected an attribute name, a key expression or a closing brace \"}\", but found "
              + found(p.offending)
              + ".");
    }
    return diagnostic(
        HclSyntaxCode.MISSING_ATTRIBUTE_SEPARATOR,
        p.offending,
        "Expected a newline or a comma after this object attribute, but found "
            + found(p.offending)
            + ".");
  }

  private Diagnostic objectElement(ObjectElementContext ctx, Problem p) {
    if (ctx.key == null || ctx.EQ() != null || ctx.COLON() != null) {
      return null;
    }
    if (p.offending.getType() == Token.EOF) {
      return object(ctx.getParent() instanceof ObjectConsContext o ? o : ctx, p);
    }
    String hint =
        isName(p.offending.getType())
            ? " To use a key containing periods or spaces, write it in quotes."
            : "";
    return diagnostic(
        HclSyntaxCode.MISSING_KEY_VALUE_SEPARATOR,
        p.offending,
        "Expected an equals sign \"=\" (or a colon) after the key of this object attribute, but"
            + " found "
            + found(p.offending)
            + "."
            + hint);
  }

  private Diagnostic functionCall(ParserRuleContext ctx, Problem p) {
    FunctionCallContext call =
        ctx instanceof FunctionCallContext f ? f : (FunctionCallContext) ctx.getParent();
    String name = call.identifier(0) == null ? "the function" : functionName(call);
    if (call.LPAREN() == null) {
      return diagnostic(
          HclSyntaxCode.INVALID_EXPRESSION,
          p.offending,
          "Expected a function name after \"::\" followed by \"(\", but found "
              + found(p.offending)
              + ".");
    }
    if (p.offending.getType() == Token.EOF) {
      return Diagnostic.of(
          HclSyntaxCode.UNTERMINATED_FUNCTION_CALL,
          locator.span(call.getStart(), call.LPAREN().getSymbol()),
          "There is no closing parenthesis for this call of "
              + name
              + " before the end of the file. This may be caused by incorrect parenthesis"
              + " nesting elsewhere in this file.");
    }
    int previous = p.previous().getType();
    if (previous == HclLexer.ELLIPSIS) {
      return diagnostic(
          HclSyntaxCode.MISSING_CLOSING_PARENTHESIS,
          p.offending,
          "An argument expanded with \"...\" must be the last one: expected \")\" right after"
              + " \"...\", but found "
              + found(p.offending)
              + ".");
    }
    if (previous == HclLexer.LPAREN || previous == HclLexer.COMMA) {
      return diagnostic(
          HclSyntaxCode.INVALID_EXPRESSION,
          p.offending,
          "Expected the start of an expression or a closing parenthesis \")\", but found "
              + found(p.offending)
              + ".");
    }
    return diagnostic(
        HclSyntaxCode.MISSING_ARGUMENT_SEPARATOR,
        p.offending,
        "Expected a comma or a closing parenthesis \")\" after this argument of "
            + name
            + ", but found "
            + found(p.offending)
            + ".");
  }

  private static String functionName(FunctionCallContext call) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < call.identifier().size(); i++) {
      name.append(i == 0 ? "" : "::").append(call.identifier(i).getText());
    }
    return name.toString();
  }

  private Diagnostic forExpression(ParserRuleContext ctx, Problem p) {
    String detail;
    if (ctx instanceof ForIntroContext intro) {
      if (intro.first == null) {
        detail = "A 'for' expression needs a variable name after \"for\", but found ";
      } else if (intro.IN() == null && p.previous().getType() == HclLexer.COMMA) {
        detail = "A 'for' expression needs a second variable name after the comma, but found ";
      } else if (intro.IN() == null) {
        detail = "A 'for' expression needs the keyword \"in\" after its variable names, but found ";
      } else {
        detail =
            "A 'for' expression needs a colon \":\" after its collection expression, but found ";
      }
    } else if (ctx instanceof ForObjectExprContext object
        && object.key != null
        && object.ARROW() == null) {
      detail = "An object 'for' expression needs \"=>\" between its key and value, but found ";
    } else if (ctx instanceof ForObjectExprContext) {
      detail =
          "Expected a closing brace \"}\" to end the 'for' expression (after an optional \"...\""
              + " and \"if\" condition), but found ";
    } else if (ctx instanceof ForTupleExprContext) {
      detail =
          "Expected a closing bracket \"]\" to end the 'for' expression (after an optional \"if\""
              + " condition), but found ";
    } else {
      return null;
    }
    return diagnostic(
        HclSyntaxCode.INVALID_FOR_EXPRESSION, p.offending, detail + found(p.offending) + ".");
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static IntervalSet expectedTokens(Parser parser, RecognitionException e) {
    try {
      IntervalSet set = e.getExpectedTokens();
      return set != null ? set : parser.getExpectedTokens();
    } catch (IllegalArgumentException | IllegalStateException ex) {
      return new IntervalSet();
    }
  }

  private static boolean isName(int type) {
    switch (type) {
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
        return true;
      default:
        return false;
    }
  }

  private Diagnostic diagnostic(HclSyntaxCode code, Token subject, String detail) {
    return Diagnostic.of(code, locator.token(subject), detail);
  }

  /** The error being translated, with token-stream navigation around it. */
  private static final class Problem {
    final TokenStream tokens;
    final Token offending;
    final RecognitionException exception;

    Problem(TokenStream tokens, Token offending, RecognitionException exception) {
      this.tokens = tokens;
      this.offending = offending;
      this.exception = exception;
    }

    boolean isNoViableAlt() {
      return exception instanceof NoViableAltException;
    }

    /** Where prediction started for a no-viable-alternative error; else the offending token. */
    Token start() {
      if (exception instanceof NoViableAltException nva && nva.getStartToken() != null) {
        return nva.getStartToken();
      }
      return offending;
    }

    /** The visible token before the offending one. */
    Token previous() {
      for (int i = offending.getTokenIndex() - 1; i >= 0; i--) {
        Token t = tokens.get(i);
        if (t.getChannel() == Token.DEFAULT_CHANNEL) {
          return t;
        }
      }
      return offending;
    }

    /** The visible token after {@code token}. */
    Token next(Token token) {
      for (int i = token.getTokenIndex() + 1; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        if (t.getChannel() == Token.DEFAULT_CHANNEL) {
          return t;
        }
      }
      return token;
    }
  }
}
