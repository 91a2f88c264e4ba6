package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.hcl.syntax.BinaryOp;
import io.github.packer2aib.core.hcl.syntax.Conditional;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.ForExpr;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.IndexExpr;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.Parenthesized;
import io.github.packer2aib.core.hcl.syntax.RelativeTraversal;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.SplatExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateFor;
import io.github.packer2aib.core.hcl.syntax.TemplateIf;
import io.github.packer2aib.core.hcl.syntax.TemplateInterpolation;
import io.github.packer2aib.core.hcl.syntax.TemplatePart;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.hcl.syntax.UnaryOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The root traversals of an expression in source order (HCL's {@code Variables}): names declared by
 * a {@code for} inside the expression are local and left out, and so is an object key written as a
 * bare name, which is a literal attribute name.
 */
final class References {
  /**
   * Null while collecting; else the test every reference must pass, and the walk stops at the first
   * that fails.
   */
  private final Predicate<ScopeTraversal> test;

  private final List<ScopeTraversal> found;
  private boolean failed;

  /** The names of the calls to collect ({@link #calls}), or null. */
  private Predicate<String> callNames;

  /** The calls collected when {@link #callNames} is set. */
  private List<FunctionCall> calls;

  /**
   * Whether the arguments of {@code try} and {@code can} are left out (see {@link #outsideTry}).
   */
  private boolean skipTry;

  private References(Predicate<ScopeTraversal> test) {
    this.test = test;
    this.found = test == null ? new ArrayList<>() : null;
  }

  static List<ScopeTraversal> of(Expression e) {
    References r = new References(null);
    r.walk(e, Set.of());
    return List.copyOf(r.found);
  }

  /**
   * {@link #of} without the references inside the arguments of {@code try} and {@code can}: those
   * catch the error of a reference to something undeclared (HCL evaluates it and fails, and they
   * return their fallback), so such a reference is no error of the template.
   */
  static List<ScopeTraversal> outsideTry(Expression e) {
    References r = new References(null);
    r.skipTry = true;
    r.walk(e, Set.of());
    return List.copyOf(r.found);
  }

  /** The calls of functions whose name passes {@code names} in {@code e}, in source order. */
  static List<FunctionCall> calls(Expression e, Predicate<String> names) {
    References r = new References(null);
    r.callNames = names;
    r.calls = new ArrayList<>();
    r.walk(e, Set.of());
    return List.copyOf(r.calls);
  }

  static List<ScopeTraversal> ofTemplateParts(List<TemplatePart> parts) {
    References r = new References(null);
    r.parts(parts, Set.of());
    return List.copyOf(r.found);
  }

  /**
   * Whether every reference of {@code e} passes {@code test}, without collecting them: most
   * expressions are checked and pass, and in C1 code (bulk runs) the list and its copy were a good
   * part of the check's cost.
   */
  static boolean all(Expression e, Predicate<ScopeTraversal> test) {
    References r = new References(test);
    r.walk(e, Set.of());
    return !r.failed;
  }

  private void walk(Expression e, Set<String> locals) {
    if (failed || e instanceof LiteralValue) {
      return; // a literal (common) would be tested against every kind below
    }
    if (e instanceof ScopeTraversal t) {
      if (!locals.contains(t.root())) {
        if (test == null) {
          found.add(t);
        } else if (!test.test(t)) {
          failed = true;
        }
      }
    } else if (e instanceof TemplateExpr t) {
      parts(t.parts(), locals);
    } else if (e instanceof RelativeTraversal t) {
      walk(t.source(), locals);
    } else if (e instanceof FunctionCall c) {
      if (callNames != null && callNames.test(c.name())) {
        calls.add(c);
      }
      if (!(skipTry && (c.name().equals("try") || c.name().equals("can")))) {
        walkAll(c.arguments(), locals);
      }
    } else if (e instanceof Conditional c) {
      walk(c.condition(), locals);
      walk(c.trueResult(), locals);
      walk(c.falseResult(), locals);
    } else if (e instanceof BinaryOp b) {
      binary(b, locals);
    } else if (e instanceof UnaryOp u) {
      walk(u.operand(), locals);
    } else if (e instanceof Tuple t) {
      walkAll(t.elements(), locals);
    } else if (e instanceof ObjectCons o) {
      for (ObjectItem item : o.items()) {
        if (item.literalName().isEmpty()) {
          walk(item.key(), locals);
        }
        walk(item.value(), locals);
      }
    } else if (e instanceof ForExpr f) {
      walk(f.collection(), locals);
      Set<String> inner = with(locals, f.keyVariable(), f.valueVariable());
      f.keyExpr().ifPresent(k -> walk(k, inner));
      walk(f.valueExpr(), inner);
      f.condition().ifPresent(c -> walk(c, inner));
    } else if (e instanceof SplatExpr s) {
      walk(s.source(), locals);
      walk(s.each(), locals);
    } else if (e instanceof IndexExpr i) {
      walk(i.collection(), locals);
      walk(i.key(), locals);
    } else if (e instanceof Parenthesized p) {
      walk(p.expression(), locals);
    }
    // Literals and splat items refer to nothing.
  }

  /**
   * The operands of a chain of binary operators in source order. {@code 1 + 2 + … + n} is {@code
   * ((1 + 2) + …) + n}: its left operands nest as deep as the chain is long, so they are followed
   * with a loop (their right operands, each one operand of the chain, are walked in the usual way).
   */
  private void binary(BinaryOp top, Set<String> locals) {
    if (!(top.left() instanceof BinaryOp)) {
      walk(top.left(), locals); // one operator, as most are: no stack
      walk(top.right(), locals);
      return;
    }
    Deque<Expression> rights = new ArrayDeque<>();
    Expression e = top;
    while (e instanceof BinaryOp b) {
      rights.push(b.right());
      e = b.left();
    }
    walk(e, locals);
    while (!rights.isEmpty()) {
      walk(rights.pop(), locals);
    }
  }

  /** Indexed loops here: every expression of a template is walked, in C1 code in bulk runs. */
  private void walkAll(List<Expression> expressions, Set<String> locals) {
    for (int i = 0, n = expressions.size(); i < n; i++) {
      walk(expressions.get(i), locals);
    }
  }

  private void parts(List<TemplatePart> parts, Set<String> locals) {
    for (int p = 0, n = parts.size(); p < n; p++) {
      TemplatePart part = parts.get(p);
      if (part instanceof TemplateInterpolation i) {
        walk(i.expression(), locals);
      } else if (part instanceof TemplateIf d) {
        walk(d.condition(), locals);
        parts(d.thenParts(), locals);
        parts(d.elseParts(), locals);
      } else if (part instanceof TemplateFor d) {
        walk(d.collection(), locals);
        parts(d.bodyParts(), with(locals, d.keyVariable(), d.valueVariable()));
      }
    }
  }

  private static Set<String> with(Set<String> locals, Optional<String> key, String value) {
    Set<String> inner = new HashSet<>(locals);
    key.ifPresent(inner::add);
    inner.add(value);
    return inner;
  }
}
