package io.github.packer2aib.core.hcl.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Prints a syntax tree as canonical HCL native syntax: two-space indentation, one item per line,
 * {@code name = value} with single spaces, objects one attribute per line, quoted strings with the
 * minimal escapes. Parsing the output gives back the same tree, ranges aside, for every tree the
 * parser can produce from such text.
 *
 * <p>For trees built by a program the output always means the same as the tree, but a few shapes
 * only come back equal when the tree holds the grouping the parser would produce: where an operand
 * needs parentheses (a looser operator inside a tighter one, a splat or operator before {@code
 * .attr} or {@code [i]}) and the tree has no {@link Parenthesized} node, the printer adds the
 * parentheses, and the reparsed tree has them. Text that cannot be written at all is not checked: a
 * heredoc literal that does not end with a line break, or that has a line holding only the marker,
 * or that ends with {@code $} before an interpolation; whitespace next to a strip marker (the
 * parser would remove it again); a heredoc operand of an operator in a body.
 */
public final class HclPrinter {
  private static final String INDENT = "  ";
  private static final int TERM = 8;
  private static final int UNARY = 7;
  private static final int CONDITIONAL = 0;

  private final StringBuilder out = new StringBuilder();

  private HclPrinter() {}

  /** A configuration file. */
  public static String print(Body body) {
    HclPrinter printer = new HclPrinter();
    printer.body(body, 0);
    return printer.out.toString();
  }

  /** An expression, as for {@code parseExpression}. */
  public static String print(Expression expression) {
    HclPrinter printer = new HclPrinter();
    printer.expression(expression, 0);
    return printer.out.toString();
  }

  /** A template's content as a standalone template (no quotes or heredoc markers). */
  public static String printStandalone(TemplateExpr template) {
    HclPrinter printer = new HclPrinter();
    printer.parts(template.parts(), false, 0);
    return printer.out.toString();
  }

  // ---- structure ----------------------------------------------------------------------------

  private void body(Body body, int depth) {
    for (BodyItem item : body.items()) {
      indent(depth);
      if (item instanceof Attribute attribute) {
        out.append(attribute.name()).append(" = ");
        expression(attribute.expression(), depth);
        newlineUnlessDone();
      } else {
        Block block = (Block) item;
        out.append(block.type());
        for (Label label : block.labels()) {
          out.append(' ');
          if (label.quoted()) {
            quoted(label.value(), false, false);
          } else {
            out.append(label.value());
          }
        }
        out.append(" {\n");
        body(block.body(), depth + 1);
        indent(depth);
        out.append("}\n");
      }
    }
  }

  // ---- expressions --------------------------------------------------------------------------

  private void expression(Expression e, int depth) {
    if (e instanceof LiteralValue literal) {
      literal(literal);
    } else if (e instanceof TemplateExpr template) {
      template(template, depth);
    } else if (e instanceof ScopeTraversal traversal) {
      out.append(traversal.root());
      traversers(traversal.traversers(), depth);
    } else if (e instanceof RelativeTraversal traversal) {
      boolean attribute = !(traversal.traversers().get(0) instanceof Index);
      postfixSource(traversal.source(), attribute ? Step.ATTRIBUTE : Step.INDEX, depth);
      traversers(traversal.traversers(), depth);
    } else if (e instanceof SplatItem) {
      // The current element: the steps after it are printed by the enclosing splat.
    } else if (e instanceof SplatExpr splat) {
      postfixSource(splat.source(), splat.full() ? Step.FULL_SPLAT : Step.ATTRIBUTE_SPLAT, depth);
      out.append(splat.full() ? "[*]" : ".*");
      expression(splat.each(), depth);
    } else if (e instanceof IndexExpr index) {
      postfixSource(index.collection(), Step.INDEX, depth);
      out.append('[');
      expression(index.key(), depth);
      out.append(']');
    } else if (e instanceof FunctionCall call) {
      out.append(call.name()).append('(');
      for (int i = 0; i < call.arguments().size(); i++) {
        out.append(i == 0 ? "" : ", ");
        expression(call.arguments().get(i), depth);
      }
      out.append(call.expandFinal() ? "...)" : ")");
    } else if (e instanceof Conditional conditional) {
      operand(conditional.condition(), CONDITIONAL + 1, depth);
      out.append(" ? ");
      expression(conditional.trueResult(), depth);
      out.append(" : ");
      expression(conditional.falseResult(), depth);
    } else if (e instanceof BinaryOp binary) {
      binary(binary, depth);
    } else if (e instanceof UnaryOp unary) {
      out.append(unary.operator().symbol());
      operand(unary.operand(), UNARY, depth);
    } else if (e instanceof Tuple tuple) {
      out.append('[');
      for (int i = 0; i < tuple.elements().size(); i++) {
        out.append(i == 0 ? "" : ", ");
        expression(tuple.elements().get(i), depth);
      }
      out.append(']');
    } else if (e instanceof ObjectCons object) {
      object(object, depth);
    } else if (e instanceof ForExpr forExpr) {
      forExpression(forExpr, depth);
    } else if (e instanceof Parenthesized parenthesized) {
      out.append('(');
      expression(parenthesized.expression(), depth);
      out.append(')');
    } else {
      throw new IllegalArgumentException("unknown expression " + e.getClass().getSimpleName());
    }
  }

  /**
   * A chain of binary operators, {@code 1 + 2 + … + n}: its left operands, as deep as the chain is
   * long, are followed with a loop as far as they need no parentheses (an operand in parentheses is
   * printed as any other).
   */
  private void binary(BinaryOp top, int depth) {
    Deque<BinaryOp> outer = new ArrayDeque<>();
    BinaryOp b = top;
    while (true) {
      outer.push(b);
      if (!(b.left() instanceof BinaryOp inner) || precedence(inner) < b.operator().precedence()) {
        break;
      }
      b = inner;
    }
    operand(b.left(), b.operator().precedence(), depth);
    while (!outer.isEmpty()) {
      BinaryOp next = outer.pop();
      out.append(' ').append(next.operator().symbol()).append(' ');
      operand(next.right(), next.operator().precedence() + 1, depth);
    }
  }

  /** An operand, in parentheses when it binds looser than {@code minimum}. */
  private void operand(Expression e, int minimum, int depth) {
    if (precedence(e) < minimum) {
      out.append('(');
      expression(e, depth);
      out.append(')');
    } else {
      expression(e, depth);
    }
  }

  /** The kind of postfix step printed after an expression. */
  private enum Step {
    ATTRIBUTE,
    INDEX,
    ATTRIBUTE_SPLAT,
    FULL_SPLAT
  }

  /**
   * What {@code .attr}, {@code [i]} or a splat applies to: a term; not a splat whose per-element
   * expression would take the step ({@code [*]} takes every step, {@code .*} attribute steps); nor
   * a number before a dot, which would read as a decimal point.
   */
  private void postfixSource(Expression e, Step next, int depth) {
    boolean attributeStep = next == Step.ATTRIBUTE || next == Step.ATTRIBUTE_SPLAT;
    boolean wrap =
        precedence(e) < TERM
            || (e instanceof SplatExpr splat && (splat.full() || attributeStep))
            || (e instanceof LiteralValue literal
                && literal.kind() == LiteralValue.Kind.NUMBER
                && attributeStep);
    if (wrap) {
      out.append('(');
      expression(e, depth);
      out.append(')');
    } else {
      expression(e, depth);
    }
  }

  private static int precedence(Expression e) {
    if (e instanceof Conditional) {
      return CONDITIONAL;
    }
    if (e instanceof BinaryOp binary) {
      return binary.operator().precedence();
    }
    if (e instanceof UnaryOp) {
      return UNARY;
    }
    return TERM;
  }

  private void traversers(List<Traverser> steps, int depth) {
    for (Traverser step : steps) {
      if (step instanceof GetAttr attr) {
        out.append('.').append(attr.name());
      } else if (step instanceof LegacyIndex legacy) {
        out.append('.').append(legacy.index());
      } else {
        out.append('[');
        literal(((Index) step).key());
        out.append(']');
      }
    }
  }

  private void literal(LiteralValue literal) {
    if (literal.kind() == LiteralValue.Kind.STRING) {
      quoted(literal.text(), false, false);
    } else {
      out.append(literal.text());
    }
  }

  private void object(ObjectCons object, int depth) {
    if (object.items().isEmpty()) {
      out.append("{}");
      return;
    }
    out.append("{\n");
    for (ObjectItem item : object.items()) {
      indent(depth + 1);
      expression(item.key(), depth + 1);
      out.append(" = ");
      expression(item.value(), depth + 1);
      newlineUnlessDone();
    }
    indent(depth);
    out.append('}');
  }

  private void forExpression(ForExpr f, int depth) {
    out.append(f.isObject() ? "{for " : "[for ");
    f.keyVariable().ifPresent(k -> out.append(k).append(", "));
    out.append(f.valueVariable()).append(" in ");
    expression(f.collection(), depth);
    out.append(" : ");
    if (f.keyExpr().isPresent()) {
      expression(f.keyExpr().get(), depth);
      out.append(" => ");
    }
    expression(f.valueExpr(), depth);
    if (f.grouping()) {
      out.append("...");
    }
    if (f.condition().isPresent()) {
      out.append(" if ");
      expression(f.condition().get(), depth);
    }
    out.append(f.isObject() ? '}' : ']');
  }

  // ---- templates ----------------------------------------------------------------------------

  private void template(TemplateExpr template, int depth) {
    if (template.form().isHeredoc()) {
      out.append(template.form() == TemplateExpr.Form.INDENTED_HEREDOC ? "<<-" : "<<")
          .append(template.heredocMarker())
          .append('\n');
      parts(template.parts(), false, depth);
      // The marker must stand alone on its line, so the line break after it is part of the
      // heredoc: what follows is on the next line (a newline there is insignificant or ends the
      // item anyway).
      out.append(template.heredocMarker()).append('\n');
    } else {
      out.append('"');
      parts(template.parts(), true, depth);
      out.append('"');
    }
  }

  private void parts(List<TemplatePart> parts, boolean quoted, int depth) {
    for (int i = 0; i < parts.size(); i++) {
      TemplatePart part = parts.get(i);
      TemplatePart next = i + 1 < parts.size() ? parts.get(i + 1) : null;
      if (part instanceof TemplateLiteral literal) {
        boolean beforeInterpolation = next instanceof TemplateInterpolation;
        boolean beforeDirective = next instanceof TemplateIf || next instanceof TemplateFor;
        if (quoted) {
          quotedText(literal.text(), beforeInterpolation, beforeDirective);
        } else {
          out.append(escapeSequences(literal.text()));
        }
      } else if (part instanceof TemplateInterpolation interpolation) {
        out.append(interpolation.strip().left() ? "${~ " : "${");
        expression(interpolation.expression(), depth);
        out.append(interpolation.strip().right() ? " ~}" : "}");
      } else if (part instanceof TemplateIf ifPart) {
        directive(ifPart.ifStrip(), "if ", ifPart.condition(), depth);
        parts(ifPart.thenParts(), quoted, depth);
        if (ifPart.hasElse()) {
          directive(ifPart.elseStrip(), "else", null, depth);
          parts(ifPart.elseParts(), quoted, depth);
        }
        directive(ifPart.endIfStrip(), "endif", null, depth);
      } else {
        TemplateFor forPart = (TemplateFor) part;
        StringBuilder head = new StringBuilder("for ");
        forPart.keyVariable().ifPresent(k -> head.append(k).append(", "));
        head.append(forPart.valueVariable()).append(" in ");
        directive(forPart.forStrip(), head.toString(), forPart.collection(), depth);
        parts(forPart.bodyParts(), quoted, depth);
        directive(forPart.endForStrip(), "endfor", null, depth);
      }
    }
  }

  private void directive(Strip strip, String keyword, Expression expression, int depth) {
    out.append(strip.left() ? "%{~ " : "%{ ").append(keyword);
    if (expression != null) {
      expression(expression, depth);
    }
    out.append(strip.right() ? " ~}" : " }");
  }

  private void quoted(String text, boolean beforeInterpolation, boolean beforeDirective) {
    out.append('"');
    quotedText(text, beforeInterpolation, beforeDirective);
    out.append('"');
  }

  /**
   * Text inside a quoted string. A {@code $} right before an interpolation (or {@code %} before a
   * directive) is written as a \\u escape, since {@code $${} would read as an escaped {@code ${}.
   */
  private void quotedText(String text, boolean beforeInterpolation, boolean beforeDirective) {
    String escaped = escapeSequences(text);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      switch (c) {
        case '\\':
          s.append("\\\\");
          break;
        case '"':
          s.append("\\\"");
          break;
        case '\n':
          s.append("\\n");
          break;
        case '\r':
          s.append("\\r");
          break;
        case '\t':
          s.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            s.append(c);
          }
      }
    }
    int last = s.length() - 1;
    if (last >= 0 && beforeInterpolation && s.charAt(last) == '$') {
      s.replace(last, last + 1, "\\u0024");
    } else if (last >= 0 && beforeDirective && s.charAt(last) == '%') {
      s.replace(last, last + 1, "\\u0025");
    }
    out.append(s);
  }

  /** Doubles the introducers of sequences: {@code ${} becomes {@code $${}, {@code %{} {@code %%{}. */
  private static String escapeSequences(String text) {
    return text.replace("${", "$${").replace("%{", "%%{");
  }

  // ---- layout -------------------------------------------------------------------------------

  private void indent(int depth) {
    out.append(INDENT.repeat(depth));
  }

  /** Ends the line, unless a heredoc just ended it. */
  private void newlineUnlessDone() {
    if (out.length() == 0 || out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }
}
