package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.BinaryOperator;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.Body;
import io.github.packer2aib.core.hcl.syntax.BodyItem;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.ForExpr;
import io.github.packer2aib.core.hcl.syntax.GetAttr;
import io.github.packer2aib.core.hcl.syntax.Index;
import io.github.packer2aib.core.hcl.syntax.IndexExpr;
import io.github.packer2aib.core.hcl.syntax.Label;
import io.github.packer2aib.core.hcl.syntax.LegacyIndex;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.RelativeTraversal;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.SplatExpr;
import io.github.packer2aib.core.hcl.syntax.SplatItem;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateLiteral;
import io.github.packer2aib.core.hcl.syntax.TemplatePart;
import io.github.packer2aib.core.hcl.syntax.Traverser;
import io.github.packer2aib.core.hcl.syntax.UnaryOperator;
import io.github.packer2aib.core.parse.hcl.TemplateAssembler.Piece;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.grammar.hcl.HclLexer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.antlr.v4.runtime.Token;

/**
 * The shaping of syntax nodes from tokens and finished children, shared by the two ways to a tree:
 * {@link HclTreeBuilder} (from ANTLR's parse tree) and {@link DescentParser} (from the tokens). One
 * copy of these rules keeps the two trees equal; each diagnostic found here goes to the consumer,
 * which for the descent parser abandons its attempt (the ANTLR path then reports it).
 */
final class TreeShaper {
  private final Locator locator;
  private final Consumer<Diagnostic> diagnostics;
  private final TemplateAssembler templates;

  TreeShaper(Locator locator, Consumer<Diagnostic> diagnostics) {
    this.locator = locator;
    this.diagnostics = diagnostics;
    this.templates = new TemplateAssembler(locator, diagnostics);
  }

  TemplateAssembler templates() {
    return templates;
  }

  /** The whole file, the range of a configuration file's body and of a standalone template. */
  Range wholeFile() {
    return locator.range(0, locator.file().text().length());
  }

  // ---- structure ----------------------------------------------------------------------------

  /** The items of a body, in order; an attribute set a second time is reported and left out. */
  final class Items {
    /**
     * Up to this many items, an earlier attribute of the same name is looked for in the items: most
     * bodies are that small, and a map for them (its table and an entry per attribute, and the
     * hashing) cost more than the comparisons.
     */
    private static final int SCAN_LIMIT = 8;

    private final List<BodyItem> items = new ArrayList<>();

    /** The attributes by name, once there are more than {@link #SCAN_LIMIT} items; else null. */
    private Map<String, Attribute> attributes;

    void add(BodyItem item) {
      if (item instanceof Attribute attribute && !unique(attribute)) {
        return;
      }
      items.add(item);
    }

    Body body(Range range) {
      return new Body(items, range);
    }

    private boolean unique(Attribute attribute) {
      Attribute earlier = earlier(attribute);
      if (earlier == null) {
        return true;
      }
      diagnostics.accept(
          Diagnostic.of(
              HclSyntaxCode.ATTRIBUTE_REDEFINED,
              attribute.nameRange(),
              "The argument \""
                  + attribute.name()
                  + "\" was already set at "
                  + earlier.nameRange()
                  + ". Each argument may be set only once."));
      return false;
    }

    /** The attribute of the same name added before, or null; then this one is remembered. */
    private Attribute earlier(Attribute attribute) {
      String name = attribute.name();
      if (attributes != null) {
        return attributes.putIfAbsent(name, attribute);
      }
      int n = items.size();
      for (int i = 0; i < n; i++) {
        if (items.get(i) instanceof Attribute earlier && earlier.name().equals(name)) {
          return earlier;
        }
      }
      if (n >= SCAN_LIMIT) {
        attributes = new HashMap<>();
        for (int i = 0; i < n; i++) {
          if (items.get(i) instanceof Attribute earlier) {
            attributes.put(earlier.name(), earlier);
          }
        }
        attributes.put(name, attribute);
      }
      return null;
    }
  }

  static Attribute attribute(String name, Range nameRange, Expression value) {
    return new Attribute(name, nameRange, value, nameRange.to(value.range()));
  }

  static Block block(
      String type, Range typeRange, List<Label> labels, Body body, Range open, Range close) {
    return new Block(type, labels, body, typeRange, open, close, typeRange.to(close));
  }

  /** A block's body lies between its braces. */
  Range blockBodyRange(Range open, Range close) {
    return locator.range(open.endOffset(), Math.max(open.endOffset(), close.startOffset()));
  }

  /**
   * A quoted label from its template pieces; it must be literal text.
   *
   * @param afterQuote where the text after the opening quote starts (UTF-16 offset)
   */
  Label quotedLabel(List<Piece> pieces, int afterQuote, Range range) {
    List<TemplatePart> parts = templates.assemble(pieces, false, afterQuote, quotedEnd(range));
    TemplateExpr template = new TemplateExpr(parts, TemplateExpr.Form.QUOTED, "", range);
    Optional<String> text = template.literalText();
    if (text.isEmpty()) {
      diagnostics.accept(
          Diagnostic.of(
              HclSyntaxCode.INVALID_BLOCK_LABEL,
              range,
              "A block label must be a literal string: interpolations (${ ... }) and directives"
                  + " (%{ ... }) are not allowed in it. To write \"${\" as text, escape it as"
                  + " \"$${\"."));
    }
    return new Label(text.orElse(""), true, range);
  }

  // ---- expressions --------------------------------------------------------------------------

  static UnaryOperator unaryOperator(int type) {
    return type == HclLexer.MINUS ? UnaryOperator.NEGATE : UnaryOperator.NOT;
  }

  static BinaryOperator binaryOperator(int type) {
    switch (type) {
      case HclLexer.OR:
        return BinaryOperator.OR;
      case HclLexer.AND:
        return BinaryOperator.AND;
      case HclLexer.EQ_EQ:
        return BinaryOperator.EQUAL;
      case HclLexer.NOT_EQ:
        return BinaryOperator.NOT_EQUAL;
      case HclLexer.GT:
        return BinaryOperator.GREATER_THAN;
      case HclLexer.GT_EQ:
        return BinaryOperator.GREATER_THAN_OR_EQUAL;
      case HclLexer.LT:
        return BinaryOperator.LESS_THAN;
      case HclLexer.LT_EQ:
        return BinaryOperator.LESS_THAN_OR_EQUAL;
      case HclLexer.PLUS:
        return BinaryOperator.ADD;
      case HclLexer.MINUS:
        return BinaryOperator.SUBTRACT;
      case HclLexer.STAR:
        return BinaryOperator.MULTIPLY;
      case HclLexer.SLASH:
        return BinaryOperator.DIVIDE;
      case HclLexer.PERCENT:
        return BinaryOperator.MODULO;
      default:
        throw new IllegalStateException("not a binary operator: " + type);
    }
  }

  /**
   * A number literal from its token; one with a second point or exponent (the token runs on over
   * them, as HCL's does) or out of {@link BigDecimal}'s range is reported.
   */
  LiteralValue number(String digits, Range range) {
    if (!NumberLiterals.wellFormed(digits)) {
      diagnostics.accept(NumberLiterals.malformed(digits, range));
      return LiteralValue.number(BigDecimal.ZERO, range);
    }
    return NumberLiterals.of(digits, range, diagnostics);
  }

  static ScopeTraversal variable(String name, Range range) {
    return new ScopeTraversal(name, range, List.of(), range);
  }

  /**
   * The spec gives {@code for} after an opening bracket or brace to for expressions, so a tuple or
   * object cannot start with a bare variable named {@code for}.
   *
   * @param first the first token of the first element
   */
  void leadingForKeyword(Token first, String workaround) {
    leadingForKeyword(first.getType(), first.getStartIndex(), first.getStopIndex(), workaround);
  }

  /** {@link #leadingForKeyword(Token, String)} for a token given by its type and indexes. */
  void leadingForKeyword(int type, int start, int stop, String workaround) {
    if (type == HclLexer.FOR) {
      diagnostics.accept(
          Diagnostic.of(
              HclSyntaxCode.INVALID_FOR_EXPRESSION,
              locator.token(start, stop),
              "After an opening bracket or brace, \"for\" starts a 'for' expression, written [for v"
                  + " in collection : value]. To use a variable or key named \"for\" here, write"
                  + " "
                  + workaround
                  + "."));
    }
  }

  static final String TUPLE_FOR_WORKAROUND = "[(for), ...]";
  static final String OBJECT_FOR_WORKAROUND = "{(for) = ...} or {\"for\" = ...}";

  /**
   * A for expression; with one variable it names the values, with two the keys and the values.
   *
   * @param second the second variable's name, or null
   */
  static ForExpr forExpr(
      String first,
      String second,
      Expression collection,
      Optional<Expression> key,
      Expression value,
      Optional<Expression> condition,
      boolean grouping,
      Range range) {
    return new ForExpr(
        second == null ? Optional.empty() : Optional.of(first),
        second == null ? first : second,
        collection,
        key,
        value,
        condition,
        grouping,
        range);
  }

  // ---- postfix operators --------------------------------------------------------------------

  /** A postfix operator of an expression term, before folding. */
  sealed interface Postfix permits Step, Bracket, Splat {}

  /** Attribute access or legacy index: a static step. */
  record Step(Traverser traverser) implements Postfix {}

  /** {@code [key]}; its range covers the brackets. */
  record Bracket(Expression key, Range range) implements Postfix {}

  /** {@code .*} ({@code full} false) or {@code [*]} (full). */
  record Splat(boolean full, Range range) implements Postfix {}

  static Step getAttr(String name, Range range) {
    return new Step(new GetAttr(name, range));
  }

  /** The legacy index {@code .0}; its number must be whole ({@code .0.1} reads as one number). */
  Step legacyIndex(Token number, Range range) {
    return legacyIndex(number.getStartIndex(), number.getStopIndex(), range);
  }

  /** {@link #legacyIndex(Token, Range)} for a number token given by its indexes. */
  Step legacyIndex(int start, int stop, Range range) {
    String digits = locator.text(start, stop);
    if (digits.indexOf('.') >= 0) {
      String[] halves = digits.split("\\.", 2);
      diagnostics.accept(
          Diagnostic.of(
              HclSyntaxCode.INVALID_LEGACY_INDEX,
              locator.token(start, stop),
              "The legacy index syntax takes one index at a time: \"."
                  + digits
                  + "\" reads as the number "
                  + digits
                  + ". Use brackets instead, like ["
                  + halves[0]
                  + "]["
                  + halves[1]
                  + "]."));
    }
    return new Step(new LegacyIndex(digits, range));
  }

  /**
   * Applies postfix operators left to right. Attribute access and literal indexes extend a
   * traversal; an index by a non-literal key is an {@link IndexExpr}; {@code .*} takes the
   * attribute and legacy-index steps after it into its per-element expression; {@code [*]} takes
   * every operator after it.
   */
  Expression fold(Expression base, List<Postfix> ops) {
    return ops.isEmpty() ? base : fold(base, ops, 0);
  }

  private Expression fold(Expression base, List<Postfix> ops, int from) {
    Traversal result = new Traversal(base);
    for (int i = from; i < ops.size(); i++) {
      Postfix op = ops.get(i);
      if (op instanceof Step step) {
        result.add(step.traverser());
      } else if (op instanceof Bracket index) {
        Expression key = index.key();
        Optional<LiteralValue> literal = literalKey(key);
        if (literal.isPresent()) {
          result.add(new Index(literal.get(), index.range()));
        } else {
          Expression collection = result.build();
          result =
              new Traversal(new IndexExpr(collection, key, collection.range().to(index.range())));
        }
      } else if (op instanceof Splat splat && !splat.full()) {
        SplatItem item = new SplatItem(splat.range());
        List<Traverser> steps = new ArrayList<>();
        int next = i + 1;
        while (next < ops.size() && ops.get(next) instanceof Step step) {
          steps.add(step.traverser());
          next++;
        }
        if (next < ops.size() && ops.get(next) instanceof Splat nested && !nested.full()) {
          diagnostics.accept(
              Diagnostic.of(
                  HclSyntaxCode.NESTED_SPLAT,
                  nested.range(),
                  "An attribute-only splat (.*) cannot contain another splat. Use the full splat"
                      + " operator [*] instead, which allows nesting: list[*].items[*].name."));
        }
        Expression each =
            steps.isEmpty()
                ? item
                : new RelativeTraversal(
                    item, steps, item.range().to(steps.get(steps.size() - 1).range()));
        Expression source = result.build();
        result = new Traversal(new SplatExpr(source, each, false, source.range().to(each.range())));
        i = next - 1;
      } else {
        SplatItem item = new SplatItem(((Splat) op).range());
        Expression each = fold(item, ops, i + 1);
        Expression source = result.build();
        return new SplatExpr(source, each, true, source.range().to(each.range()));
      }
    }
    return result.build();
  }

  /**
   * Static steps gathered onto an expression: a variable's steps make a {@link ScopeTraversal},
   * steps after any other expression a {@link RelativeTraversal}. Built once, so long chains stay
   * linear.
   */
  private static final class Traversal {
    private final Expression source;
    // Mostly one or two steps (var.name, local.a.b): not ArrayList's first array of ten.
    private final List<Traverser> steps = new ArrayList<>(2);

    Traversal(Expression source) {
      this.source = source;
    }

    void add(Traverser step) {
      steps.add(step);
    }

    Expression build() {
      if (steps.isEmpty()) {
        return source;
      }
      Range range = source.range().to(steps.get(steps.size() - 1).range());
      if (source instanceof ScopeTraversal t && t.traversers().isEmpty()) {
        return new ScopeTraversal(t.root(), t.rootRange(), steps, range);
      }
      return new RelativeTraversal(source, steps, range);
    }
  }

  /** The key of {@code [key]} when it is a literal: a number, bool, null, or a plain string. */
  private static Optional<LiteralValue> literalKey(Expression key) {
    if (key instanceof LiteralValue literal) {
      return Optional.of(literal);
    }
    if (key instanceof TemplateExpr template) {
      return template.literalText().map(text -> LiteralValue.string(text, template.range()));
    }
    return Optional.empty();
  }

  // ---- templates ----------------------------------------------------------------------------

  /**
   * A quoted template.
   *
   * @param quote the opening quote
   */
  TemplateExpr quoted(Token quote, List<Piece> pieces, Range range) {
    return quoted(quote.getStopIndex(), pieces, range);
  }

  /**
   * A quoted template.
   *
   * @param quoteStop the code point index of the opening quote
   */
  TemplateExpr quoted(int quoteStop, List<Piece> pieces, Range range) {
    int afterQuote = locator.offset(quoteStop + 1);
    List<TemplatePart> parts = templates.assemble(pieces, false, afterQuote, quotedEnd(range));
    return new TemplateExpr(parts, TemplateExpr.Form.QUOTED, "", range);
  }

  /**
   * The commonest template, a quoted string of plain text (between the quotes a single text token,
   * so no escape, interpolation or directive), made directly: it is what the pieces and {@link
   * TemplateAssembler#assemble} make of it.
   */
  TemplateExpr plainQuoted(Token text, Range range) {
    return plainQuoted(text.getStartIndex(), text.getStopIndex(), range);
  }

  /** {@link #plainQuoted(Token, Range)} for a text token given by its code point indexes. */
  TemplateExpr plainQuoted(int textStart, int textStop, Range range) {
    int start = locator.offset(textStart);
    int end = locator.offset(textStop + 1);
    String value = locator.file().text().substring(start, end);
    return new TemplateExpr(
        List.of(new TemplateLiteral(value, locator.range(start, Math.max(start, end)))),
        TemplateExpr.Form.QUOTED,
        "",
        range);
  }

  /**
   * A heredoc template.
   *
   * @param start the {@code <<MARKER} token
   */
  TemplateExpr heredoc(Token start, List<Piece> pieces, Range range) {
    return heredoc(start.getStartIndex(), start.getStopIndex(), pieces, range);
  }

  /**
   * A heredoc template.
   *
   * @param start the code point index where the {@code <<MARKER} token starts
   * @param stop where it stops (inclusive)
   */
  TemplateExpr heredoc(int start, int stop, List<Piece> pieces, Range range) {
    String opener = locator.text(start, stop).strip();
    boolean indented = opener.startsWith("<<-");
    String marker = opener.substring(indented ? 3 : 2);
    int afterOpener = locator.offset(stop + 1);
    List<TemplatePart> parts = templates.assemble(pieces, indented, afterOpener, heredocEnd(range));
    return new TemplateExpr(
        parts,
        indented ? TemplateExpr.Form.INDENTED_HEREDOC : TemplateExpr.Form.HEREDOC,
        marker,
        range);
  }

  /**
   * Where a quoted template ends, as HashiCorp's parser names it in "Unexpected end of template":
   * its closing quote (or, unterminated, the empty range after it, already reported).
   */
  private Range quotedEnd(Range range) {
    int end = range.endOffset();
    if (end - range.startOffset() >= 2 && locator.file().text().charAt(end - 1) == '"') {
      return locator.range(end - 1, end);
    }
    return locator.range(end, end);
  }

  /**
   * Where a heredoc ends, as HashiCorp's parser names it: its closing marker, from the start of its
   * line (the indentation of a {@code <<-} heredoc's marker included).
   */
  private Range heredocEnd(Range range) {
    String text = locator.file().text();
    int end = range.endOffset();
    while (end > range.startOffset()
        && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    int start = Math.max(range.startOffset(), text.lastIndexOf('\n', end - 1) + 1);
    return locator.range(start, end);
  }

  /** A standalone template: the whole file. */
  TemplateExpr standalone(List<Piece> pieces) {
    int length = locator.file().text().length();
    // A standalone template ends where its file does (HashiCorp's parser: the EOF token).
    List<TemplatePart> parts = templates.assemble(pieces, false, 0, locator.range(length, length));
    return new TemplateExpr(parts, TemplateExpr.Form.STANDALONE, "", wholeFile());
  }
}
