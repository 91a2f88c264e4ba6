package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.Strip;
import io.github.packer2aib.core.hcl.syntax.TemplateFor;
import io.github.packer2aib.core.hcl.syntax.TemplateIf;
import io.github.packer2aib.core.hcl.syntax.TemplateInterpolation;
import io.github.packer2aib.core.hcl.syntax.TemplateLiteral;
import io.github.packer2aib.core.hcl.syntax.TemplatePart;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.grammar.hcl.HclLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.antlr.v4.runtime.Token;

/**
 * Turns the flat sequence of a template's pieces into its final parts, in the order HashiCorp's
 * parser applies the rules, because each rule sees the result of the previous one:
 *
 * <ol>
 *   <li>strip markers remove the whitespace of the literal piece right next to them;
 *   <li>for a {@code <<-} heredoc, the smallest indentation of the lines is removed from every line
 *       (blank lines and the text after an interpolation do not count);
 *   <li>adjacent literal pieces are joined;
 *   <li>{@code if}/{@code else}/{@code endif} and {@code for}/{@code endfor} are paired into nested
 *       directives; an unpaired one is reported, and a wrong end directive (or an {@code else}
 *       in a {@code for} or after another {@code else}) ends the innermost open directive, as in
 *       HashiCorp's parser.
 * </ol>
 *
 * <p>A literal piece is what HashiCorp's scanner calls a literal token: a run of text and escapes;
 * a lone {@code $} or {@code %}, and each {@code $${} / {@code %%{} escape, is a piece of its own; in
 * heredocs and standalone templates a piece also ends after each line break. The pieces matter
 * only to which whitespace a strip marker removes.
 */
final class TemplateAssembler {

  /** One piece of a template before assembly. */
  sealed interface Piece permits Text, Sequence {}

  /**
   * Literal text with its UTF-16 source span (start moves when indentation is removed). Text that
   * is the source's own, from start to end, is cut from the source only when asked for: the lines
   * of a heredoc, a piece each, then join into one cut instead of a string per token, per line and
   * per join.
   */
  static final class Text implements Piece {
    private final String source;

    /** The text; null while it is the source's from start to end and nobody asked for it. */
    private String text;

    /** Whether the text differs from the source's from start to end (escapes, strip markers). */
    private boolean edited;

    private int start;
    private int end;

    /** The source's own text from {@code start} to {@code end}. */
    Text(String source, int start, int end) {
      this.source = source;
      this.start = start;
      this.end = end;
    }

    /** Decoded text for the source span from {@code start} to {@code end}. */
    Text(String source, String text, int start, int end) {
      this(source, start, end);
      this.text = text;
      this.edited = true;
    }

    String text() {
      String t = text;
      if (t == null) {
        t = source.substring(start, end);
        text = t;
      }
      return t;
    }

    /** Replaces the text (the span stays). */
    void edit(String newText) {
      text = newText;
      edited = true;
    }

    /** Whether the text is the source's own from start to end. */
    boolean isSourceText() {
      return !edited;
    }

    /** Takes in the source's text from the end up to {@code newEnd} (the text stays its own). */
    void extend(int newEnd) {
      end = newEnd;
      text = null;
    }

    /**
     * Takes in the source span from the end up to {@code newEnd}, whose text the caller joins and
     * then sets with {@link #edit}.
     */
    void grow(int newEnd) {
      edited = true;
      end = newEnd;
    }

    /** Drops the first {@code count} characters of text and of the span (indentation). */
    void dropFirst(int count) {
      text = text().substring(count);
      start += count;
    }

    boolean endsWithNewline() {
      // Without a text it is the source's own (an edit always sets the text).
      return text != null ? text.endsWith("\n") : end > start && source.charAt(end - 1) == '\n';
    }
  }

  /** The kinds of template sequence. */
  enum Kind {
    INTERPOLATION,
    IF,
    ELSE,
    END_IF,
    FOR,
    END_FOR
  }

  /**
   * A template sequence. {@code expression} is the interpolated value, the if condition or the for
   * collection; the variables are set for {@code for} only.
   */
  record Sequence(
      Kind kind,
      Strip strip,
      Range range,
      Expression expression,
      Optional<String> keyVariable,
      String valueVariable)
      implements Piece {}

  private final Locator locator;
  private final Consumer<Diagnostic> diagnostics;

  TemplateAssembler(Locator locator, Consumer<Diagnostic> diagnostics) {
    this.locator = locator;
    this.diagnostics = diagnostics;
  }

  /**
   * The pieces of one template, gathered from its tokens in order and split where HashiCorp's
   * scanner splits literal tokens.
   */
  final class Pieces {
    // Most templates are one to a few pieces: ArrayList's first array of ten was the largest
    // allocation of a quoted string after its text.
    private final List<Piece> list = new ArrayList<>(4);
    private final boolean lineTokens;
    private Text open;

    /**
     * The text of {@link #open} while it is joined from more than one token and is not the source's
     * own (an escape in it): one builder instead of a new string per token. Its text is set when
     * the piece closes ({@link #close}).
     */
    private StringBuilder joined;

    private boolean joining;

    /**
     * @param lineTokens whether a literal token ends after each line break (heredocs and standalone
     *     templates)
     */
    Pieces(boolean lineTokens) {
      this.lineTokens = lineTokens;
    }

    /** A literal token: text, a line break or an escape; its text is decoded here. */
    void literal(Token token) {
      literal(token.getType(), token.getStartIndex(), token.getStopIndex());
    }

    /**
     * A literal token given by its type and code point indexes ({@code stop} inclusive): text, a
     * line break or an escape; its text is decoded here.
     */
    void literal(int type, int startIndex, int stopIndex) {
      int start = locator.offset(startIndex);
      int end = locator.offset(stopIndex + 1);
      String source = locator.file().text();
      // Text and line breaks are the source's own text; escapes are decoded.
      boolean own = type == HclLexer.TEMPLATE_TEXT || type == HclLexer.TEMPLATE_NEWLINE;
      boolean alone =
          type == HclLexer.DOLLAR_ESCAPE
              || type == HclLexer.PERCENT_ESCAPE
              || (type == HclLexer.TEMPLATE_TEXT && isLoneMark(source, start, end));
      if (alone || open == null) {
        close();
        open =
            own
                ? new Text(source, start, end)
                : new Text(
                    source, literalText(type, start, end, startIndex, stopIndex), start, end);
        list.add(open);
      } else if (own && open.isSourceText() && open.end == start) {
        open.extend(end);
      } else {
        if (!joining) {
          if (joined == null) {
            joined = new StringBuilder();
          }
          joined.setLength(0);
          if (open.isSourceText()) {
            joined.append(source, open.start, open.end);
          } else {
            joined.append(open.text());
          }
          joining = true;
        }
        if (own) {
          joined.append(source, start, end);
        } else {
          joined.append(literalText(type, start, end, startIndex, stopIndex));
        }
        open.grow(end);
      }
      boolean endsToken = alone || (lineTokens && type == HclLexer.TEMPLATE_NEWLINE);
      if (endsToken) {
        close();
        open = null;
      }
    }

    /** Ends the open piece: sets the text joined for it, if any. */
    private void close() {
      if (joining) {
        open.edit(joined.toString());
        joining = false;
      }
    }

    /**
     * Whether the source text from {@code start} to {@code end} is a lone {@code $} or {@code %}.
     */
    private boolean isLoneMark(String source, int start, int end) {
      if (end - start != 1) {
        return false;
      }
      char c = source.charAt(start);
      return c == '$' || c == '%';
    }

    void sequence(Sequence sequence) {
      close();
      open = null;
      list.add(sequence);
    }

    /** A part left out (after a syntax error): the literal text around it does not join. */
    void gap() {
      close();
      open = null;
    }

    List<Piece> list() {
      close();
      return list;
    }
  }

  /**
   * A template sequence from its first and last tokens: {@code ${~} or {@code %{~} strips on the
   * left, {@code ~}} on the right.
   */
  Sequence sequence(
      Kind kind,
      Token start,
      Token end,
      Range range,
      Expression expression,
      Optional<String> keyVariable,
      String valueVariable) {
    return sequence(
        kind,
        locator.text(start).endsWith("~"),
        end.getType(),
        range,
        expression,
        keyVariable,
        valueVariable);
  }

  /**
   * A template sequence.
   *
   * @param stripLeft whether its first token is {@code ${~} or {@code %{~}
   * @param endType the type of its last token
   */
  Sequence sequence(
      Kind kind,
      boolean stripLeft,
      int endType,
      Range range,
      Expression expression,
      Optional<String> keyVariable,
      String valueVariable) {
    return new Sequence(
        kind,
        new Strip(stripLeft, endType == HclLexer.STRIP_RBRACE),
        range,
        expression,
        keyVariable,
        valueVariable);
  }

  /**
   * A {@code %{ for }} directive: with one variable it names the values, with two the keys and the
   * values (as {@link TreeShaper#forExpr} names a for expression's).
   *
   * @param second the second variable's name, or null
   */
  Sequence forSequence(
      Token start, Token end, Range range, Expression collection, String first, String second) {
    return forSequence(
        locator.text(start).endsWith("~"), end.getType(), range, collection, first, second);
  }

  /**
   * {@link #forSequence(Token, Token, Range, Expression, String, String)} with its tokens given as
   * {@link #sequence(Kind, boolean, int, Range, Expression, Optional, String)} takes them.
   */
  Sequence forSequence(
      boolean stripLeft,
      int endType,
      Range range,
      Expression collection,
      String first,
      String second) {
    return sequence(
        Kind.FOR,
        stripLeft,
        endType,
        range,
        collection,
        second == null ? Optional.empty() : Optional.of(first),
        second == null ? first : second);
  }

  /**
   * The text of a literal token from {@code start} to {@code end} (UTF-16 offsets; its code point
   * indexes for ranges are {@code startIndex} and {@code stopIndex}).
   */
  private String literalText(int type, int start, int end, int startIndex, int stopIndex) {
    switch (type) {
      case HclLexer.DOLLAR_ESCAPE:
        return "${";
      case HclLexer.PERCENT_ESCAPE:
        return "%{";
      case HclLexer.ESCAPE_SEQUENCE:
        return escape(locator.file().text().substring(start, end), startIndex, stopIndex);
      case HclLexer.INVALID_ESCAPE:
        String text = locator.file().text().substring(start, end);
        diagnostics.accept(
            Diagnostic.of(
                HclSyntaxCode.INVALID_ESCAPE_SEQUENCE,
                locator.token(startIndex, stopIndex),
                text.length() < 2
                    ? "A backslash at the end of a line starts no escape sequence. Write \\\\ for"
                        + " a literal backslash."
                    : text.equals("\\u") || text.equals("\\U")
                        ? "\""
                            + text
                            + "\" must be followed by "
                            + (text.equals("\\u") ? "four" : "eight")
                            + " hexadecimal digits naming a Unicode character."
                        : "\""
                            + text
                            + "\" is not a valid escape sequence. The escapes are \\n"
                            + ", \\r"
                            + ", \\t, \\\", \\\\, \\uNNNN and \\UNNNNNNNN; write \\\\ for a literal"
                            + " backslash."));
        return text;
      default:
        return locator.file().text().substring(start, end);
    }
  }

  /** Decodes a lexically valid escape; a \\u or \\U escape must name a Unicode scalar value. */
  private String escape(String text, int startIndex, int stopIndex) {
    switch (text.charAt(1)) {
      case 'n':
        return "\n";
      case 'r':
        return "\r";
      case 't':
        return "\t";
      case '"':
        return "\"";
      case '\\':
        return "\\";
      default:
        // Eight hex digits can exceed an int (\U99999999): read them as a long.
        long cp = Long.parseLong(text.substring(2), 16);
        if (cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
          diagnostics.accept(
              Diagnostic.of(
                  HclSyntaxCode.INVALID_ESCAPE_SEQUENCE,
                  locator.token(startIndex, stopIndex),
                  "\""
                      + text
                      + "\" does not name a Unicode character"
                      + (cp >= 0xD800 && cp <= 0xDFFF
                          ? " (it is half of a UTF-16 surrogate pair). Write a character outside"
                              + " the Basic Multilingual Plane with \\U and eight hex digits, such"
                              + " as \\U0001F600."
                          : ".")));
          return "\uFFFD";
        }
        return new String(Character.toChars((int) cp));
    }
  }

  /**
   * The final parts of a template.
   *
   * @param pieces the pieces, owned by the assembler from now on (it changes the list and its
   *     texts)
   * @param emptyAt where an empty template's single empty literal is placed
   * @param end where the template ends (its closing quote or heredoc marker, or the end of a
   *     standalone template's file): where a directive left open is reported, as HashiCorp's parser
   *     reports it
   */
  List<TemplatePart> assemble(
      List<Piece> pieces, boolean removeIndentation, int emptyAt, Range end) {
    if (pieces.isEmpty()) {
      return List.of(literal(new Text(locator.file().text(), emptyAt, emptyAt)));
    }
    if (!removeIndentation && literalsOnly(pieces)) {
      // Most templates are plain strings: no strip markers to apply, no directives to pair, all
      // pieces join into one literal.
      return List.of(literal(joinRun(pieces, 0, pieces.size())));
    }
    applyStripMarkers(pieces);
    if (removeIndentation) {
      removeCommonIndentation(pieces);
    }
    List<Piece> joined = joinLiterals(pieces);
    return nest(joined, end);
  }

  private static boolean literalsOnly(List<Piece> pieces) {
    for (int i = 0, n = pieces.size(); i < n; i++) {
      if (!(pieces.get(i) instanceof Text)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The literal pieces {@code from} (inclusive) to {@code to} (exclusive) as one: their texts
   * joined, from the start of the first to the end of the last. Joined in one builder, as a long
   * heredoc has a piece per line.
   */
  private static Text joinRun(List<Piece> pieces, int from, int to) {
    Text first = (Text) pieces.get(from);
    if (to - from == 1) {
      return first;
    }
    Text last = (Text) pieces.get(to - 1);
    if (sourceTextRun(pieces, from, to)) {
      return new Text(first.source, first.start, last.end);
    }
    StringBuilder text = new StringBuilder(first.text());
    for (int i = from + 1; i < to; i++) {
      text.append(((Text) pieces.get(i)).text());
    }
    return new Text(first.source, text.toString(), first.start, last.end);
  }

  /**
   * Whether the literal pieces {@code from} to {@code to} are each the source's own text and follow
   * each other in it, so that their joined text is the source's from the first to the last.
   */
  private static boolean sourceTextRun(List<Piece> pieces, int from, int to) {
    Text previous = (Text) pieces.get(from);
    if (!previous.isSourceText()) {
      return false;
    }
    for (int i = from + 1; i < to; i++) {
      Text next = (Text) pieces.get(i);
      if (!next.isSourceText() || next.start != previous.end) {
        return false;
      }
      previous = next;
    }
    return true;
  }

  private TemplateLiteral literal(Text text) {
    return new TemplateLiteral(
        text.text(), locator.range(text.start, Math.max(text.start, text.end)));
  }

  private static void applyStripMarkers(List<Piece> pieces) {
    for (int i = 0; i < pieces.size(); i++) {
      if (!(pieces.get(i) instanceof Sequence sequence)) {
        continue;
      }
      if (sequence.strip().left() && i > 0 && pieces.get(i - 1) instanceof Text before) {
        before.edit(trimEnd(before.text()));
      }
      if (sequence.strip().right()
          && i + 1 < pieces.size()
          && pieces.get(i + 1) instanceof Text after) {
        after.edit(trimStart(after.text()));
      }
    }
  }

  private static void removeCommonIndentation(List<Piece> pieces) {
    int min = Integer.MAX_VALUE;
    List<Text> lineStarts = new ArrayList<>();
    boolean atLineStart = true;
    for (Piece piece : pieces) {
      if (atLineStart) {
        atLineStart = false;
        if (piece instanceof Text text) {
          String whole = text.text();
          String trimmed = trimStart(whole);
          boolean blank = trimmed.isEmpty() && whole.endsWith("\n");
          if (!blank) {
            min = Math.min(min, whole.length() - trimmed.length());
            lineStarts.add(text);
          }
        } else {
          min = 0;
        }
      }
      if (piece instanceof Text text && text.endsWithNewline()) {
        atLineStart = true;
      }
    }
    if (min == 0 || min == Integer.MAX_VALUE) {
      return;
    }
    for (Text text : lineStarts) {
      text.dropFirst(min);
    }
  }

  private static List<Piece> joinLiterals(List<Piece> pieces) {
    List<Piece> out = new ArrayList<>(pieces.size());
    int n = pieces.size();
    int i = 0;
    while (i < n) {
      Piece piece = pieces.get(i);
      if (!(piece instanceof Text)) {
        out.add(piece);
        i++;
        continue;
      }
      int runEnd = i + 1;
      while (runEnd < n && pieces.get(runEnd) instanceof Text) {
        runEnd++;
      }
      out.add(joinRun(pieces, i, runEnd));
      i = runEnd;
    }
    return out;
  }

  /** An open directive while pairing. */
  private static final class Open {
    final Sequence opening;
    final List<TemplatePart> first = new ArrayList<>();
    final List<TemplatePart> second = new ArrayList<>();
    Sequence middle;

    Open(Sequence opening) {
      this.opening = opening;
    }

    List<TemplatePart> current() {
      return middle == null ? first : second;
    }
  }

  private List<TemplatePart> nest(List<Piece> pieces, Range templateEnd) {
    List<TemplatePart> root = new ArrayList<>(pieces.size());
    Deque<Open> open = new ArrayDeque<>(4);
    for (int i = 0, n = pieces.size(); i < n; i++) {
      Piece piece = pieces.get(i);
      List<TemplatePart> target = open.isEmpty() ? root : open.peek().current();
      if (piece instanceof Text text) {
        target.add(literal(text));
        continue;
      }
      Sequence s = (Sequence) piece;
      switch (s.kind()) {
        case INTERPOLATION:
          target.add(new TemplateInterpolation(s.expression(), s.strip(), s.range()));
          break;
        case IF:
        case FOR:
          open.push(new Open(s));
          break;
        case ELSE:
          if (!elseDirective(open, s)) {
            closeInnermost(root, open, s);
          }
          break;
        case END_IF:
          if (open.isEmpty() || open.peek().opening.kind() != Kind.IF) {
            unexpectedEnd(open, s, HclSyntaxCode.UNEXPECTED_ENDIF, "endif");
          }
          closeInnermost(root, open, s);
          break;
        case END_FOR:
          if (open.isEmpty() || open.peek().opening.kind() != Kind.FOR) {
            unexpectedEnd(open, s, HclSyntaxCode.UNEXPECTED_ENDFOR, "endfor");
          }
          closeInnermost(root, open, s);
          break;
        default:
          throw new IllegalStateException("unknown sequence " + s.kind());
      }
    }
    while (!open.isEmpty()) {
      Open unclosed = open.pop();
      boolean isIf = unclosed.opening.kind() == Kind.IF;
      // At the template's end, where the end directive was still missing, as HashiCorp's parser
      // reports it (and so the same place as Packer's message); the detail names the directive.
      diagnostics.accept(
          Diagnostic.of(
              HclSyntaxCode.UNCLOSED_DIRECTIVE,
              templateEnd,
              "The "
                  + (isIf ? "if" : "for")
                  + " directive at "
                  + unclosed.opening.range()
                  + " has no matching \"%{ "
                  + (isIf ? "endif" : "endfor")
                  + " }\" before the end of the template. Add one where the directive's content"
                  + " ends."));
      // Keep what was parsed, closed where the template ends, so the tree stays usable.
      Sequence end =
          new Sequence(
              isIf ? Kind.END_IF : Kind.END_FOR,
              Strip.NONE,
              unclosed.opening.range(),
              null,
              Optional.empty(),
              "");
      (open.isEmpty() ? root : open.peek().current())
          .add(isIf ? ifPart(unclosed, end) : forPart(unclosed, end));
    }
    return root;
  }

  /**
   * Ends the innermost open directive at {@code end}, which may be the wrong end directive (already
   * reported). HashiCorp's parser does the same: a stray {@code endfor}, {@code endif} or {@code
   * else} inside a directive ends that directive, so only the directives around it stay open and
   * are reported at the end of the template, and a later end directive that the stray one took the
   * place of is reported as having nothing to close. Outside any directive there is nothing to end.
   */
  private void closeInnermost(List<TemplatePart> root, Deque<Open> open, Sequence end) {
    if (open.isEmpty()) {
      return;
    }
    Open closed = open.pop();
    (open.isEmpty() ? root : open.peek().current())
        .add(closed.opening.kind() == Kind.IF ? ifPart(closed, end) : forPart(closed, end));
  }

  /** Returns whether the else belongs to the innermost directive; reports it when it does not. */
  private boolean elseDirective(Deque<Open> open, Sequence s) {
    Open top = open.peek();
    if (top != null && top.opening.kind() == Kind.IF && top.middle == null) {
      top.middle = s;
      return true;
    }
    String detail;
    if (top == null) {
      detail =
          "There is no \"%{ if }\" directive open for this else. Remove it, or add the if"
              + " directive before it.";
    } else if (top.opening.kind() == Kind.IF) {
      detail =
          "The if directive at "
              + top.opening.range()
              + " already has an else clause, at "
              + top.middle.range()
              + ". The if directive is taken to end here.";
    } else {
      detail =
          "The for directive at "
              + top.opening.range()
              + " cannot have an else clause."
              + " Close it with \"%{ endfor }\" first. The for directive is taken to end here.";
    }
    diagnostics.accept(Diagnostic.of(HclSyntaxCode.UNEXPECTED_ELSE, s.range(), detail));
    return false;
  }

  private void unexpectedEnd(Deque<Open> open, Sequence s, HclSyntaxCode code, String keyword) {
    String detail;
    if (open.isEmpty()) {
      String opener = keyword.equals("endif") ? "if" : "for";
      detail =
          "There is no \"%{ "
              + opener
              + " }\" directive open for this "
              + keyword
              + ". Remove it, or add the "
              + opener
              + " directive before it.";
    } else {
      boolean innerIsIf = open.peek().opening.kind() == Kind.IF;
      detail =
          "Expected \"%{ "
              + (innerIsIf ? "endif" : "endfor")
              + " }\" to close the "
              + (innerIsIf ? "if" : "for")
              + " directive at "
              + open.peek().opening.range()
              + " first. The "
              + (innerIsIf ? "if" : "for")
              + " directive is taken to end here.";
    }
    diagnostics.accept(Diagnostic.of(code, s.range(), detail));
  }

  private TemplateIf ifPart(Open o, Sequence end) {
    return new TemplateIf(
        o.opening.expression(),
        o.first,
        o.second,
        o.middle != null,
        o.opening.strip(),
        o.middle != null ? o.middle.strip() : Strip.NONE,
        end.strip(),
        o.opening.range().to(end.range()));
  }

  private TemplateFor forPart(Open o, Sequence end) {
    return new TemplateFor(
        o.opening.keyVariable(),
        o.opening.valueVariable(),
        o.opening.expression(),
        o.first,
        o.opening.strip(),
        end.strip(),
        o.opening.range().to(end.range()));
  }

  /** Whitespace as Go's {@code unicode.IsSpace}, which HashiCorp's strip markers use. */
  static boolean isSpace(int c) {
    switch (c) {
      case '\t':
      case '\n':
      case 0x0B:
      case '\f':
      case '\r':
      case ' ':
      case 0x85:
      case 0xA0:
        return true;
      default:
        return c > 0xFF && Character.isSpaceChar(c);
    }
  }

  static String trimStart(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  static String trimEnd(String s) {
    int i = s.length();
    while (i > 0 && isSpace(s.charAt(i - 1))) {
      i--;
    }
    return s.substring(0, i);
  }
}
