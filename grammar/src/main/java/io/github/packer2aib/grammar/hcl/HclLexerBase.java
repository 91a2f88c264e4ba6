package io.github.packer2aib.grammar.hcl;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * The stateful part of the HCL lexer; {@code HclLexer.g4} only calls these methods.
 *
 * <p>The lexer keeps a stack of open delimiters ({@link Frame}). The frame on top decides two
 * things the token grammar alone cannot:
 *
 * <ul>
 *   <li>whether a newline is significant (it ends an attribute or block header, or separates object
 *       items) or is whitespace (inside parentheses, brackets, {@code for} expressions and template
 *       sequences), in which case it goes to the hidden channel;
 *   <li>what a closing brace closes: a block body, an object, a {@code for} expression, or a
 *       template sequence ({@code ${…}} / {@code %{…}}), after which the lexer returns to the
 *       template mode it came from.
 * </ul>
 *
 * <p>It also keeps the stack of heredoc markers, so a heredoc ends only at a line holding just its
 * own marker.
 */
public abstract class HclLexerBase extends Lexer {

  /**
   * What an open delimiter is; the top of the stack governs newlines and closing braces. Public for
   * the hand-written tokenizer of converter-core, which keeps the same stack.
   */
  public enum Frame {
    /** A configuration body: the file itself or a block's braces. Newlines are significant. */
    BODY(true),
    /** The value of an attribute in a body, up to its terminating newline. */
    ATTRIBUTE_VALUE(true),
    /** The root of a standalone expression. Newlines are significant (they may only trail). */
    EXPRESSION_ROOT(true),
    /** The root of a standalone template: everything is template text or a sequence. */
    TEMPLATE_ROOT(true),
    /** An object constructor: newlines separate items. */
    OBJECT(true),
    /** The braces of an object {@code for} expression: newlines are whitespace. */
    FOR_BRACE(false),
    PAREN(false),
    BRACKET(false),
    /** A template sequence, {@code ${…}} or {@code %{…}}: newlines are whitespace. */
    TEMPLATE_SEQUENCE(false),
    /** A template sequence inside a quoted string. */
    QUOTED_TEMPLATE_SEQUENCE(false);

    public final boolean newlinesSignificant;

    Frame(boolean newlinesSignificant) {
      this.newlinesSignificant = newlinesSignificant;
    }
  }

  private final Deque<Frame> frames = new ArrayDeque<>();
  private final Deque<String> heredocMarkers = new ArrayDeque<>();
  private Frame root = Frame.BODY;
  private boolean skipsByteOrderMark = true;

  /** The generated lexer's numbers of the heredoc modes (its mode names are static data). */
  private final int heredocMode;

  private final int heredocEndLineMode;

  protected HclLexerBase(CharStream input) {
    super(input);
    frames.push(root);
    List<String> modes = Arrays.asList(getModeNames());
    heredocMode = modes.indexOf("HEREDOC");
    heredocEndLineMode = modes.indexOf("HEREDOC_END_LINE");
  }

  /**
   * Before a token in a heredoc, switches to the mode of the closing line when the line ahead holds
   * only the marker (see {@link #heredocEndAhead()}).
   */
  @Override
  public Token nextToken() {
    if (_mode == heredocMode && heredocEndAhead()) {
      mode(heredocEndLineMode);
    }
    return super.nextToken();
  }

  /** Lex a configuration file (the default). */
  public void startConfigFile() {
    start(Frame.BODY);
  }

  /** Lex a standalone expression, as in a REPL or an {@code -var} value. */
  public void startExpression() {
    start(Frame.EXPRESSION_ROOT);
  }

  /**
   * Lex a standalone template, such as a {@code templatefile} source. The caller also switches the
   * lexer to its {@code TEMPLATE} mode.
   */
  public void startTemplate() {
    start(Frame.TEMPLATE_ROOT);
  }

  private void start(Frame newRoot) {
    root = newRoot;
    frames.clear();
    frames.push(root);
    heredocMarkers.clear();
  }

  @Override
  public void reset() {
    super.reset();
    start(root);
  }

  /** Never pops past the bottom of the mode stack, whatever the input. */
  @Override
  public int popMode() {
    if (_modeStack.isEmpty()) {
      return _mode;
    }
    return super.popMode();
  }

  // ---- newlines and attribute values -------------------------------------------------------

  protected void onNewline() {
    Frame top = frames.peek();
    if (top == Frame.ATTRIBUTE_VALUE) {
      frames.pop();
    } else if (!top.newlinesSignificant) {
      setChannel(HIDDEN);
    }
  }

  /** An {@code =} directly in a body starts an attribute value; its braces are objects. */
  protected void onEquals() {
    if (frames.peek() == Frame.BODY) {
      frames.push(Frame.ATTRIBUTE_VALUE);
    }
  }

  /**
   * Whether a byte order mark at the very start of the input is hidden (the default), as HCL's
   * scanner drops one before it scans. Turned off for a text whose one mark was already removed,
   * such as a file's text decoded without it: a mark still at its start is then a second one, which
   * HCL reports as an invalid character.
   */
  public void setSkipsByteOrderMark(boolean skips) {
    skipsByteOrderMark = skips;
  }

  protected void onByteOrderMark() {
    if (_tokenStartCharIndex == 0 && skipsByteOrderMark) {
      setChannel(HIDDEN);
    }
  }

  // ---- brackets ------------------------------------------------------------------------------

  protected void onOpenParen() {
    frames.push(Frame.PAREN);
  }

  protected void onCloseParen() {
    if (frames.peek() == Frame.PAREN) {
      frames.pop();
    }
  }

  protected void onOpenBracket() {
    frames.push(Frame.BRACKET);
  }

  protected void onCloseBracket() {
    if (frames.peek() == Frame.BRACKET) {
      frames.pop();
    }
  }

  /**
   * A brace directly in a body opens a block; anywhere else it opens an object, or a {@code for}
   * expression when the next word is {@code for} (which has priority, as the spec says).
   */
  protected void onOpenBrace() {
    if (frames.peek() == Frame.BODY) {
      frames.push(Frame.BODY);
    } else if (forKeywordAhead()) {
      frames.push(Frame.FOR_BRACE);
    } else {
      frames.push(Frame.OBJECT);
    }
  }

  /**
   * Closes the innermost brace-like frame. Unclosed parentheses or brackets inside it are dropped
   * with it, so a stray {@code (} cannot swallow the rest of a template.
   */
  protected void onCloseBrace() {
    while (frames.size() > 1) {
      Frame top = frames.pop();
      if (top == Frame.TEMPLATE_SEQUENCE || top == Frame.QUOTED_TEMPLATE_SEQUENCE) {
        popMode();
        return;
      }
      if (top == Frame.BODY || top == Frame.OBJECT || top == Frame.FOR_BRACE) {
        return;
      }
      // ATTRIBUTE_VALUE, PAREN, BRACKET: keep unwinding to the brace this one closes.
    }
  }

  // ---- templates -----------------------------------------------------------------------------

  /**
   * @param inQuotedString whether the sequence starts inside a quoted string
   */
  protected void onTemplateSequenceStart(boolean inQuotedString) {
    frames.push(inQuotedString ? Frame.QUOTED_TEMPLATE_SEQUENCE : Frame.TEMPLATE_SEQUENCE);
  }

  /**
   * A line break inside a quoted string, which cannot span lines. It ends the string and, when the
   * string sits in an interpolation of another quoted string (as in {@code "${f("x}}), that one
   * too, so the next line is lexed as the start of a new item rather than as string text.
   */
  protected void onStringNewline() {
    popMode();
    while (frames.contains(Frame.QUOTED_TEMPLATE_SEQUENCE)) {
      Frame top = frames.peek();
      if (top == Frame.QUOTED_TEMPLATE_SEQUENCE) {
        frames.pop();
        popMode(); // back into the enclosing quoted string
        popMode(); // and out of it
      } else if (top == Frame.PAREN
          || top == Frame.BRACKET
          || top == Frame.OBJECT
          || top == Frame.FOR_BRACE) {
        frames.pop();
      } else {
        break;
      }
    }
    onNewline();
  }

  protected void onHeredocStart() {
    String text = getText();
    int start = text.startsWith("<<-") ? 3 : 2;
    int end = text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    heredocMarkers.push(text.substring(start, end));
  }

  protected void onHeredocEnd() {
    if (!heredocMarkers.isEmpty()) {
      heredocMarkers.pop();
    }
  }

  /**
   * True at the start of a heredoc line that holds only the current marker, optionally surrounded
   * by spaces and tabs, and ends with a line break. Evaluated before the token's first character is
   * consumed (from {@link #nextToken()}).
   */
  protected boolean heredocEndAhead() {
    String marker = heredocMarkers.peek();
    if (marker == null || _input.index() == 0 || _input.LA(-1) != '\n') {
      return false;
    }
    int i = 1;
    while (isBlank(_input.LA(i))) {
      i++;
    }
    for (int k = 0; k < marker.length(); ) {
      int cp = marker.codePointAt(k);
      if (_input.LA(i) != cp) {
        return false;
      }
      i++;
      k += Character.charCount(cp);
    }
    while (isBlank(_input.LA(i))) {
      i++;
    }
    // The line break is required: HCL's scanner closes a heredoc only on a marker line that ends
    // with one, so a marker at the very end of the file leaves the heredoc unterminated.
    int next = _input.LA(i);
    return next == '\n' || (next == '\r' && _input.LA(i + 1) == '\n');
  }

  /** Looks past whitespace, newlines and comments after a {@code {} for the word {@code for}. */
  private boolean forKeywordAhead() {
    int i = 1;
    while (true) {
      int c = _input.LA(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
      } else if (c == '#' || (c == '/' && _input.LA(i + 1) == '/')) {
        while (_input.LA(i) != '\n' && _input.LA(i) != IntStream.EOF) {
          i++;
        }
      } else if (c == '/' && _input.LA(i + 1) == '*') {
        i += 2;
        while (!(_input.LA(i) == '*' && _input.LA(i + 1) == '/')) {
          if (_input.LA(i) == IntStream.EOF) {
            return false;
          }
          i++;
        }
        i += 2;
      } else {
        break;
      }
    }
    if (_input.LA(i) != 'f' || _input.LA(i + 1) != 'o' || _input.LA(i + 2) != 'r') {
      return false;
    }
    int after = _input.LA(i + 3);
    return after == IntStream.EOF || !(after == '-' || Character.isUnicodeIdentifierPart(after));
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }
}
