package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.hcl.eval.EvalCode;
import io.github.packer2aib.core.hcl.eval.EvalContext;
import io.github.packer2aib.core.hcl.eval.EvalResult;
import io.github.packer2aib.core.hcl.eval.Evaluator;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.GetAttr;
import io.github.packer2aib.core.hcl.syntax.Index;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.Traverser;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Evaluates expressions of a template. Before evaluating, it checks that every {@code var.x},
 * {@code local.x} and {@code data.t.n} the expression refers to is declared, and reports the
 * undeclared ones with a suggestion; such an expression is not evaluated (its value is unknown), so
 * the user sees one clear message instead of the evaluator's generic one.
 */
final class Expressions {
  private final Declarations declared;
  private final List<Diagnostic> out;

  Expressions(Declarations declared, List<Diagnostic> out) {
    this.declared = declared;
    this.out = out;
  }

  /**
   * What a value that must be known while the template is read, and is not, depends on, for its
   * message: a data source or {@code build.*}, or (inspect) a variable left without a value.
   */
  String unknownOrigin() {
    String runtime = "a value known only when Packer runs (a data source or build.*)";
    if (declared.unset.isEmpty()) {
      return runtime;
    }
    List<String> names = declared.unset.stream().map(n -> "var." + n).toList();
    return (names.size() == 1
            ? "the variable without a value, " + names.get(0) + ","
            : "one of the variables without a value (" + String.join(", ", names) + ")")
        + " or on "
        + runtime;
  }

  /** Whether variables were left without a value (inspect), for the advice of such a message. */
  boolean hasUnsetVariables() {
    return !declared.unset.isEmpty();
  }

  /** The value of {@code e}; unknown when it has errors (which are reported). */
  Value value(Expression e, EvalContext ctx) {
    return evaluate(e, ctx).value();
  }

  /** The value of {@code e} and whether it evaluated without errors. */
  Outcome evaluate(Expression e, EvalContext ctx) {
    // Most arguments are plain literals: nothing to check, nothing to walk.
    Value literal = Evaluator.plainLiteral(e);
    if (literal != null) {
      return new Outcome(literal, true);
    }
    EvalResult r;
    if (Scope.isConstants(ctx)) {
      if (!noReferences(e, out)) {
        return new Outcome(Value.unknown(Type.DYNAMIC), false);
      }
      r = Evaluator.evaluate(e, ctx);
    } else {
      // The references are checked as the evaluation meets them. Only when it cannot vouch for
      // all of them (one is undeclared, or a part may have gone unevaluated, as after an error)
      // are they walked and reported, before the value is trusted: the same outcome as checking
      // first, without a second walk of nearly every expression.
      Predicate<ScopeTraversal> declared = declaredIn(ctx);
      Evaluator.Checked checked = Evaluator.evaluate(e, ctx, declared);
      r = checked.result();
      if ((!checked.referencesPassed() || r.hasErrors()) && !referencesDeclared(e, declared)) {
        return new Outcome(Value.unknown(Type.DYNAMIC), false);
      }
    }
    out.addAll(r.diagnostics());
    return new Outcome(r.value(), !r.hasErrors());
  }

  /**
   * Reports every reference of an expression that must be constant, as HCL's "Variables not
   * allowed"; true if there are none.
   */
  static boolean noReferences(Expression e, List<Diagnostic> out) {
    if (Evaluator.allReferences(e, NONE)) {
      return true; // nothing to report, found without listing
    }
    List<ScopeTraversal> refs = Evaluator.references(e);
    for (ScopeTraversal t : refs) {
      out.add(
          Diagnostic.of(
              EvalCode.VARIABLES_NOT_ALLOWED,
              t.range(),
              "Variables may not be used here: the value must be written out, because Packer"
                  + " reads it before any variable has a value."));
    }
    return refs.isEmpty();
  }

  /** Passes no reference. */
  private static final Predicate<ScopeTraversal> NONE = t -> false;

  /** A value and whether it was computed without errors. */
  record Outcome(Value value, boolean ok) {}

  /**
   * Reports references to undeclared variables, locals and data sources; true if there are none.
   */
  boolean referencesDeclared(Expression e) {
    return referencesDeclared(e, declaredQuietly);
  }

  private boolean referencesDeclared(Expression e, Predicate<ScopeTraversal> declared) {
    // Nearly always all are declared: checked first without listing them or building messages.
    if (Evaluator.allReferences(e, declared)) {
      return true;
    }
    boolean ok = true;
    // As in HCL, try() and can() catch a reference to an undeclared name: not an error there.
    for (ScopeTraversal t : Evaluator.referencesOutsideTry(e)) {
      ok &= declared.test(t) || check(t);
    }
    return ok;
  }

  /**
   * What counts as declared in {@code ctx}: {@link #isDeclared}, except that a name a nested scope
   * binds (a dynamic block's {@code iterator = var}, {@code local} or {@code data}) is that scope's
   * value, not Packer's, as Packer 1.6.6 evaluates {@code var.value} there to the iterator's value.
   */
  private Predicate<ScopeTraversal> declaredIn(EvalContext ctx) {
    boolean var = ctx.bindsInNestedScope("var");
    boolean local = ctx.bindsInNestedScope("local");
    boolean data = ctx.bindsInNestedScope("data");
    if (!var && !local && !data) {
      return declaredQuietly; // nearly always: no iterator is named so
    }
    return t ->
        (var && t.root().equals("var"))
            || (local && t.root().equals("local"))
            || (data && t.root().equals("data"))
            || isDeclared(t);
  }

  /** {@link #isDeclared}, made once: a method reference per check would be allocated each time. */
  private final Predicate<ScopeTraversal> declaredQuietly = this::isDeclared;

  /** Whether the variable, local or data source a reference names is declared. */
  private boolean isDeclared(ScopeTraversal t) {
    String root = t.root();
    if (root.equals("var")) {
      String name = stepName(t, 0);
      return name == null || declared.variables.contains(name);
    }
    if (root.equals("local")) {
      String name = stepName(t, 0);
      return name == null || declared.locals.contains(name);
    }
    if (root.equals("data")) {
      String type = stepName(t, 0);
      if (type == null) {
        return true;
      }
      String name = stepName(t, 1);
      return declared.data.containsKey(type) && (name == null || declared.hasData(type, name));
    }
    return true;
  }

  /** {@link #isDeclared}, reporting the reference when it is not. */
  private boolean check(ScopeTraversal t) {
    if (isDeclared(t)) {
      return true;
    }
    // Undeclared, so the root is var, local or data, and the names it needs are there.
    switch (t.root()) {
      case "var":
        reportName(
            t,
            declared.variables,
            PackerCode.UNDECLARED_VARIABLE,
            "An input variable",
            name ->
                " Declare it with a variable \"" + name + "\" { … } block, or fix the reference.");
        break;
      case "local":
        reportName(
            t,
            declared.locals,
            PackerCode.UNDECLARED_LOCAL,
            "A local value",
            name -> " Define it in a locals block, or fix the reference.");
        break;
      default:
        {
          String type = stepName(t, 0);
          String name = stepName(t, 1);
          String ref = "data." + type + (name == null ? "" : "." + name);
          out.add(
              Diagnostic.of(
                  PackerCode.UNDECLARED_DATA_SOURCE,
                  through(t, name != null ? 1 : 0),
                  "A data source "
                      + ref
                      + " has not been declared."
                      + Names.didYouMean(ref, declared.dataReferences())
                      + " Declare it with a data \""
                      + type
                      + "\" \""
                      + (name == null ? "<name>" : name)
                      + "\" { … } block, or fix the reference."));
        }
    }
    return false;
  }

  /**
   * Reports the undeclared name of a {@code var.x} or {@code local.x} reference, with a suggestion
   * from {@code names} and how to declare it.
   */
  private void reportName(
      ScopeTraversal t,
      Set<String> names,
      PackerCode code,
      String what,
      Function<String, String> remedy) {
    String name = stepName(t, 0);
    // The name as the message quotes it: a generated one of 30,000 characters filled the terminal
    // three times over (in the text, the suggestion and the remedy).
    String quoted = Excerpts.cut(name, MAX_QUOTED_NAME);
    out.add(
        Diagnostic.of(
            code,
            through(t, 0),
            what
                + " named \""
                + quoted
                + "\" has not been declared."
                + Names.didYouMean(name, names)
                + remedy.apply(quoted)));
  }

  /** The longest name a message about an undeclared one quotes whole. */
  static final int MAX_QUOTED_NAME = 80;

  /** The name of step {@code i} ({@code .name} or {@code ["name"]}), or null. */
  private static String stepName(ScopeTraversal t, int i) {
    List<Traverser> steps = t.traversers();
    if (steps.size() <= i) {
      return null;
    }
    Traverser s = steps.get(i);
    if (s instanceof GetAttr a) {
      return a.name();
    }
    if (s instanceof Index index && index.key().kind() == LiteralValue.Kind.STRING) {
      return index.key().text();
    }
    return null;
  }

  /** The range from the traversal's root through step {@code i}. */
  private static Range through(ScopeTraversal t, int i) {
    return t.rootRange().to(t.traversers().get(Math.min(i, t.traversers().size() - 1)).range());
  }
}
