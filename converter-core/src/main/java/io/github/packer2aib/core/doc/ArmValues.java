package io.github.packer2aib.core.doc;

import java.util.Optional;

/**
 * What an ARM deployment template fixes of the parameters and variables that a resource's {@code
 * [parameters('name')]} and {@code [variables('name')]} read, in the scope ARM evaluates them in.
 * Only literal strings count: a value that is itself an expression is known only at deployment.
 */
public interface ArmValues {

  /**
   * A literal the file gives a parameter or variable.
   *
   * @param text the literal
   * @param via how it reaches the resource's template, for messages ("passed by the nested
   *     deployment at /resources/0"); empty when the template declares it itself
   */
  record Value(String text, Optional<String> via) {
    public static Value own(String text) {
      return new Value(text, Optional.empty());
    }
  }

  /**
   * The parameter's value when the file fixes it: a nested deployment passes a literal, or passes
   * nothing, so that the nested template's defaultValue holds. No deployment can change it.
   */
  default Optional<Value> fixedParameter(String name) {
    return Optional.empty();
  }

  /**
   * The parameter's literal defaultValue when a deployment may pass another value (a parameter of
   * the deployment template itself).
   */
  default Optional<Value> parameterDefault(String name) {
    return Optional.empty();
  }

  /** The variable's literal value: fixed in the file. */
  default Optional<Value> variable(String name) {
    return Optional.empty();
  }

  /** No parameters and no variables: a resource that is a document of its own. */
  ArmValues NONE = new ArmValues() {};
}
