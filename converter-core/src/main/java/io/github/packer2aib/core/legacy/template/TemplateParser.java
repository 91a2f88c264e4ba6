package io.github.packer2aib.core.legacy.template;

import io.github.packer2aib.grammar.gotemplate.GoTemplateLexer;
import io.github.packer2aib.grammar.gotemplate.GoTemplateParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Reads a template string of legacy Packer JSON ({@code "ami-{{timestamp}}"}) into its nodes, as
 * Go's {@code text/template} parser does, and reports the first syntax error in Go's terms with its
 * span. Never throws for bad input; ANTLR types stay inside this class.
 */
public final class TemplateParser {
  private TemplateParser() {}

  /** Parentheses nested deeper than this are rejected before parsing (real templates use 2). */
  static final int MAX_NESTING = 100;

  /** The operand a value keyword ({@code true}, {@code false}, {@code nil}) stands for, or null. */
  static Operand valueKeyword(String name, Span span) {
    switch (name) {
      case "true":
        return new Operand.BoolLiteral(true, span);
      case "false":
        return new Operand.BoolLiteral(false, span);
      case "nil":
        return new Operand.Nil(span);
      default:
        return null;
    }
  }

  /** Go's keywords; {@code true}, {@code false} and {@code nil} are values, the rest control. */
  static final Set<String> CONTROL_KEYWORDS =
      Set.of(
          "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue");

  static String controlActionDetail(String name) {
    return "The control action \""
        + name
        + "\" is not supported by packer2aib: legacy templates are converted without"
        + " conditionals or loops. Compute the value with a user variable instead.";
  }

  public static ParsedTemplate parse(String text) {
    if (!text.contains("{{")) {
      // No action can start: the whole string is text (the common case, kept cheap).
      List<TemplateNode> nodes =
          text.isEmpty()
              ? List.of()
              : List.of(new TemplateNode.Text(text, new Span(0, text.length())));
      return new ParsedTemplate(text, nodes, Optional.empty());
    }
    if (text.length() > MAX_REMEMBERED_LENGTH) {
      return read(text);
    }
    ParsedTemplate known = RECENT.get(text);
    if (known != null) {
      return known;
    }
    ParsedTemplate parsed = read(text);
    if (RECENT.size() >= MAX_REMEMBERED) {
      RECENT.clear();
    }
    RECENT.put(text, parsed);
    return parsed;
  }

  /**
   * A plainly valid string is read by {@link TemplateDescent} (ANTLR's lexer and parser are slow in
   * C1 code); anything else by ANTLR, which also names the problem.
   */
  private static ParsedTemplate read(String text) {
    ParsedTemplate valid = TemplateDescent.read(text);
    if (valid != null) {
      return valid;
    }
    int actions = actionCount(text);
    if (actions > MAX_SLOW_ACTIONS) {
      return tooManyActions(text, actions);
    }
    return parseWithAntlr(text);
  }

  /**
   * The most {@code {{} one string may hold when ANTLR must read it. ANTLR keeps every token and
   * the whole tree of the string, several kilobytes per action: 240,000 actions took 1.5 GB, and a
   * few such strings in a bulk run's 1 GB heap stalled it. Strings that {@link TemplateDescent}
   * reads have no limit but the length of a value.
   */
  static final int MAX_SLOW_ACTIONS = 10_000;

  /** How many times {@code {{} occurs: the actions of the string, and any inside its strings. */
  private static int actionCount(String text) {
    int n = 0;
    for (int i = text.indexOf("{{"); i >= 0; i = text.indexOf("{{", i + 2)) {
      n++;
    }
    return n;
  }

  private static ParsedTemplate tooManyActions(String text, int actions) {
    int at = Math.max(0, TemplateDescent.firstUnreadAction(text));
    return new ParsedTemplate(
        text,
        List.of(),
        Optional.of(
            new TemplateProblem(
                GoTemplateCode.TOO_MANY_ACTIONS,
                new Span(at, Math.min(text.length(), at + 2)),
                String.format(
                    Locale.ROOT,
                    "This string holds %,d {{ }} actions, and this one needs the converter's"
                        + " slower parser (as comments, control actions such as if, template"
                        + " variables, character constants, numbers other than plain integers"
                        + " and mistakes do), which takes several kilobytes of memory per action"
                        + " and so reads at most %,d in one string. Split the string into"
                        + " several, or write its actions as function calls on strings and"
                        + " integers.",
                    actions,
                    MAX_SLOW_ACTIONS))));
  }

  /** The ANTLR path alone: what {@link TemplateDescent} must agree with. */
  static ParsedTemplate parseWithAntlr(String text) {
    return new Run(text).parse();
  }

  /**
   * Parses of recent short strings. The same strings ({@code {{user `client_id`}}}, {@code
   * {{timestamp}}}, {@code {{ .Vars }} sudo -E sh '{{ .Path }}'}) recur in nearly every legacy
   * template, and a parse depends on the text alone and is immutable, so a run over a repository
   * parses each of them once. Bounded: emptied when full.
   */
  private static final Map<String, ParsedTemplate> RECENT = new ConcurrentHashMap<>();

  private static final int MAX_REMEMBERED = 4096;
  private static final int MAX_REMEMBERED_LENGTH = 200;

  /** One parse of one string. */
  private static final class Run {
    private final String text;
    private final int[] utf16;
    private List<Token> tokens;

    Run(String text) {
      this.text = text;
      int codePoints = text.codePointCount(0, text.length());
      if (codePoints == text.length()) {
        utf16 = null;
      } else {
        utf16 = new int[codePoints + 1];
        int offset = 0;
        for (int i = 0; i < codePoints; i++) {
          utf16[i] = offset;
          offset += Character.charCount(text.codePointAt(offset));
        }
        utf16[codePoints] = text.length();
      }
    }

    ParsedTemplate parse() {
      GoTemplateLexer lexer = new GoTemplateLexer(CharStreams.fromString(text));
      lexer.removeErrorListeners();
      lexer.addErrorListener(
          new BaseErrorListener() {
            @Override
            public void syntaxError(
                Recognizer<?, ?> recognizer,
                Object offendingSymbol,
                int line,
                int charPositionInLine,
                String msg,
                RecognitionException e) {
              // Every character matches some lexer rule, so this is a bug in the grammar.
              throw new IllegalStateException("template lexer rejected input: " + msg);
            }
          });
      CommonTokenStream stream = new CommonTokenStream(lexer);
      stream.fill();
      tokens = stream.getTokens();
      Optional<TemplateProblem> tooDeep = nestingProblem();
      if (tooDeep.isPresent()) {
        return failed(tooDeep.get());
      }
      GoTemplateParser parser = new GoTemplateParser(stream);
      parser.removeErrorListeners();
      Token[] firstError = new Token[1];
      parser.addErrorListener(
          new BaseErrorListener() {
            @Override
            public void syntaxError(
                Recognizer<?, ?> recognizer,
                Object offendingSymbol,
                int line,
                int charPositionInLine,
                String msg,
                RecognitionException e) {
              if (firstError[0] == null) {
                firstError[0] = (Token) offendingSymbol;
              }
            }
          });
      GoTemplateParser.TemplateContext tree = parser.template();
      Optional<TemplateProblem> tokenProblem = firstBadToken(firstError[0]);
      if (tokenProblem.isPresent()) {
        return failed(tokenProblem.get());
      }
      if (firstError[0] != null) {
        return failed(controlAction(firstError[0]).orElseGet(() -> syntaxProblem(firstError[0])));
      }
      try {
        return new ParsedTemplate(text, new Builder().template(tree), Optional.empty());
      } catch (Problem p) {
        return failed(p.problem);
      }
    }

    private ParsedTemplate failed(TemplateProblem problem) {
      return new ParsedTemplate(text, List.of(), Optional.of(problem));
    }

    // -------------------------------------------------------------- positions

    int offset(int codePointIndex) {
      return utf16 == null ? codePointIndex : utf16[Math.min(codePointIndex, utf16.length - 1)];
    }

    Span span(Token t) {
      if (t.getType() == Token.EOF) {
        return new Span(text.length(), text.length());
      }
      return new Span(offset(t.getStartIndex()), offset(t.getStopIndex() + 1));
    }

    Span span(ParserRuleContext ctx) {
      Token stop = ctx.getStop() != null ? ctx.getStop() : ctx.getStart();
      return span(ctx.getStart()).to(span(stop));
    }

    String tokenText(Token t) {
      Span s = span(t);
      return text.substring(s.start(), s.end());
    }

    // -------------------------------------------------------------- token-level errors

    private Optional<TemplateProblem> nestingProblem() {
      int depth = 0;
      for (Token t : tokens) {
        if (t.getType() == GoTemplateLexer.LPAREN && ++depth > MAX_NESTING) {
          return Optional.of(
              new TemplateProblem(
                  GoTemplateCode.TOO_DEEPLY_NESTED,
                  span(t),
                  "Parentheses are nested more than "
                      + MAX_NESTING
                      + " deep here. Simplify the expression."));
        }
        if (t.getType() == GoTemplateLexer.RPAREN) {
          depth = Math.max(0, depth - 1);
        }
      }
      return Optional.empty();
    }

    /** The first malformed token at or before the parser's first error, if any. */
    private Optional<TemplateProblem> firstBadToken(Token parserError) {
      int limit = parserError == null ? Integer.MAX_VALUE : parserError.getTokenIndex();
      for (Token t : tokens) {
        if (t.getTokenIndex() > limit) {
          break;
        }
        Optional<TemplateProblem> p = badToken(t);
        if (p.isPresent()) {
          return p;
        }
      }
      return Optional.empty();
    }

    private Optional<TemplateProblem> badToken(Token t) {
      String s = tokenText(t);
      switch (t.getType()) {
        case GoTemplateLexer.UNCLOSED_STRING:
          return problem(
              GoTemplateCode.UNCLOSED_STRING,
              t,
              "This string has no closing quote before the end of the line. Close it with \".");
        case GoTemplateLexer.UNCLOSED_RAW_STRING:
          return problem(
              GoTemplateCode.UNCLOSED_STRING,
              t,
              "This raw string has no closing backquote (`). Close it with a backquote.");
        case GoTemplateLexer.UNCLOSED_CHAR:
          return problem(
              GoTemplateCode.UNCLOSED_STRING,
              t,
              "This character constant has no closing quote ('). Strings are written in double"
                  + " quotes or backquotes: \"text\" or `text`.");
        case GoTemplateLexer.UNCLOSED_COMMENT:
          return problem(
              GoTemplateCode.UNCLOSED_COMMENT,
              t,
              "This comment has no closing \"*/}}\". End it with */}}.");
        case GoTemplateLexer.BAD_COMMENT:
          return problem(
              GoTemplateCode.COMMENT_NOT_CLOSING,
              t,
              "A comment must end with \"*/\" directly followed by \"}}\" (or \" -}}\"); a"
                  + " comment cannot share an action with anything else.");
        case GoTemplateLexer.BAD_NUMBER:
          return problem(
              GoTemplateCode.INVALID_NUMBER,
              t,
              s.equals("-") || s.equals("+")
                  ? "A lone \""
                      + s
                      + "\" is not valid in an action. To trim the whitespace after an action,"
                      + " write a space before the marker: \" -}}\"."
                  : "\"" + s + "\" is not a valid number.");
        case GoTemplateLexer.OTHER:
          if (s.equals(",")) {
            // {{ range $i, $e := … }}: Go's syntax for a loop's two variables.
            Optional<TemplateProblem> control = controlAction(t);
            if (control.isPresent()) {
              return control;
            }
          }
          return problem(
              GoTemplateCode.UNEXPECTED_CHARACTER,
              t,
              "The character "
                  + describeCharacter(s)
                  + " cannot appear in an action. Write text outside {{ }}, or inside a quoted"
                  + " string.");
        default:
          return Optional.empty();
      }
    }

    private Optional<TemplateProblem> problem(GoTemplateCode code, Token t, String detail) {
      return Optional.of(new TemplateProblem(code, span(t), detail));
    }

    private static String describeCharacter(String s) {
      int cp = s.codePointAt(0);
      return String.format(Locale.ROOT, "\"%s\" (U+%04X)", s, cp);
    }

    // -------------------------------------------------------------- parser errors

    private TemplateProblem syntaxProblem(Token t) {
      if (t.getType() == Token.EOF) {
        Token open = lastOpeningDelimiter();
        return new TemplateProblem(
            GoTemplateCode.UNCLOSED_ACTION,
            open != null ? span(open) : span(t),
            "This action has no closing \"}}\". Close it with }}, or write \"{{\" in text as"
                + " {{ \"{{\" }}.");
      }
      Token previous = previousToken(t);
      switch (t.getType()) {
        case GoTemplateLexer.RIGHT_DELIM:
        case GoTemplateLexer.RIGHT_TRIM:
          if (insideParentheses(t)) {
            return new TemplateProblem(
                GoTemplateCode.INVALID_SYNTAX,
                span(t),
                "A parenthesis opened in this action is not closed. Add \")\".");
          }
          return new TemplateProblem(
              GoTemplateCode.INVALID_SYNTAX,
              span(t),
              "The action ends before its command is complete.");
        case GoTemplateLexer.RPAREN:
          return new TemplateProblem(
              GoTemplateCode.INVALID_SYNTAX,
              span(t),
              "This \")\" has no matching \"(\", or the parentheses hold no command.");
        case GoTemplateLexer.PIPE:
          return new TemplateProblem(
              GoTemplateCode.INVALID_SYNTAX,
              span(t),
              "A \"|\" must have a command on each side, such as {{ user `name` | lower }}.");
        default:
          if (previous != null && previous.getType() != GoTemplateLexer.SPACE && startsOperand(t)) {
            return new TemplateProblem(
                GoTemplateCode.INVALID_SYNTAX,
                span(t),
                "Arguments must be separated by spaces: write a space before \""
                    + tokenText(t)
                    + "\".");
          }
          return new TemplateProblem(
              GoTemplateCode.INVALID_SYNTAX,
              span(t),
              "Unexpected \"" + tokenText(t) + "\" in this action.");
      }
    }

    private static boolean startsOperand(Token t) {
      switch (t.getType()) {
        case GoTemplateLexer.IDENTIFIER:
        case GoTemplateLexer.STRING:
        case GoTemplateLexer.RAW_STRING:
        case GoTemplateLexer.NUMBER:
        case GoTemplateLexer.CHAR:
        case GoTemplateLexer.FIELD:
        case GoTemplateLexer.DOT:
        case GoTemplateLexer.VARIABLE:
        case GoTemplateLexer.LPAREN:
          return true;
        default:
          return false;
      }
    }

    private Token previousToken(Token t) {
      int i = t.getTokenIndex() - 1;
      return i >= 0 ? tokens.get(i) : null;
    }

    /**
     * The control action ({@code if}, {@code with}, {@code range}, {@code else}) that an error
     * token stands in, reported as such. Their own syntax ({@code {{ with $x := … }}}, {@code {{
     * range $i, $e := … }}}) is not a command's, and "Unexpected \":=\"" would call valid Go wrong
     * where the action itself is what packer2aib does not support.
     */
    private Optional<TemplateProblem> controlAction(Token error) {
      if (error.getType() == Token.EOF) {
        return Optional.empty();
      }
      int open = -1;
      for (int i = error.getTokenIndex() - 1; i >= 0; i--) {
        int type = tokens.get(i).getType();
        if (type == GoTemplateLexer.LEFT_DELIM || type == GoTemplateLexer.LEFT_TRIM) {
          open = i;
          break;
        }
      }
      if (open < 0) {
        return Optional.empty();
      }
      int head = open + 1;
      while (head < error.getTokenIndex() && tokens.get(head).getType() == GoTemplateLexer.SPACE) {
        head++;
      }
      Token keyword = tokens.get(head);
      String name = tokenText(keyword);
      if (head >= error.getTokenIndex()
          || keyword.getType() != GoTemplateLexer.IDENTIFIER
          || !CONTROL_KEYWORDS.contains(name)) {
        return Optional.empty();
      }
      return problem(GoTemplateCode.UNSUPPORTED_ACTION, keyword, controlActionDetail(name));
    }

    private Token lastOpeningDelimiter() {
      Token found = null;
      for (Token t : tokens) {
        if (t.getType() == GoTemplateLexer.LEFT_DELIM || t.getType() == GoTemplateLexer.LEFT_TRIM) {
          found = t;
        }
      }
      return found;
    }

    private boolean insideParentheses(Token closing) {
      int depth = 0;
      for (int i = closing.getTokenIndex() - 1; i >= 0; i--) {
        int type = tokens.get(i).getType();
        if (type == GoTemplateLexer.LEFT_DELIM || type == GoTemplateLexer.LEFT_TRIM) {
          break;
        }
        if (type == GoTemplateLexer.RPAREN) {
          depth--;
        } else if (type == GoTemplateLexer.LPAREN) {
          depth++;
        }
      }
      return depth > 0;
    }

    // -------------------------------------------------------------- tree building

    /** A semantic problem found while building the tree; Go reports these at parse time. */
    private static final class Problem extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final transient TemplateProblem problem;

      Problem(TemplateProblem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
      }
    }

    /** Parse tree → template nodes, checking what Go's parser checks beyond the grammar. */
    private final class Builder {

      List<TemplateNode> template(GoTemplateParser.TemplateContext ctx) {
        List<TemplateNode> nodes = new ArrayList<>();
        for (GoTemplateParser.PartContext part : ctx.part()) {
          nodes.add(part(part));
        }
        return nodes;
      }

      private TemplateNode part(GoTemplateParser.PartContext part) {
        if (part instanceof GoTemplateParser.TextContext t) {
          return new TemplateNode.Text(t.getText(), span(t));
        }
        if (part instanceof GoTemplateParser.CommentContext c) {
          String s = tokenText(c.COMMENT().getSymbol());
          return new TemplateNode.Comment(s.startsWith("{{-"), s.matches("(?s).*\\s-}}$"), span(c));
        }
        GoTemplateParser.ActionContext a = (GoTemplateParser.ActionContext) part;
        Span span = span(a);
        if (a.pipeline() == null) {
          throw new Problem(
              new TemplateProblem(
                  GoTemplateCode.EMPTY_ACTION,
                  span,
                  "This action is empty. Write a function call or a value inside {{ }}, or remove"
                      + " it."));
        }
        Pipeline pipeline = pipeline(a.pipeline(), true);
        return new Action(
            pipeline,
            a.open.getType() == GoTemplateLexer.LEFT_TRIM,
            a.close.getType() == GoTemplateLexer.RIGHT_TRIM,
            text.substring(span.start(), span.end()),
            span);
      }

      private Pipeline pipeline(GoTemplateParser.PipelineContext ctx, boolean actionLevel) {
        if (ctx.declaration() != null) {
          throw new Problem(
              new TemplateProblem(
                  GoTemplateCode.UNSUPPORTED_ACTION,
                  span(ctx.declaration()),
                  "Template variables ($name := …) are not supported by packer2aib. Use a user"
                      + " variable instead: {{ user `name` }}."));
        }
        List<Command> commands = new ArrayList<>();
        for (GoTemplateParser.CommandContext c : ctx.command()) {
          commands.add(command(c, actionLevel && commands.isEmpty(), commands.size() + 1));
        }
        return new Pipeline(commands, span(ctx));
      }

      private Command command(GoTemplateParser.CommandContext ctx, boolean first, int stage) {
        List<Operand> operands = new ArrayList<>();
        for (GoTemplateParser.OperandContext o : ctx.operand()) {
          operands.add(operand(o, first && operands.isEmpty()));
        }
        Operand head = operands.get(0);
        if (head instanceof Operand.Nil) {
          throw new Problem(
              new TemplateProblem(
                  GoTemplateCode.NOT_A_COMMAND,
                  head.span(),
                  "nil is not a command: it has no value to print. Remove it."));
        }
        if (stage > 1
            && !(head instanceof Operand.Identifier
                || head instanceof Operand.Field
                || head instanceof Operand.Chain)) {
          throw new Problem(
              new TemplateProblem(
                  GoTemplateCode.NOT_A_COMMAND,
                  head.span(),
                  "Stage "
                      + stage
                      + " of this pipeline is not a function call, so it cannot receive the"
                      + " value piped into it. After \"|\" write a function name, such as |"
                      + " lower."));
        }
        if (operands.size() > 1
            && !(head instanceof Operand.Identifier
                || head instanceof Operand.Field
                || head instanceof Operand.Chain)) {
          throw new Problem(
              new TemplateProblem(
                  GoTemplateCode.NOT_A_COMMAND,
                  operands.get(1).span(),
                  "Only a function can take arguments, but this command starts with a value."
                      + " Write the function name first: {{ lower \"A\" }}."));
        }
        return new Command(operands, span(ctx));
      }

      private Operand operand(GoTemplateParser.OperandContext ctx, boolean actionHead) {
        Operand base = term(ctx.term(), actionHead);
        List<TerminalNode> fields = ctx.FIELD();
        if (fields.isEmpty()) {
          return base;
        }
        List<String> names = new ArrayList<>();
        for (TerminalNode f : fields) {
          names.add(tokenText(f.getSymbol()).substring(1));
        }
        if (base instanceof Operand.Field f) {
          List<String> all = new ArrayList<>(f.names());
          all.addAll(names);
          return new Operand.Field(all, span(ctx));
        }
        if (base instanceof Operand.StringLiteral
            || base instanceof Operand.NumberLiteral
            || base instanceof Operand.BoolLiteral
            || base instanceof Operand.Nil) {
          throw new Problem(
              new TemplateProblem(
                  GoTemplateCode.INVALID_SYNTAX,
                  span(fields.get(0).getSymbol()),
                  "A literal value has no fields: remove \"."
                      + names.get(0)
                      + "\" or separate it with a space."));
        }
        return new Operand.Chain(base, names, span(ctx));
      }

      private Operand term(GoTemplateParser.TermContext ctx, boolean actionHead) {
        Span span = span(ctx);
        String s = text.substring(span.start(), span.end());
        if (ctx instanceof GoTemplateParser.IdentifierContext) {
          return identifier(s, span, actionHead);
        }
        if (ctx instanceof GoTemplateParser.DotContext) {
          return new Operand.Dot(span);
        }
        if (ctx instanceof GoTemplateParser.FieldContext) {
          return new Operand.Field(List.of(s.substring(1)), span);
        }
        if (ctx instanceof GoTemplateParser.VariableContext) {
          if (!s.equals("$")) {
            throw new Problem(
                new TemplateProblem(
                    GoTemplateCode.UNSUPPORTED_ACTION,
                    span,
                    "The template variable "
                        + s
                        + " is not defined: template variables are not supported by packer2aib."
                        + " Use a user variable instead: {{ user `name` }}."));
          }
          return new Operand.Variable(s, span);
        }
        if (ctx instanceof GoTemplateParser.StringContext) {
          try {
            return new Operand.StringLiteral(Literals.unquote(s), false, span);
          } catch (Literals.LiteralError e) {
            throw literalProblem(GoTemplateCode.INVALID_ESCAPE, e, span);
          }
        }
        if (ctx instanceof GoTemplateParser.RawStringContext) {
          // Go drops carriage returns from raw strings.
          return new Operand.StringLiteral(
              s.substring(1, s.length() - 1).replace("\r", ""), true, span);
        }
        if (ctx instanceof GoTemplateParser.NumberContext) {
          try {
            Literals.Number n = Literals.number(s);
            return new Operand.NumberLiteral(
                s, n.integer(), n.floating(), n.isFloatLiteral(), span);
          } catch (Literals.LiteralError e) {
            throw literalProblem(GoTemplateCode.INVALID_NUMBER, e, span);
          }
        }
        if (ctx instanceof GoTemplateParser.CharContext) {
          try {
            int cp = Literals.character(s);
            return new Operand.NumberLiteral(
                s, java.util.OptionalLong.of(cp), java.util.OptionalDouble.of(cp), false, span);
          } catch (Literals.LiteralError e) {
            // A bad escape is one; several characters in single quotes are a string in the
            // wrong quotes, which "Invalid escape sequence" did not say.
            boolean escape = e.offset > 0; // an escape starts after the quote
            throw literalProblem(
                escape ? GoTemplateCode.INVALID_ESCAPE : GoTemplateCode.INVALID_SYNTAX, e, span);
          }
        }
        GoTemplateParser.ParenthesizedContext p = (GoTemplateParser.ParenthesizedContext) ctx;
        return new Operand.SubPipeline(pipeline(p.pipeline(), false), span);
      }

      private Operand identifier(String name, Span span, boolean actionHead) {
        Operand value = valueKeyword(name, span);
        if (value != null) {
          return value;
        }
        if (CONTROL_KEYWORDS.contains(name)) {
          throw new Problem(
              new TemplateProblem(
                  GoTemplateCode.UNSUPPORTED_ACTION,
                  span,
                  actionHead
                      ? controlActionDetail(name)
                      : "\"" + name + "\" is a keyword and cannot be used as a value here."));
        }
        return new Operand.Identifier(name, span);
      }

      private Problem literalProblem(GoTemplateCode code, Literals.LiteralError e, Span literal) {
        int start = Math.min(literal.end(), literal.start() + e.offset);
        int end = Math.min(literal.end(), start + Math.max(1, e.length));
        String what = e.getMessage();
        return new Problem(
            new TemplateProblem(
                code,
                new Span(start, end),
                Character.toUpperCase(what.charAt(0)) + what.substring(1) + "."));
      }
    }
  }
}
