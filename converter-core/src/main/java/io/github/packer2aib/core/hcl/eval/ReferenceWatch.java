package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import java.util.function.Predicate;

/**
 * What an evaluation learnt of the references it met, for {@link Evaluator#evaluate(
 * io.github.packer2aib.core.hcl.syntax.Expression, EvalContext, Predicate)}: whether one failed the
 * caller's test, and whether parts of the expression may have gone unevaluated (bodies of {@code
 * for} and splat expressions, arguments of {@code try}, {@code can}, {@code convert} and of a call
 * that expands its last argument), so that references there went unseen.
 */
final class ReferenceWatch {
  private final Predicate<ScopeTraversal> test;
  private boolean failed;
  private boolean partial;

  ReferenceWatch(Predicate<ScopeTraversal> test) {
    this.test = test;
  }

  void met(ScopeTraversal reference) {
    if (!failed && !test.test(reference)) {
      failed = true;
    }
  }

  void partial() {
    partial = true;
  }

  /** Whether every reference of the expression was met and passed. */
  boolean allPassed() {
    return !failed && !partial;
  }
}
