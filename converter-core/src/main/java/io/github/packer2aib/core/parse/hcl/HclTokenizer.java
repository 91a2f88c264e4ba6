package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.grammar.hcl.HclLexer;
import io.github.packer2aib.grammar.hcl.HclLexerBase.Frame;
import java.nio.CharBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * A hand-written lexer for the HCL native syntax that yields exactly the tokens of the generated
 * ANTLR {@link HclLexer} (with its base class {@code HclLexerBase}): same types, channels, code
 * point indexes, lines, columns and end-of-file token. {@code HclLexer.g4} stays the specification,
 * and {@code HclTokenizerProperties} compares the two on generated inputs and on every test
 * template.
 *
 * <p>It exists for speed: ANTLR's lexer simulates its ATN for every character (about a fifth of the
 * cost of converting a template); this one decides most tokens from their first character.
 *
 * <p>The rules of the grammar are matched as ANTLR matches them (the longest match, then the first
 * rule): for example {@code 1.} is a number and a dot, {@code <<EOF x} two less-than signs, and
 * {@code format} an identifier. The state that {@code HclLexerBase} keeps is kept the same way: a
 * stack of open delimiters ({@link Frame}) that decides whether a newline is significant and what a
 * closing brace closes, the mode stack, and the stack of heredoc markers.
 *
 * <p>Tokens are {@link CommonToken}s over a {@link CodePointCharStream} of the text, so their text,
 * input stream and token source work as for the generated lexer's tokens. For the descent parser,
 * {@link #scan} gives the same tokens of the default channel as arrays, without an object each.
 */
final class HclTokenizer implements TokenSource {

  /** Where lexing starts: the three entry points of the parser. */
  enum Start {
    /** A configuration file ({@code HclLexerBase.startConfigFile}). */
    CONFIG_FILE,
    /** A standalone expression ({@code startExpression}). */
    EXPRESSION,
    /** A standalone template ({@code startTemplate} and the {@code TEMPLATE} mode). */
    TEMPLATE
  }

  /** A rule whose match is dropped, as ANTLR's {@code -> skip}. */
  private static final int SKIP = Lexer.SKIP;

  private static final int EOF = Token.EOF;

  /**
   * The text, one element per code point (ANTLR indexes code points). Most texts have no characters
   * outside the Basic Multilingual Plane and use their UTF-16 units as they are; otherwise a code
   * point above U+FFFF is a surrogate here and its value is in {@link #codePoints}. Only
   * identifiers, heredoc markers and byte order marks need the value of a non-ASCII character,
   * which {@link #codePoint} reads from here; everything else reads {@link #bytes}.
   */
  private final String units;

  /**
   * {@link #units} as Latin-1 bytes, what the lexer reads character by character: a character above
   * U+00FF is a {@code '?'} here ({@link #QUESTION_OR_WIDER}), so a {@code '?'} is asked of {@link
   * #units} where it matters. For the usual Latin-1 string this is a plain copy of its bytes, half
   * the size of a char array; C1 (bulk runs) compiles a byte array access to a fraction of the cost
   * of {@code String.charAt} (a coder check, a call, two bounds checks), and the token loops below
   * keep their position in a local for the same reason: C1 stores a field at every step.
   */
  private final byte[] bytes;

  /** The code points of a text with surrogate pairs, else null. */
  private final int[] codePoints;

  private final int n;

  /** ANTLR's view of the text, for tokens as objects; null when only {@link #scan} reads them. */
  private final CharStream stream;

  private final Pair<TokenSource, CharStream> source;

  /** Where the token {@link #next} found starts (a code point index), and its line and column. */
  private int tokenStart;

  private int tokenLine;
  private int tokenColumn;

  private int pos;
  private int line = 1;

  /** The code point index where the current line starts. */
  private int lineStart;

  private boolean hitEof;
  private int channel;

  private int mode;
  private int[] modeStack = new int[8];
  private int modeDepth;

  private Frame[] frames = new Frame[16];
  private int frameDepth;

  /** The heredoc markers, as code point ranges of the text: start and end of each. */
  private int[] markers = new int[8];

  /**
   * Whether a byte order mark at the very start of the text is hidden, as HCL's scanner drops one
   * before it scans ({@code HclLexerBase.setSkipsByteOrderMark}). False for a file's text, whose
   * one mark {@link SourceFile#fromUtf8} already removed: a mark still at its start is a second
   * one, which HCL reports as an invalid character.
   */
  private final boolean skipsByteOrderMark;

  private int markerDepth;

  /**
   * @param text the whole input
   * @param name the source name, as given to {@code CharStreams.fromString}
   */
  HclTokenizer(String text, String name, Start start) {
    this(text, name, start, true, null, true);
  }

  /**
   * @param skipsByteOrderMark whether a byte order mark at the start of the text is skipped (see
   *     {@link #skipsByteOrderMark})
   */
  HclTokenizer(String text, String name, Start start, boolean skipsByteOrderMark) {
    this(text, name, start, true, null, skipsByteOrderMark);
  }

  /**
   * @param objects whether tokens are made as objects ({@link #nextToken}), which need ANTLR's char
   *     stream of the text
   * @param ascii the text's bytes when it is all ASCII (read, never written), or null
   */
  private HclTokenizer(
      String text,
      String name,
      Start start,
      boolean objects,
      byte[] ascii,
      boolean skipsByteOrderMark) {
    this.skipsByteOrderMark = skipsByteOrderMark;
    int length = text.length();
    // Constant time for a Latin-1 string (Java's compact strings), the common case.
    int pairs = length - text.codePointCount(0, length);
    if (pairs == 0) {
      this.units = text;
      this.codePoints = null;
      this.n = length;
      // A Latin-1 string's bytes as they are; wider characters (lone surrogates included) become
      // one '?' each.
      this.bytes =
          ascii != null && ascii.length == length
              ? ascii
              : text.getBytes(StandardCharsets.ISO_8859_1);
      this.stream =
          objects
              ? CodePointCharStream.fromBuffer(
                  CodePointBuffer.withChars(CharBuffer.wrap(text.toCharArray())), name)
              : null;
    } else {
      // As CharStreams.fromString: a pair is one code point, a lone surrogate is itself.
      this.n = length - pairs;
      char[] bmp = new char[n];
      this.codePoints = new int[n];
      this.bytes = new byte[n];
      for (int i = 0, k = 0; k < n; k++) {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        codePoints[k] = cp;
        bmp[k] = Character.isBmpCodePoint(cp) ? (char) cp : Character.MIN_SURROGATE;
        bytes[k] = cp <= 0xFF ? (byte) cp : (byte) QUESTION_OR_WIDER;
      }
      // Not encoded from bmp: a placeholder and a lone low surrogate after it would form a pair.
      this.units = new String(bmp);
      this.stream =
          objects
              ? CodePointCharStream.fromBuffer(
                  CodePointBuffer.withInts(IntBuffer.wrap(codePoints)), name)
              : null;
    }
    this.source = objects ? new Pair<>(this, stream) : null;
    switch (start) {
      case EXPRESSION:
        frames[frameDepth++] = Frame.EXPRESSION_ROOT;
        mode = Lexer.DEFAULT_MODE;
        break;
      case TEMPLATE:
        frames[frameDepth++] = Frame.TEMPLATE_ROOT;
        mode = HclLexer.TEMPLATE;
        break;
      default:
        frames[frameDepth++] = Frame.BODY;
        mode = Lexer.DEFAULT_MODE;
    }
  }

  // ---- TokenSource ---------------------------------------------------------------------------

  @Override
  public CommonToken nextToken() {
    int type = next();
    // At the end of the text the end-of-file token starts there and stops just before it.
    return new HclToken(source, type, channel, tokenStart, pos - 1, tokenLine, tokenColumn);
  }

  /**
   * Lexes the next token that is not skipped: gives its type, leaves its channel in {@link
   * #channel}, its start, line and column in {@link #tokenStart}, {@link #tokenLine} and {@link
   * #tokenColumn}, and its end at {@link #pos} (its stop index is {@code pos - 1}).
   */
  private int next() {
    if (!hitEof && mode == HclLexer.HEREDOC && heredocEndAhead()) {
      mode = HclLexer.HEREDOC_END_LINE;
    }
    while (true) {
      if (mode == Lexer.DEFAULT_MODE) {
        // Blanks are skipped here rather than as a token of their own (the same tokens result).
        pos = blanksEnd(pos);
      }
      tokenStart = pos;
      tokenLine = line;
      tokenColumn = pos - lineStart;
      if (hitEof || pos >= n) {
        hitEof = true;
        channel = Lexer.DEFAULT_TOKEN_CHANNEL;
        return EOF;
      }
      channel = Lexer.DEFAULT_TOKEN_CHANNEL;
      int type;
      switch (mode) {
        case Lexer.DEFAULT_MODE:
          type = lexDefault();
          break;
        case HclLexer.STRING:
          type = lexString();
          break;
        case HclLexer.HEREDOC_END_LINE:
          type = lexHeredocEnd();
          break;
        default: // HEREDOC and TEMPLATE have the same rules
          type = lexTemplateText();
          break;
      }
      if (pos >= n) {
        hitEof = true;
      }
      if (type != SKIP) {
        return type;
      }
    }
  }

  /**
   * A {@link CommonToken} set up directly: {@code CommonTokenFactory} and the public constructors
   * ask the source for its line and column and then overwrite them.
   */
  private static final class HclToken extends CommonToken {
    HclToken(
        Pair<TokenSource, CharStream> source,
        int type,
        int channel,
        int start,
        int stop,
        int line,
        int column) {
      super(type);
      this.source = source;
      this.channel = channel;
      this.start = start;
      this.stop = stop;
      this.line = line;
      this.charPositionInLine = column;
    }
  }

  /**
   * All tokens of a text, up to and including the end-of-file token, in a token stream filled as
   * {@code new CommonTokenStream(new HclTokenizer(text, name, start)).fill()} fills it (without its
   * per-token calls through interfaces, and sized for the text). Only ANTLR's path, which reports
   * syntax errors, needs the tokens as objects.
   */
  static CommonTokenStream lex(String text, String name, Start start) {
    return lex(new HclTokenizer(text, name, start));
  }

  /** {@link #lex(String, String, Start)} of a file's text, as {@link #scan(SourceFile, Start)}. */
  static CommonTokenStream lex(SourceFile file, Start start) {
    return lex(new HclTokenizer(file.text(), file.name(), start, !file.byteOrderMarkRemoved()));
  }

  private static CommonTokenStream lex(HclTokenizer tokenizer) {
    Token[] tokens = new Token[16 + tokenizer.n / 6];
    int count = 0;
    int type;
    do {
      CommonToken token = tokenizer.nextToken();
      token.setTokenIndex(count);
      if (count == tokens.length) {
        tokens = Arrays.copyOf(tokens, count * 2);
      }
      tokens[count++] = token;
      type = token.getType();
    } while (type != EOF);
    // A fixed-size list will do: a stream that has its end-of-file token never adds more.
    return new FilledTokenStream(tokenizer, Arrays.asList(Arrays.copyOf(tokens, count)));
  }

  /**
   * The arrays of this thread's last {@link #scan}, which its next scan fills again when they are
   * large enough: a parse is done with them before the next one starts on its thread (the descent
   * parser keeps no part of them in the tree it builds), and making them anew was about a twentieth
   * of the bytes a conversion allocates. Arrays longer than {@link #KEPT_ROOM} are not kept.
   */
  private static final ThreadLocal<Lexed> LAST_SCAN = new ThreadLocal<>();

  private static final int KEPT_ROOM = 1 << 16;

  /**
   * The tokens of the default channel, what the descent parser reads, as arrays rather than objects
   * (a token object and the arrays of them were a tenth of the bytes a conversion allocates), with
   * the {@link NestingCheck} applied as they are lexed. The arrays are the thread's own: valid
   * until the thread's next scan.
   */
  static Lexed scan(String text, Start start) {
    return scan(text, null, start);
  }

  /**
   * {@link #scan(String, Start)} of a text whose bytes are {@code ascii} (one per UTF-16 unit, as
   * {@link SourceFile#asciiBytes} gives them), which the tokenizer reads instead of a copy; null
   * when there are none.
   */
  static Lexed scan(String text, byte[] ascii, Start start) {
    return scan(new HclTokenizer(text, null, start, false, ascii, true));
  }

  /**
   * {@link #scan(String, byte[], Start)} of a file's text. A byte order mark at its start is not
   * skipped when the file's own was removed as it was decoded: HCL drops only one.
   */
  static Lexed scan(SourceFile file, Start start) {
    return scan(
        new HclTokenizer(
            file.text(), null, start, false, file.asciiBytes(), !file.byteOrderMarkRemoved()));
  }

  private static Lexed scan(HclTokenizer tokenizer) {
    // Templates have about one token of the default channel for every 6-7 characters: room for
    // one in 5 saves growing the arrays (and the copies) for nearly all.
    int room = 16 + tokenizer.n / 5;
    Lexed last = LAST_SCAN.get();
    byte[] types;
    int[] starts;
    int[] stops;
    if (last != null && last.types().length >= room) {
      types = last.types();
      starts = last.starts();
      stops = last.stops();
    } else {
      types = new byte[room];
      starts = new int[room];
      stops = new int[room];
    }
    int tooDeep = -1;
    NestingCheck.Exceeded exceeded = null;
    NestingCheck nesting = new NestingCheck();
    int k = 0;
    int type;
    do {
      type = tokenizer.next();
      if (tokenizer.channel != Token.DEFAULT_CHANNEL) {
        continue;
      }
      if (k == types.length) {
        types = Arrays.copyOf(types, k * 2);
        starts = Arrays.copyOf(starts, k * 2);
        stops = Arrays.copyOf(stops, k * 2);
      }
      types[k] = (byte) type;
      starts[k] = tokenizer.tokenStart;
      stops[k] = tokenizer.pos - 1;
      if (tooDeep < 0) {
        exceeded = nesting.next(type);
        if (exceeded != null) {
          tooDeep = k;
        }
      }
      k++;
    } while (type != EOF);
    Lexed lexed = new Lexed(types, starts, stops, tooDeep, exceeded);
    if (types != (last == null ? null : last.types()) && types.length <= KEPT_ROOM) {
      LAST_SCAN.set(lexed);
    }
    return lexed;
  }

  /** A {@link CommonTokenStream} that starts out holding all the tokens of its source. */
  private static final class FilledTokenStream extends CommonTokenStream {
    FilledTokenStream(TokenSource source, List<Token> all) {
      super(source);
      tokens = all;
      fetchedEOF = true;
    }

    /** The tokens are those of one source. */
    @Override
    public void setTokenSource(TokenSource tokenSource) {
      throw new UnsupportedOperationException("a filled HCL token stream keeps its tokens");
    }
  }

  @Override
  public int getLine() {
    return line;
  }

  @Override
  public int getCharPositionInLine() {
    return pos - lineStart;
  }

  @Override
  public CharStream getInputStream() {
    return stream;
  }

  @Override
  public String getSourceName() {
    return stream.getSourceName();
  }

  /** Tokens are always {@link CommonToken}s, made directly. */
  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    throw new UnsupportedOperationException("HclTokenizer always makes CommonTokens");
  }

  @Override
  public TokenFactory<?> getTokenFactory() {
    return CommonTokenFactory.DEFAULT;
  }

  // ---- modes ---------------------------------------------------------------------------------

  /** The default mode: expressions and bodies. */
  private int lexDefault() {
    int c = bytes[pos] & 0xFF;
    switch (c) {
      case '\n':
        pos++;
        newline();
        onNewline();
        return HclLexer.NEWLINE;
      case '\r':
        if (at(pos + 1) == '\n') {
          pos += 2;
          newline();
          onNewline();
          return HclLexer.NEWLINE;
        }
        return one(HclLexer.INVALID_CHARACTER);
      case ' ':
      case '\t':
        pos = blanksEnd(pos + 1);
        return SKIP;
      case '#':
        skipLineComment();
        return SKIP;
      case '/':
        return slash();
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        number();
        return HclLexer.NUMBER;
      case '<':
        return lessThan();
      case '=':
        if (at(pos + 1) == '=') {
          pos += 2;
          return HclLexer.EQ_EQ;
        }
        if (at(pos + 1) == '>') {
          pos += 2;
          return HclLexer.ARROW;
        }
        pos++;
        if (top() == Frame.BODY) {
          push(Frame.ATTRIBUTE_VALUE);
        }
        return HclLexer.EQ;
      case '!':
        return oneOrTwo('=', HclLexer.NOT_EQ, HclLexer.NOT);
      case '>':
        return oneOrTwo('=', HclLexer.GT_EQ, HclLexer.GT);
      case '&':
        return oneOrTwo('&', HclLexer.AND, HclLexer.INVALID_CHARACTER);
      case '|':
        return oneOrTwo('|', HclLexer.OR, HclLexer.INVALID_CHARACTER);
      case ':':
        return oneOrTwo(':', HclLexer.DOUBLE_COLON, HclLexer.COLON);
      case '+':
        return one(HclLexer.PLUS);
      case '-':
        return one(HclLexer.MINUS);
      case '*':
        return one(HclLexer.STAR);
      case '%':
        return one(HclLexer.PERCENT);
      case QUESTION_OR_WIDER:
        if (units.charAt(pos) == '?') {
          return one(HclLexer.QUESTION);
        }
        return wider();
      case ',':
        return one(HclLexer.COMMA);
      case '.':
        if (at(pos + 1) == '.' && at(pos + 2) == '.') {
          pos += 3;
          return HclLexer.ELLIPSIS;
        }
        return one(HclLexer.DOT);
      case '(':
        pos++;
        push(Frame.PAREN);
        return HclLexer.LPAREN;
      case ')':
        pos++;
        popIf(Frame.PAREN);
        return HclLexer.RPAREN;
      case '[':
        pos++;
        push(Frame.BRACKET);
        return HclLexer.LBRACKET;
      case ']':
        pos++;
        popIf(Frame.BRACKET);
        return HclLexer.RBRACKET;
      case '{':
        pos++;
        onOpenBrace();
        return HclLexer.LBRACE;
      case '}':
        pos++;
        onCloseBrace();
        return HclLexer.RBRACE;
      case '~':
        if (at(pos + 1) == '}') {
          pos += 2;
          onCloseBrace();
          return HclLexer.STRIP_RBRACE;
        }
        return one(HclLexer.INVALID_CHARACTER);
      case '"':
        pos++;
        pushMode(HclLexer.STRING);
        return HclLexer.QUOTE;
      default:
        if (startsIdentifier(pos)) {
          return identifierOrKeyword();
        }
        return one(HclLexer.INVALID_CHARACTER);
    }
  }

  /** A character above U+00FF in the default mode: a byte order mark, an identifier or invalid. */
  private int wider() {
    if (units.charAt(pos) == '\uFEFF') {
      if (pos == 0 && skipsByteOrderMark) {
        channel = Lexer.HIDDEN;
      }
      return one(HclLexer.BYTE_ORDER_MARK);
    }
    if (startsIdentifier(pos)) {
      return identifierOrKeyword();
    }
    return one(HclLexer.INVALID_CHARACTER);
  }

  /** Inside a quoted string. */
  private int lexString() {
    int c = bytes[pos] & 0xFF;
    switch (c) {
      case '"':
        pos++;
        popMode();
        return HclLexer.QUOTE_CLOSE;
      case '\\':
        return escape();
      case '$':
        return templateMark('$', HclLexer.DOLLAR_ESCAPE, HclLexer.INTERPOLATION_START, true);
      case '%':
        return templateMark('%', HclLexer.PERCENT_ESCAPE, HclLexer.DIRECTIVE_START, true);
      case '\r':
        if (at(pos + 1) != '\n') {
          return one(HclLexer.INVALID_CHARACTER);
        }
        pos += 2;
        newline();
        onStringNewline();
        return HclLexer.NEWLINE;
      case '\n':
        pos++;
        newline();
        onStringNewline();
        return HclLexer.NEWLINE;
      default:
        pos = textEnd(pos + 1, STRING_STOP);
        return HclLexer.TEMPLATE_TEXT;
    }
  }

  /** Inside a heredoc or a standalone template: the two modes have the same rules. */
  private int lexTemplateText() {
    int c = bytes[pos] & 0xFF;
    switch (c) {
      case '$':
        return templateMark('$', HclLexer.DOLLAR_ESCAPE, HclLexer.INTERPOLATION_START, false);
      case '%':
        return templateMark('%', HclLexer.PERCENT_ESCAPE, HclLexer.DIRECTIVE_START, false);
      case '\r':
        if (at(pos + 1) != '\n') {
          return one(HclLexer.INVALID_CHARACTER);
        }
        pos += 2;
        newline();
        return HclLexer.TEMPLATE_NEWLINE;
      case '\n':
        pos++;
        newline();
        return HclLexer.TEMPLATE_NEWLINE;
      default:
        pos = textEnd(pos + 1, TEMPLATE_STOP);
        return HclLexer.TEMPLATE_TEXT;
    }
  }

  /**
   * The line that ends a heredoc; only entered when {@link #heredocEndAhead} saw that the line
   * holds just the marker, so the rule always matches.
   */
  private int lexHeredocEnd() {
    skipBlanks();
    if (pos >= n || !startsIdentifier(pos)) {
      throw new IllegalStateException("HEREDOC_END does not match at " + line + ":" + column());
    }
    pos = identifierEnd(pos + 1);
    skipBlanks();
    if (markerDepth > 0) {
      markerDepth--;
    }
    popMode();
    return HclLexer.HEREDOC_END;
  }

  // ---- tokens of the default mode ------------------------------------------------------------

  private int oneOrTwo(int second, int twoType, int oneType) {
    if (at(pos + 1) == second) {
      pos += 2;
      return twoType;
    }
    pos++;
    return oneType;
  }

  /** {@code //} and {@code /*} comments, an unterminated block comment, or a slash. */
  private int slash() {
    int next = at(pos + 1);
    if (next == '/') {
      skipLineComment();
      return SKIP;
    }
    if (next != '*') {
      return one(HclLexer.SLASH);
    }
    // The shortest `/* ... */`; without a `*/` the comment runs to the end and is a token.
    byte[] b = bytes;
    for (int i = pos + 2; i + 1 < n; i++) {
      if (b[i] == '*' && b[i + 1] == '/') {
        countNewlines(pos, i + 2);
        pos = i + 2;
        return SKIP;
      }
    }
    countNewlines(pos, n);
    pos = n;
    return HclLexer.UNTERMINATED_BLOCK_COMMENT;
  }

  /** A line comment stops before the line feed, which is then a newline token. */
  private void skipLineComment() {
    byte[] b = bytes;
    int i = pos;
    while (i < n && b[i] != '\n') {
      i++;
    }
    pos = i;
  }

  /**
   * {@code Digit ((Digit | '.' | Exponent)* (Digit | Exponent))?}, with {@code Exponent} {@code
   * [eE] [+-]? Digit}: the longest prefix that is a number, which ends with a digit. As in
   * HashiCorp's scanner it runs on over further points and exponents ({@code 1.2.3} is one token).
   */
  private void number() {
    int i = pos + 1;
    int end = i;
    while (true) {
      int c = at(i);
      if (isDigit(c)) {
        end = ++i;
      } else if (c == '.') {
        i++;
      } else if (c == 'e' || c == 'E') {
        int j = i + 1;
        int sign = at(j);
        if (sign == '+' || sign == '-') {
          j++;
        }
        if (!isDigit(at(j))) {
          break;
        }
        i = j + 1;
        end = i;
      } else {
        break;
      }
    }
    pos = end;
  }

  /** A heredoc introducer ({@code <<EOF} or {@code <<-EOF} and its line break), or a comparison. */
  private int lessThan() {
    if (at(pos + 1) == '<') {
      int i = pos + 2;
      if (at(i) == '-') {
        i++;
      }
      int markerStart = i;
      if (i < n && startsIdentifier(i)) {
        i = identifierEnd(i + 1);
        int markerEnd = i;
        if (at(i) == '\r') {
          i++;
        }
        if (at(i) == '\n') {
          pos = i + 1;
          newline();
          pushMarker(markerStart, markerEnd);
          pushMode(HclLexer.HEREDOC);
          return HclLexer.HEREDOC_START;
        }
      }
    }
    return oneOrTwo('=', HclLexer.LT_EQ, HclLexer.LT);
  }

  /** A token of the one character at the current position. */
  private int one(int type) {
    pos++;
    return type;
  }

  /** HCL's keywords, and their token types at the same index. */
  private static final String[] KEYWORDS = {
    "for", "in", "if", "else", "endif", "endfor", "true", "false", "null"
  };

  private static final int[] KEYWORD_TYPES = {
    HclLexer.FOR,
    HclLexer.IN,
    HclLexer.IF,
    HclLexer.ELSE,
    HclLexer.ENDIF,
    HclLexer.ENDFOR,
    HclLexer.TRUE,
    HclLexer.FALSE,
    HclLexer.NULL
  };

  /** By token type: whether it is a name, as {@link #isName} says. */
  private static final boolean[] NAMES = names();

  private static boolean[] names() {
    // Sized from the constants, not from HclLexer.VOCABULARY: touching the generated lexer's static
    // state initialises it (its ATN is deserialized), 15-20 ms of every cold run of valid HCL.
    int max = HclLexer.IDENTIFIER;
    for (int type : KEYWORD_TYPES) {
      max = Math.max(max, type);
    }
    boolean[] names = new boolean[max + 1];
    names[HclLexer.IDENTIFIER] = true;
    for (int type : KEYWORD_TYPES) {
      names[type] = true;
    }
    return names;
  }

  /**
   * Whether a token of this type stands where the grammar's {@code identifier} rule allows: an
   * identifier or any keyword (argument and block names, labels, attribute access, function and
   * loop variable names). Looked up in a table made from {@link #KEYWORD_TYPES}: the parser asks it
   * for nearly every token.
   */
  static boolean isName(int type) {
    return type >= 0 && type < NAMES.length && NAMES[type];
  }

  /** The longest identifier; a keyword when all of it is one. */
  private int identifierOrKeyword() {
    int start = pos;
    pos = identifierEnd(start + 1);
    int length = pos - start;
    if (length > 6) {
      return HclLexer.IDENTIFIER; // longer than every keyword
    }
    for (int k = 0; k < KEYWORDS.length; k++) {
      if (KEYWORDS[k].length() == length && is(start, KEYWORDS[k])) {
        return KEYWORD_TYPES[k];
      }
    }
    return HclLexer.IDENTIFIER;
  }

  /** Whether the text at {@code start} begins with {@code word} (ASCII). */
  private boolean is(int start, String word) {
    for (int k = 0; k < word.length(); k++) {
      if (bytes[start + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  // ---- tokens of the template modes ----------------------------------------------------------

  /**
   * At {@code $} or {@code %}: an escaped {@code $${}/{@code %%{}, the start of a template sequence
   * ({@code ${} or {@code %{}, with an optional strip marker {@code ~}), or literal text.
   */
  private int templateMark(int mark, int escapeType, int sequenceType, boolean inQuotedString) {
    int next = at(pos + 1);
    if (next == mark && at(pos + 2) == '{') {
      pos += 3;
      return escapeType;
    }
    if (next == '{') {
      pos += at(pos + 2) == '~' ? 3 : 2;
      push(inQuotedString ? Frame.QUOTED_TEMPLATE_SEQUENCE : Frame.TEMPLATE_SEQUENCE);
      pushMode(Lexer.DEFAULT_MODE);
      return sequenceType;
    }
    return one(HclLexer.TEMPLATE_TEXT);
  }

  /**
   * A backslash escape in a quoted string: {@code \n \r \t \" \\ \}{@code uXXXX \UXXXXXXXX}, or an
   * invalid escape (the backslash and the character after it, unless that is a line break).
   */
  private int escape() {
    int next = at(pos + 1);
    switch (next) {
      case 'n':
      case 'r':
      case 't':
      case '"':
      case '\\':
        pos += 2;
        return HclLexer.ESCAPE_SEQUENCE;
      case 'u':
        if (hexDigits(pos + 2, 4)) {
          pos += 6;
          return HclLexer.ESCAPE_SEQUENCE;
        }
        break;
      case 'U':
        if (hexDigits(pos + 2, 8)) {
          pos += 10;
          return HclLexer.ESCAPE_SEQUENCE;
        }
        break;
      case EOF:
      case '\r':
      case '\n':
        return one(HclLexer.INVALID_ESCAPE);
      default:
        break;
    }
    pos += 2;
    return HclLexer.INVALID_ESCAPE;
  }

  private boolean hexDigits(int from, int count) {
    for (int i = from; i < from + count; i++) {
      int c = at(i);
      if (!(isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where literal text that goes on at {@code from} ends: at the first character of the class
   * {@code stop} ({@link #STRING_STOP} or {@link #TEMPLATE_STOP}), or at the end.
   */
  private int textEnd(int from, int stop) {
    byte[] b = bytes;
    int end = n;
    int i = from;
    while (i < end && (CLASS[b[i] & 0xFF] & stop) == 0) {
      i++;
    }
    return i;
  }

  // ---- HclLexerBase's state ------------------------------------------------------------------

  private void onNewline() {
    Frame top = top();
    if (top == Frame.ATTRIBUTE_VALUE) {
      frameDepth--;
    } else if (!top.newlinesSignificant) {
      channel = Lexer.HIDDEN;
    }
  }

  /** A brace directly in a body opens a block; elsewhere an object or a {@code for} expression. */
  private void onOpenBrace() {
    if (top() == Frame.BODY) {
      push(Frame.BODY);
    } else if (forKeywordAhead()) {
      push(Frame.FOR_BRACE);
    } else {
      push(Frame.OBJECT);
    }
  }

  /** Closes the innermost brace-like frame, dropping unclosed parentheses and brackets in it. */
  private void onCloseBrace() {
    while (frameDepth > 1) {
      Frame top = frames[--frameDepth];
      if (top == Frame.TEMPLATE_SEQUENCE || top == Frame.QUOTED_TEMPLATE_SEQUENCE) {
        popMode();
        return;
      }
      if (top == Frame.BODY || top == Frame.OBJECT || top == Frame.FOR_BRACE) {
        return;
      }
    }
  }

  /**
   * A line break ends a quoted string, and each quoted string whose interpolation it sits in (with
   * the brackets open in those interpolations).
   */
  private void onStringNewline() {
    popMode();
    while (containsQuotedSequence()) {
      Frame top = top();
      if (top == Frame.QUOTED_TEMPLATE_SEQUENCE) {
        frameDepth--;
        popMode(); // back into the enclosing quoted string
        popMode(); // and out of it
      } else if (top == Frame.PAREN
          || top == Frame.BRACKET
          || top == Frame.OBJECT
          || top == Frame.FOR_BRACE) {
        frameDepth--;
      } else {
        break;
      }
    }
    onNewline();
  }

  private boolean containsQuotedSequence() {
    for (int i = 0; i < frameDepth; i++) {
      if (frames[i] == Frame.QUOTED_TEMPLATE_SEQUENCE) {
        return true;
      }
    }
    return false;
  }

  /**
   * At the start of a heredoc line that holds only the current marker, with optional spaces and
   * tabs around it, and ends with a line break (before the line is lexed).
   */
  private boolean heredocEndAhead() {
    if (markerDepth == 0 || pos == 0 || bytes[pos - 1] != '\n') {
      return false;
    }
    int i = pos;
    while (isBlank(at(i))) {
      i++;
    }
    int markerStart = markers[2 * markerDepth - 2];
    int markerEnd = markers[2 * markerDepth - 1];
    for (int k = markerStart; k < markerEnd; k++, i++) {
      if (codePointAt(i) != codePoint(k)) {
        return false;
      }
    }
    while (isBlank(at(i))) {
      i++;
    }
    // As HclLexerBase: no line break after the marker (the end of the file) does not close it.
    int next = at(i);
    return next == '\n' || (next == '\r' && at(i + 1) == '\n');
  }

  /**
   * Whether the word after a {@code {} (past whitespace, newlines and comments) is {@code for}. The
   * end of the word is tested with Java's identifier characters, as {@code HclLexerBase} does.
   */
  private boolean forKeywordAhead() {
    int i = pos;
    while (true) {
      int c = at(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
      } else if (c == '#' || (c == '/' && at(i + 1) == '/')) {
        while (at(i) != '\n' && at(i) != EOF) {
          i++;
        }
      } else if (c == '/' && at(i + 1) == '*') {
        i += 2;
        while (!(at(i) == '*' && at(i + 1) == '/')) {
          if (at(i) == EOF) {
            return false;
          }
          i++;
        }
        i += 2;
      } else {
        break;
      }
    }
    if (at(i) != 'f' || at(i + 1) != 'o' || at(i + 2) != 'r') {
      return false;
    }
    int after = codePointAt(i + 3);
    return after == EOF || !(after == '-' || Character.isUnicodeIdentifierPart(after));
  }

  // ---- stacks --------------------------------------------------------------------------------

  private Frame top() {
    return frames[frameDepth - 1];
  }

  private void push(Frame frame) {
    if (frameDepth == frames.length) {
      frames = Arrays.copyOf(frames, frameDepth * 2);
    }
    frames[frameDepth++] = frame;
  }

  private void popIf(Frame frame) {
    if (top() == frame) {
      frameDepth--;
    }
  }

  private void pushMode(int newMode) {
    if (modeDepth == modeStack.length) {
      modeStack = Arrays.copyOf(modeStack, modeDepth * 2);
    }
    modeStack[modeDepth++] = mode;
    mode = newMode;
  }

  /** Never pops past the bottom of the mode stack, as {@code HclLexerBase.popMode}. */
  private void popMode() {
    if (modeDepth > 0) {
      mode = modeStack[--modeDepth];
    }
  }

  private void pushMarker(int start, int end) {
    if (2 * markerDepth == markers.length) {
      markers = Arrays.copyOf(markers, markers.length * 2);
    }
    markers[2 * markerDepth] = start;
    markers[2 * markerDepth + 1] = end;
    markerDepth++;
  }

  // ---- characters ----------------------------------------------------------------------------

  /** The code point at {@code i}, or {@link Token#EOF} past the end (as {@code CharStream.LA}). */
  private int at(int i) {
    return i < n ? bytes[i] & 0xFF : EOF;
  }

  /** The code point at {@code i} (which is before the end). */
  private int codePoint(int i) {
    char c = units.charAt(i);
    return codePoints != null && Character.isSurrogate(c) ? codePoints[i] : c;
  }

  /** The code point at {@code i}, or {@link Token#EOF} past the end. */
  private int codePointAt(int i) {
    return i < n ? codePoint(i) : EOF;
  }

  private boolean startsIdentifier(int i) {
    int flags = CLASS[bytes[i] & 0xFF];
    return (flags & IDENTIFIER_START) != 0
        || ((flags & WIDER) != 0 && IdentifierChars.isStart(codePoint(i)));
  }

  /** Where an identifier that goes on at {@code from} ends. */
  private int identifierEnd(int from) {
    byte[] b = bytes;
    int end = n;
    int i = from;
    while (i < end) {
      int flags = CLASS[b[i] & 0xFF];
      if ((flags & IDENTIFIER_CONTINUE) == 0
          && ((flags & WIDER) == 0 || !IdentifierChars.isContinue(codePoint(i)))) {
        break;
      }
      i++;
    }
    return i;
  }

  /** The byte of a {@code '?'}, and of every character above U+00FF in {@link #bytes}. */
  private static final int QUESTION_OR_WIDER = '?';

  private static final byte IDENTIFIER_START = 1;
  private static final byte IDENTIFIER_CONTINUE = 2;
  private static final byte STRING_STOP = 4;
  private static final byte TEMPLATE_STOP = 8;

  /** A {@code '?'} that may stand for a wider character, whose class {@link #codePoint} decides. */
  private static final byte WIDER = 16;

  /**
   * The classes of each byte of {@link #bytes}, looked up in the loops over identifiers and text
   * (the Latin-1 characters are their own code points).
   */
  private static final byte[] CLASS = new byte[0x100];

  static {
    for (char c = 0; c < 0x100; c++) {
      int flags = 0;
      if (IdentifierChars.isStart(c)) {
        flags |= IDENTIFIER_START;
      }
      if (IdentifierChars.isContinue(c)) {
        flags |= IDENTIFIER_CONTINUE;
      }
      if ("\"\\$%\r\n".indexOf(c) >= 0) {
        flags |= STRING_STOP;
      }
      if ("$%\r\n".indexOf(c) >= 0) {
        flags |= TEMPLATE_STOP;
      }
      if (c == QUESTION_OR_WIDER) {
        flags |= WIDER;
      }
      CLASS[c] = (byte) flags;
    }
  }

  /** After a token that ends with a line feed. */
  private void newline() {
    line++;
    lineStart = pos;
  }

  /** Lines and columns count line feeds only, as ANTLR's lexer does. */
  private void countNewlines(int from, int to) {
    byte[] b = bytes;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
  }

  private int column() {
    return pos - lineStart;
  }

  private void skipBlanks() {
    pos = blanksEnd(pos);
  }

  /** Where the spaces and tabs from {@code from} on end. */
  private int blanksEnd(int from) {
    byte[] b = bytes;
    int end = n;
    int i = from;
    while (i < end && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    return i;
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
