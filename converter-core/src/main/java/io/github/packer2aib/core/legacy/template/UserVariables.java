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

  /**
   * The functions that read a secret ({@code vault}, …) whose calls make the value of the variable
   * {@code name}, through the variables it reads in turn, in order: what leaves it unknown, which a
   * message about a setting that reads it names. Empty when there are none (or no such variable).
   */
  default List<String> secretReaders(String name) {
    return List.of();
  }

  /**
   * Whether {@code user} can read variables here at all. Not in the bodies of an HCL2 template:
   * Packer gives its plugins no user variables there, so the call fails however the variable is
   * declared (Packer 1.6.6: "error calling user").
   */
  default boolean available() {
    return true;
  }

  /** What an HCL2 template's plugin bodies see: no user variables, and {@code user} fails. */
  static UserVariables unavailable() {
    return NoVariables.UNAVAILABLE;
  }

  /** No variables at all. */
  static UserVariables none() {
    return NoVariables.NONE;
  }

  /** No variable; {@code available} says whether {@code user} may be called anyway. */
  record NoVariables(boolean available) implements UserVariables {
    static final NoVariables NONE = new NoVariables(true);
    static final NoVariables UNAVAILABLE = new NoVariables(false);

    @Override
    public Optional<Value> value(String name) {
      return Optional.empty();
    }

    @Override
    public List<String> names() {
      return List.of();
    }
  }
}
