package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.TemplateRenderer;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

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
    Evaluation evaluation = new Evaluation();
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
    // A problem inside a for or splat body is found once per element: report it once.
    return new EvalResult(value, new ArrayList<>(new LinkedHashSet<>(evaluation.diagnostics)));
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
    return new TemplateFileRenderer();
  }
}
