package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.hcl.eval.EvalCode;
import io.github.packer2aib.core.hcl.eval.EvalContext;
import io.github.packer2aib.core.hcl.eval.EvalResult;
import io.github.packer2aib.core.hcl.eval.Evaluator;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.GetAttr;
import io.github.packer2aib.core.hcl.syntax.HclPrinter;
import io.github.packer2aib.core.hcl.syntax.Index;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.Traverser;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
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

  /** Whether variables may be left without a value, unknown (inspect). */
  boolean unsetAllowed() {
    return declared.unsetAllowed;
  }

  /**
   * What the value of {@code e} in {@code ctx}, which is not wholly known, depends on, for a
   * message about a value Packer needs while it reads the template: the references without a value
   * ({@link #unknownReferences}), and which of them are variables left without a value.
   */
  UnknownOrigin unknownOrigin(Expression e, EvalContext ctx) {
    List<String> references = new ArrayList<>();
    List<String> unset = new ArrayList<>();
    collectUnknown(e, ctx, references, unset, new HashSet<>());
    return new UnknownOrigin(references, unset, declared.unsetAllowed);
  }

  /**
   * The references of {@code e} that have no value in {@code ctx}, as written, in source order
   * without repeats: what a message about the unknown value of {@code e} names (rarely needed: a
   * value is unknown only where a data source, build.*, a variable without a value or the like is
   * read). A local without a value is traced into its own expression, so the message names the data
   * source behind it. The calls of functions whose result is never known here follow, as {@code
   * vault(…)}.
   */
  List<String> unknownReferences(Expression e, EvalContext ctx) {
    List<String> unknown = new ArrayList<>();
    collectUnknown(e, ctx, unknown, new ArrayList<>(), new HashSet<>());
    return unknown;
  }

  /**
   * Adds the references of {@code e} without a value to {@code unknown}, and those of them that
   * read a variable left without a value to {@code unset} too.
   */
  private void collectUnknown(
      Expression e,
      EvalContext ctx,
      List<String> unknown,
      List<String> unset,
      Set<String> localsSeen) {
    // By a stack of its own rather than by recursion: a chain of thousands of locals, each naming
    // the one before, with a data source (or a value refused as too deep) at its start, is traced
    // through every local, and a frame per local overflowed the thread's stack (an internal error).
    Deque<Tracing> open = new ArrayDeque<>();
    open.push(new Tracing(e));
    while (!open.isEmpty()) {
      Tracing at = open.peek();
      if (at.through != null) {
        // Back from the local that at.through reads: named itself only when its local named none.
        if (unknown.size() == at.before) {
          nameUnknown(at.through, unknown, unset);
        }
        at.through = null;
        continue;
      }
      if (at.next < at.references.size()) {
        ScopeTraversal reference = at.references.get(at.next++);
        if (Evaluator.evaluate(reference, ctx).value().isWhollyKnown()) {
          continue;
        }
        String name = stepName(reference, 0);
        Expression local =
            reference.root().equals("local") ? declared.localExpressions.get(name) : null;
        if (local != null && localsSeen.add(name)) {
          at.through = reference;
          at.before = unknown.size();
          open.push(new Tracing(local));
          continue;
        }
        nameUnknown(reference, unknown, unset);
        continue;
      }
      // Calls whose result is never known here: a secret fetcher's (vault, aws_secretsmanager, …)
      // or bcrypt's (a random salt). Named without their arguments, which may be what the secret
      // is read with.
      for (FunctionCall call : Evaluator.calls(at.expression, FunctionRegistry::neverKnown)) {
        String text = call.name() + "(…)";
        if (!unknown.contains(text)) {
          unknown.add(text);
        }
      }
      open.pop();
    }
  }

  /** Adds {@code reference} to the names of unknowns once, and to {@code unset} if it is one. */
  private void nameUnknown(ScopeTraversal reference, List<String> unknown, List<String> unset) {
    String text = HclPrinter.print(reference);
    if (!unknown.contains(text)) {
      unknown.add(text);
      if (reference.root().equals("var") && declared.unset.contains(stepName(reference, 0))) {
        unset.add(text);
      }
    }
  }

  /** An expression whose unknown references {@link #collectUnknown} is going through. */
  private static final class Tracing {
    final Expression expression;
    final List<ScopeTraversal> references;
    int next;

    /** The reference to a local being traced, or null; and how many names were found before it. */
    ScopeTraversal through;

    int before;

    Tracing(Expression expression) {
      this.expression = expression;
      this.references = Evaluator.references(expression);
    }
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
                HclJson.inJsonFile(t.range())
                    ? " Declare it with a variable block, {\"variable\": {\""
                        + name
                        + "\": { … }}}, or fix the reference."
                    : " Declare it with a variable \""
                        + name
                        + "\" { … } block, or fix the reference.");
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
