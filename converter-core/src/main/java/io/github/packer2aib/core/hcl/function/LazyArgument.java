package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.hcl.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An argument of {@code try} or {@code can}, evaluated only when the function asks for it: those
 * functions turn evaluation errors into values, so the evaluator hands them unevaluated
 * expressions rather than values.
 */
public interface LazyArgument {

  /** Evaluates the expression. */
  Outcome evaluate();

  /**
   * Whether the expression refers to values not known at conversion time; then {@code try} and
   * {@code can} cannot decide and return an unknown.
   */
  default boolean dependsOnUnknowns() {
    return false;
  }

  /** The result of evaluating: a value, or the errors that evaluation reported. */
  sealed interface Outcome permits Success, Failure {}

  record Success(Value value) implements Outcome {
    public Success {
      Objects.requireNonNull(value, "value");
    }
  }

  record Failure(List<Problem> problems) implements Outcome {
    public Failure {
      problems = List.copyOf(problems);
    }
  }

  /** One error of a failed evaluation, as HCL lists them in {@code try}'s message. */
  record Problem(String summary, String detail, Optional<String> subject) {}
}
