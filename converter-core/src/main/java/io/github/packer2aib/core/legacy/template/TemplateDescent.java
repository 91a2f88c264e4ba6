package io.github.packer2aib.core.legacy.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plainly valid template string straight into its nodes, without ANTLR: text, actions
 * holding pipelines of identifiers, fields, strings, raw strings, decimal integers and parentheses,
 * with trim markers. ANTLR's lexer and parser cost most of a legacy string's evaluation in C1 code,
 * and nearly every real string is of this kind.
 *
 * <p>It gives up ({@code null}) on anything else: comments, other numbers (signed, hexadecimal,
 * with a fraction, an exponent or underscores), characters, variables, keywords, non-ASCII
 * characters in an action outside strings, and every error. {@link TemplateParser} then reads the
 * string with ANTLR, which names the problem. Whatever this reader returns equals what the ANTLR
 * path returns for the same string (property {@code TemplateDescentProperties}): the tokens follow
 * {@code GoTemplateLexer.g4} (longest match) and the nodes, spans and checks follow {@code
 * TemplateParser}'s tree builder.
 */
final class TemplateDescent {
  // Token kinds of the action mode this reader handles; GIVE_UP stands for every other token
  // (numbers, variables, `:=`, stray characters, unclosed strings, the end of the text).
  private static final int GIVE_UP = 0;
  private static final int SPACE = 1;
  private static final int RIGHT_DELIM = 2;
  private static final int RIGHT_TRIM = 3;
  private static final int PIPE = 4;
  private static final int LPAREN = 5;
  private static final int RPAREN = 6;
  private static final int STRING = 7;
  private static final int RAW_STRING = 8;
  private static final int FIELD = 9;
  private static final int DOT = 10;
  private static final int IDENTIFIER = 11;
  private static final int NUMBER = 12;

  private final String text;
  private final int length;

  /** Where the next token starts. */
  private int pos;

  /** The kind and end of the token {@link #lex} read last. */
  private int kind;

  private int tokenEnd;
  private int depth;

  /** Where the action this reader gave up on starts. */
  private int unreadAt = -1;

  private TemplateDescent(String text) {
    this.text = text;
    this.length = text.length();
  }

  /** The string's nodes, or null when the ANTLR path must read it. */
  static ParsedTemplate read(String text) {
    List<TemplateNode> nodes = new TemplateDescent(text).template();
    return nodes == null ? null : new ParsedTemplate(text, nodes, java.util.Optional.empty());
  }

  /** Where the first action this reader cannot take starts, or -1 when it reads the string. */
  static int firstUnreadAction(String text) {
    TemplateDescent descent = new TemplateDescent(text);
    return descent.template() == null ? descent.unreadAt : -1;
  }

  // -------------------------------------------------------------- text mode

  private List<TemplateNode> template() {
    List<TemplateNode> nodes = new ArrayList<>();
    int p = 0;
    while (p < length) {
      int open = openingAt(p);
      if (open < 0) {
        trailingText(nodes, p);
        return nodes;
      }
      if (open > p) {
        nodes.add(new TemplateNode.Text(text.substring(p, open), new Span(p, open)));
      }
      pos = open;
      Action action = action();
      if (action == null) {
        unreadAt = open;
        return null;
      }
      nodes.add(action);
      p = pos;
    }
    return nodes;
  }

  /** The first {@code {{} at or after {@code from}, or -1 (a plain loop: C1 and indexOf). */
  private int openingAt(int from) {
    for (int i = from; i + 1 < length; i++) {
      if (text.charAt(i) == '{' && text.charAt(i + 1) == '{') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Text up to the end. A {@code {} at the very end cannot join the text before it (the lexer's
   * TEXT takes a brace only with the character after it), so it is a text node of its own.
   */
  private void trailingText(List<TemplateNode> nodes, int from) {
    int end = length;
    if (text.charAt(end - 1) == '{' && end - 1 > from) {
      nodes.add(new TemplateNode.Text(text.substring(from, end - 1), new Span(from, end - 1)));
      from = end - 1;
    }
    nodes.add(new TemplateNode.Text(text.substring(from, end), new Span(from, end)));
  }

  // -------------------------------------------------------------- actions

  private Action action() {
    int open = pos;
    pos += 2;
    boolean trimLeft = false;
    if (pos + 1 < length && text.charAt(pos) == '-' && isSpace(text.charAt(pos + 1))) {
      trimLeft = true;
      pos += 2;
    }
    if (pos < length && text.charAt(pos) == '/') {
      return null; // a comment (or a stray slash)
    }
    skipSpace();
    Pipeline pipeline = pipeline(true);
    if (pipeline == null) {
      return null;
    }
    skipSpace();
    lex(pos);
    if (kind != RIGHT_DELIM && kind != RIGHT_TRIM) {
      return null;
    }
    pos = tokenEnd;
    Span span = new Span(open, pos);
    return new Action(pipeline, trimLeft, kind == RIGHT_TRIM, text.substring(open, pos), span);
  }

  /** Steps over a SPACE token (not over the whitespace that starts a RIGHT_TRIM). */
  private void skipSpace() {
    lex(pos);
    if (kind == SPACE) {
      pos = tokenEnd;
    }
  }

  private Pipeline pipeline(boolean actionLevel) {
    int start = pos;
    List<Command> commands = new ArrayList<>();
    while (true) {
      Command command = command(actionLevel && commands.isEmpty(), commands.size() + 1);
      if (command == null) {
        return null;
      }
      commands.add(command);
      int end = pos;
      skipSpace();
      lex(pos);
      if (kind != PIPE) {
        pos = end;
        return new Pipeline(commands, new Span(start, end));
      }
      pos = tokenEnd;
      int afterPipe = pos;
      skipSpace();
      lex(pos);
      if (kind == RIGHT_DELIM || kind == RIGHT_TRIM || kind == RPAREN) {
        // A trailing "|" ends the pipeline, as in Go's parser (the grammar's pipeline rule).
        pos = afterPipe;
        return new Pipeline(commands, new Span(start, afterPipe));
      }
    }
  }

  private Command command(boolean first, int stage) {
    int start = pos;
    List<Operand> operands = new ArrayList<>();
    while (true) {
      Operand operand = operand(first && operands.isEmpty());
      if (operand == null) {
        return null;
      }
      operands.add(operand);
      lex(pos);
      if (kind != SPACE) {
        break;
      }
      int afterSpace = tokenEnd;
      lex(afterSpace);
      if (!startsOperand(kind)) {
        break;
      }
      pos = afterSpace;
    }
    Operand head = operands.get(0);
    boolean call =
        head instanceof Operand.Identifier
            || head instanceof Operand.Field
            || head instanceof Operand.Chain;
    if (head instanceof Operand.Nil || (!call && (stage > 1 || operands.size() > 1))) {
      return null; // the tree builder's "not a command" problems
    }
    return new Command(operands, new Span(start, pos));
  }

  private static boolean startsOperand(int kind) {
    return kind == IDENTIFIER
        || kind == STRING
        || kind == RAW_STRING
        || kind == FIELD
        || kind == DOT
        || kind == NUMBER
        || kind == LPAREN;
  }

  private Operand operand(boolean actionHead) {
    int start = pos;
    Operand base = term(actionHead);
    if (base == null) {
      return null;
    }
    lex(pos);
    if (kind != FIELD) {
      return base;
    }
    List<String> names = new ArrayList<>();
    if (base instanceof Operand.Field f) {
      names.addAll(f.names());
    }
    while (kind == FIELD) {
      names.add(text.substring(pos + 1, tokenEnd));
      pos = tokenEnd;
      lex(pos);
    }
    Span span = new Span(start, pos);
    if (base instanceof Operand.Field) {
      return new Operand.Field(names, span);
    }
    if (base instanceof Operand.StringLiteral
        || base instanceof Operand.NumberLiteral
        || base instanceof Operand.BoolLiteral) {
      return null; // "a literal value has no fields"
    }
    if (base instanceof Operand.Nil) {
      return null;
    }
    return new Operand.Chain(base, names, span);
  }

  private Operand term(boolean actionHead) {
    int start = pos;
    lex(start);
    int end = tokenEnd;
    switch (kind) {
      case IDENTIFIER:
        pos = end;
        return identifier(text.substring(start, end), new Span(start, end));
      case DOT:
        pos = end;
        return new Operand.Dot(new Span(start, end));
      case FIELD:
        pos = end;
        return new Operand.Field(List.of(text.substring(start + 1, end)), new Span(start, end));
      case STRING:
        pos = end;
        return string(start, end);
      case RAW_STRING:
        pos = end;
        return new Operand.StringLiteral(
            text.substring(start + 1, end - 1).replace("\r", ""), true, new Span(start, end));
      case LPAREN:
        pos = end;
        return parenthesized(start);
      case NUMBER:
        pos = end;
        return number(start, end);
      default:
        return null;
    }
  }

  /**
   * A decimal integer such as the index of {@code split}, as the tree builder reads it ({@code 08}
   * is no octal number: the ANTLR path says so). These took every {@code split} to ANTLR, whose
   * token stream and tree hold about 200 bytes per character of the string.
   */
  private Operand number(int start, int end) {
    String s = text.substring(start, end);
    try {
      Literals.Number n = Literals.number(s);
      return new Operand.NumberLiteral(
          s, n.integer(), n.floating(), n.isFloatLiteral(), new Span(start, end));
    } catch (Literals.LiteralError e) {
      return null;
    }
  }

  private static Operand identifier(String name, Span span) {
    Operand value = TemplateParser.valueKeyword(name, span);
    if (value != null) {
      return value;
    }
    if (TemplateParser.CONTROL_KEYWORDS.contains(name)) {
      return null;
    }
    return new Operand.Identifier(name, span);
  }

  private Operand string(int start, int end) {
    try {
      return new Operand.StringLiteral(
          Literals.unquote(text.substring(start, end)), false, new Span(start, end));
    } catch (Literals.LiteralError e) {
      return null;
    }
  }

  private Operand parenthesized(int start) {
    if (++depth > TemplateParser.MAX_NESTING) {
      return null;
    }
    skipSpace();
    Pipeline pipeline = pipeline(false);
    if (pipeline == null) {
      return null;
    }
    skipSpace();
    lex(pos);
    if (kind != RPAREN) {
      return null;
    }
    pos = tokenEnd;
    depth--;
    return new Operand.SubPipeline(pipeline, new Span(start, pos));
  }

  // -------------------------------------------------------------- action-mode lexer

  /** Reads the token at {@code p} into {@link #kind} and {@link #tokenEnd}. */
  private void lex(int p) {
    kind = GIVE_UP;
    tokenEnd = p;
    if (p >= length) {
      return;
    }
    char c = text.charAt(p);
    if (isSpace(c)) {
      int e = p + 1;
      while (e < length && isSpace(text.charAt(e))) {
        e++;
      }
      if (text.startsWith("-}}", e)) {
        token(RIGHT_TRIM, e + 3);
      } else {
        token(SPACE, e);
      }
    } else if (c == '}') {
      if (p + 1 < length && text.charAt(p + 1) == '}') {
        token(RIGHT_DELIM, p + 2);
      }
    } else if (c == '|') {
      token(PIPE, p + 1);
    } else if (c == '(') {
      token(LPAREN, p + 1);
    } else if (c == ')') {
      token(RPAREN, p + 1);
    } else if (c == '"') {
      lexString(p);
    } else if (c == '`') {
      int close = text.indexOf('`', p + 1);
      if (close >= 0) {
        token(RAW_STRING, close + 1);
      }
    } else if (c == '.') {
      lexDot(p);
    } else if (isLetter(c)) {
      int e = wordEnd(p + 1);
      if (e >= 0) {
        token(IDENTIFIER, e);
      }
    } else if (c >= '0' && c <= '9') {
      lexNumber(p);
    }
  }

  /**
   * ASCII digits alone (the lexer's NUMBER, longest match): a letter, digit of another script,
   * underscore or point after them makes another number or a bad one, which the ANTLR path reads.
   */
  private void lexNumber(int p) {
    int e = p + 1;
    while (e < length && text.charAt(e) >= '0' && text.charAt(e) <= '9') {
      e++;
    }
    if (e < length) {
      char n = text.charAt(e);
      if (n >= 0x80 || isLetter(n) || n == '.') {
        return;
      }
    }
    token(NUMBER, e);
  }

  private void token(int kind, int end) {
    this.kind = kind;
    this.tokenEnd = end;
  }

  /** {@code "…"} with escapes; a newline or the end of the text first makes it unclosed. */
  private void lexString(int p) {
    int i = p + 1;
    while (i < length) {
      char c = text.charAt(i);
      if (c == '"') {
        token(STRING, i + 1);
        return;
      }
      if (c == '\n') {
        return;
      }
      if (c == '\\') {
        if (i + 1 >= length || text.charAt(i + 1) == '\n') {
          return;
        }
        i += 2;
      } else {
        i++;
      }
    }
  }

  /** {@code .Name} (FIELD) or {@code .} alone (DOT); a digit after it starts a number. */
  private void lexDot(int p) {
    if (p + 1 >= length) {
      token(DOT, p + 1);
      return;
    }
    char n = text.charAt(p + 1);
    if (isLetter(n)) {
      int e = wordEnd(p + 2);
      if (e >= 0) {
        token(FIELD, e);
      }
    } else if (n < 0x80 && !(n >= '0' && n <= '9')) {
      token(DOT, p + 1);
    }
  }

  /**
   * The end of the ASCII word characters from {@code p}, or -1 when a non-ASCII character follows
   * (it may be a letter or digit of the word: the ANTLR path decides).
   */
  private int wordEnd(int p) {
    int e = p;
    while (e < length) {
      char c = text.charAt(e);
      if (c >= 0x80) {
        return -1;
      }
      if (!isLetter(c) && !(c >= '0' && c <= '9')) {
        break;
      }
      e++;
    }
    return e;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
