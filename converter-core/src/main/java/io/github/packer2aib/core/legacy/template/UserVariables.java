package io.github.packer2aib.core.legacy.template;

import io.github.packer2aib.core.hcl.value.Value;
import java.util.List;
import java.util.Optional;

/** What {@code {{ user `name` }}} reads: the template's user variables. */
public interface UserVariables {

  /**
   * The final value of a variable (a string value, sensitive when the variable is), or empty when
   * no variable has that name. The implementation may resolve the variable on demand and report
   * problems such as reference cycles itself (returning an unknown value).
   */
  Optional<Value> value(String name);

  /**
   * As {@link #value}, null when there is no such variable: {@code user} calls this for every
   * reference, and C1 code (bulk runs) pays for every Optional.
   */
  default Value valueOrNull(String name) {
    return value(name).orElse(null);
  }

  /** Every variable name, for "did you mean" suggestions. */
  List<String> names();

  /** No variables at all. */
  static UserVariables none() {
    return new UserVariables() {
      @Override
      public Optional<Value> value(String name) {
        return Optional.empty();
      }

      @Override
      public List<String> names() {
        return List.of();
      }
    };
  }
}
