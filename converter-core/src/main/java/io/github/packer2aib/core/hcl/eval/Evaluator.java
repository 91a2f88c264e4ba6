package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.TemplateRenderer;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateLiteral;
import io.github.packer2aib.core.hcl.syntax.TemplatePart;
import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.ValueDepth;
import io.github.packer2aib.core.hcl.value.WrittenSize;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The HCL expression evaluator: syntax trees ({@code core.hcl.syntax}) to values ({@code
 * core.hcl.value}) with the semantics of HashiCorp's {@code hclsyntax}. It knows nothing of Packer:
 * what names and functions exist is the caller's {@link EvalContext}.
 */
public final class Evaluator {
  private Evaluator() {}

  /**
   * Evaluates an expression. Never throws for bad input: every problem becomes a diagnostic,
   * located at the sub-expression at fault and worded as HCL words it, and the value of a failed
   * expression is an unknown of the best type known.
   */
  public static EvalResult evaluate(Expression expression, EvalContext context) {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(context, "context");
    Value literal = plainLiteral(expression);
    if (literal != null) {
      return new EvalResult(literal, List.of());
    }
    return run(expression, context, null);
  }

  /**
   * An evaluation, and whether it saw every reference {@link #references} would list pass a test.
   *
   * @param referencesPassed true only when every reference was met and passed; false when one
   *     failed, or when a part of the expression may have gone unevaluated (with its references
   *     unseen): then only {@link #references} can tell
   */
  public record Checked(EvalResult result, boolean referencesPassed) {}

  /**
   * Evaluates as {@link #evaluate(Expression, EvalContext)} does, testing each reference the
   * evaluation meets: a caller that must check references before it trusts a value (as Packer
   * checks for undeclared variables) walks the expression again only when this cannot vouch for
   * them, which is rare, instead of for every expression.
   */
  public static Checked evaluate(
      Expression expression, EvalContext context, Predicate<ScopeTraversal> test) {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(context, "context");
    Value literal = plainLiteral(expression);
    if (literal != null) {
      return new Checked(new EvalResult(literal, List.of()), true);
    }
    ReferenceWatch watch = new ReferenceWatch(test);
    EvalResult result = run(expression, context, watch);
    return new Checked(spend(expression, context, result), watch.allPassed());
  }

  /**
   * Counts the value of a setting or local against what the template's settings and locals may hold
   * together ({@link EvalBudget#MAX_WRITTEN}): each value is bounded, but a value used in many
   * settings (or in a {@code dynamic} block's content, once per element) is written out each time,
   * and a chain of locals each a little longer than the one before holds their lengths' sum. The
   * value that takes the template past it is refused; the checks that only look at a value (is it
   * known, sensitive) use the other {@link #evaluate(Expression, EvalContext)} and are not counted.
   */
  private static EvalResult spend(Expression expression, EvalContext context, EvalResult result) {
    EvalBudget budget = context.budget();
    long size = WrittenSize.of(result.value());
    if (!budget.overspentBy(size)) {
      return result;
    }
    List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
    diagnostics.add(
        Diagnostic.of(
            EvalCode.VALUE_TOO_LARGE,
            expression.range(),
            String.format(
                java.util.Locale.ROOT,
                "This value holds %,d characters once written out, which takes the values of the"
                    + " template's settings and locals past the %,d characters they may hold"
                    + " together (each counts every value it holds, so a value used in many"
                    + " settings counts many times; Azure takes at most 4 MB in a request). Use"
                    + " large values in fewer settings.",
                size,
                budget.maxWritten())));
    return new EvalResult(
        Evaluation.unknown(result.value().type(), result.value()), List.copyOf(diagnostics));
  }

  private static EvalResult run(Expression expression, EvalContext context, ReferenceWatch watch) {
    Evaluation evaluation = new Evaluation(watch);
    Value value;
    try {
      value = evaluation.eval(expression, context);
    } catch (StackOverflowError tooDeep) {
      // The parser bounds nesting, so only a program-built tree can get here.
      evaluation.diagnostics.add(
          Diagnostic.of(
              EvalCode.TOO_DEEPLY_NESTED,
              expression.range(),
              "The expression is nested too deeply to evaluate. Split it into smaller parts,"
                  + " for example with locals."));
      value = Value.unknown(Type.DYNAMIC);
    }
    if (ValueDepth.of(value) > ValueDepth.MAX) {
      value = tooDeep(expression, value, evaluation.diagnostics);
    }
    // A problem inside a for or splat body is found once per element: report it once.
    List<Diagnostic> found = evaluation.diagnostics;
    if (found.isEmpty()) {
      return new EvalResult(value, List.of()); // nearly always: no copy of an empty list
    }
    return new EvalResult(
        value, found.size() < 2 ? found : new ArrayList<>(new LinkedHashSet<>(found)));
  }

  /**
   * Refuses a value that nests more than {@link ValueDepth#MAX} levels, where it leaves the
   * evaluator: every value a setting, local or variable gets comes through here, so no walk after
   * the evaluator (a plugin body's Go templates, type conversion, the mapper, the writers), each of
   * which recurses once per level, meets a deeper one and overflows the stack. Inside the
   * evaluation a deeper value is caught as above; the parser's bound on an expression's nesting
   * cannot see this, as locals that each wrap the one before build it from short expressions. The
   * unknown keeps the marks of what it replaces (a secret inside stays one); its type is not asked
   * for, as working out a type recurses as deep as the value.
   */
  private static Value tooDeep(Expression expression, Value value, List<Diagnostic> out) {
    out.add(
        Diagnostic.of(
            EvalCode.VALUE_TOO_DEEPLY_NESTED,
            expression.range(),
            String.format(
                java.util.Locale.ROOT,
                "This value nests more than %,d levels of lists, tuples, maps or objects one inside"
                    + " another, more than the converter takes (locals that each wrap the one"
                    + " before add their levels up). Build it with fewer levels.",
                ValueDepth.MAX)));
    return Value.unknown(Type.DYNAMIC).withMarks(value.deepMarks());
  }

  /**
   * The value of an expression written as a plain literal: a string without interpolations (quoted
   * or heredoc), a bool, {@code null}, or a number in range; null for any other expression. Most
   * arguments of a template are such literals: they need no names, cannot fail, and evaluate to
   * exactly what {@link #evaluate} computes for them, without walking the tree.
   */
  public static Value plainLiteral(Expression expression) {
    if (expression instanceof TemplateExpr template) {
      return literalText(template.parts());
    }
    if (expression instanceof LiteralValue literal) {
      switch (literal.kind()) {
        case STRING:
          return Value.string(literal.text());
        case BOOL:
          return Value.bool(literal.bool());
        case NULL:
          return Value.nullOf(Type.DYNAMIC);
        default:
          // A number out of range is an error: left to the evaluation, which reports it.
          return BigFloat.parse(literal.text()).map(Value::number).orElse(null);
      }
    }
    return null;
  }

  /** The text of template parts that are all literal text, as a string value; else null. */
  private static Value literalText(List<TemplatePart> parts) {
    if (parts.size() == 1) {
      return parts.get(0) instanceof TemplateLiteral only ? Value.string(only.text()) : null;
    }
    // Measured first, so the builder is made at its final size: one that grows copies its text at
    // every step (a heredoc with escapes is many literal parts).
    int length = 0;
    for (int i = 0, n = parts.size(); i < n; i++) {
      if (!(parts.get(i) instanceof TemplateLiteral literal)) {
        return null;
      }
      length += literal.text().length();
    }
    StringBuilder text = new StringBuilder(length);
    for (int i = 0, n = parts.size(); i < n; i++) {
      text.append(((TemplateLiteral) parts.get(i)).text());
    }
    return Value.string(text.toString());
  }

  /**
   * The root traversals an expression refers to ({@code var.x}, {@code local.y}, {@code each.key}
   * …), in source order, for dependency analysis. Names declared by {@code for} expressions inside
   * it are not included; bare-name object keys are attribute names, not references.
   */
  public static List<ScopeTraversal> references(Expression expression) {
    return References.of(expression);
  }

  /**
   * {@link #references} but those inside the arguments of {@code try} and {@code can}, whose errors
   * (an undeclared name among them) those functions catch.
   */
  public static List<ScopeTraversal> referencesOutsideTry(Expression expression) {
    return References.outsideTry(expression);
  }

  /**
   * The calls in an expression of functions whose name passes {@code names}, in source order
   * (nested calls after the call around them).
   */
  public static List<FunctionCall> calls(Expression expression, Predicate<String> names) {
    return References.calls(expression, names);
  }

  /**
   * Whether every reference {@link #references} would list passes {@code test}; stops at the first
   * that does not. Cheaper than listing them when they are only checked.
   */
  public static boolean allReferences(Expression expression, Predicate<ScopeTraversal> test) {
    return References.all(expression, test);
  }

  /**
   * A {@code type = …} expression of a variable block as a type constraint: {@code string}, {@code
   * number}, {@code bool}, {@code any}, {@code list(T)}, {@code set(T)}, {@code map(T)}, {@code
   * tuple([…])}, {@code object({…})} with {@code optional(T)} / {@code optional(T, default)}
   * attributes.
   */
  public static TypeConstraintResult typeConstraint(Expression expression) {
    return TypeExpressions.read(expression);
  }

  /**
   * A {@link TemplateRenderer} for {@code templatefile}: parses the file's text as a standalone
   * template and evaluates it with only the given variables in scope.
   */
  public static TemplateRenderer templateRenderer() {
    return templateRenderer(new EvalBudget());
  }

  /**
   * {@link #templateRenderer()} whose templates spend {@code budget}, their template's: a loop of
   * calls must not get a whole budget per call.
   */
  public static TemplateRenderer templateRenderer(EvalBudget budget) {
    return new TemplateFileRenderer(budget);
  }
}
