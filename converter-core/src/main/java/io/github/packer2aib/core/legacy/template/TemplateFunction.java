package io.github.packer2aib.core.legacy.template;

import io.github.packer2aib.core.hcl.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * A function of Packer's legacy template language, with its Go signature (every parameter is a Go
 * {@code string} or {@code int}; every function returns a string).
 *
 * @param name as called in templates
 * @param parameters the kinds of the fixed parameters
 * @param variadic the kind of trailing arguments, if it takes any number of them
 * @param body computes the result from known, unmarked arguments
 */
record TemplateFunction(String name, List<Kind> parameters, Optional<Kind> variadic, Body body) {

  TemplateFunction {
    parameters = List.copyOf(parameters);
  }

  /** A Go parameter type. */
  enum Kind {
    STRING,
    INT
  }

  /** A call failed; {@code argument} is the offending argument's index, or -1 for the call. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final GoTemplateCode code;
    final int argument;

    Failure(GoTemplateCode code, int argument, String message) {
      super(message, null, false, false);
      this.code = code;
      this.argument = argument;
    }

    static Failure call(String message) {
      return new Failure(GoTemplateCode.CALL_FAILED, -1, message);
    }
  }

  @FunctionalInterface
  interface Body {
    /**
     * @param args the arguments: strings for STRING parameters, numbers for INT parameters; unknown
     *     or marked arguments never reach a body unless the function handles them
     * @param call what the call may read
     */
    Value apply(List<Value> args, Call call) throws Failure;
  }

  /**
   * What a function body may read (the environment, the scope, the user variables) and where it
   * reports warnings and notes about a call that still succeeds.
   *
   * @param sensitive whether an argument is sensitive: then a failure or note about the call must
   *     not quote the arguments (a failure of {@link GoTemplateCode#CALL_FAILED} is replaced whole;
   *     a body failing with another code words its message itself)
   */
  record Call(
      TemplateEnvironment environment,
      Scope scope,
      UserVariables variables,
      Notes notes,
      boolean sensitive) {}

  /** Receives the warnings and notes of one call; the evaluator locates them at the call. */
  @FunctionalInterface
  interface Notes {
    void add(GoTemplateCode code, String detail);
  }
}
