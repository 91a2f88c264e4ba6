package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.Range;

/**
 * A function call failed. {@code argIndex} is the index of the offending argument (counting
 * variadic arguments), or -1 when the failure is about the call as a whole; the evaluator locates
 * the diagnostic at that argument. {@code message} is the bare cty-style message, without the final
 * period; {@link #detail(String, String)} gives HCL's full sentence.
 */
public final class FunctionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int argIndex;
  private final FunctionCode code;
  private final String message;

  /** Whether the message is made of the argument at {@link #argIndex} alone ({@link #ofOwnArg}). */
  private final boolean ownArgOnly;

  public FunctionException(int argIndex, String message) {
    this(
        argIndex >= 0 ? FunctionCode.INVALID_ARGUMENT : FunctionCode.CALL_FAILED,
        argIndex,
        message);
  }

  public FunctionException(FunctionCode code, int argIndex, String message) {
    this(code, argIndex, message, false);
  }

  private FunctionException(FunctionCode code, int argIndex, String message, boolean ownArgOnly) {
    super(message, null, false, false);
    this.code = code;
    this.argIndex = argIndex;
    this.message = message;
    this.ownArgOnly = ownArgOnly;
  }

  /**
   * A failure caused by argument {@code index} whose message quotes nothing but that argument and
   * what the function found of it ("no file exists at missing.tpl"). A call with a sensitive
   * argument hides the details of every other failure, since a message may quote any argument; this
   * one is shown when the argument it is about is not sensitive, as the others cannot be in it:
   * templatefile("autounattend.pkrtpl", { password = var.pw }) still says which file is missing.
   */
  public static FunctionException ofOwnArg(int index, String message) {
    return new FunctionException(FunctionCode.INVALID_ARGUMENT, index, message, true);
  }

  /** {@link #ofOwnArg(int, String)} with its own code, whose detail is the message as it is. */
  public static FunctionException ofOwnArg(FunctionCode code, int index, String message) {
    return new FunctionException(code, index, message, true);
  }

  /** Whether the message quotes only the argument at {@link #argIndex()} ({@link #ofOwnArg}). */
  public boolean quotesOnlyItsArgument() {
    return ownArgOnly && argIndex >= 0;
  }

  /** A failure of the call as a whole ("Call to function ... failed: ..."). */
  public static FunctionException call(String message) {
    return new FunctionException(-1, message);
  }

  /** A failure caused by one argument ("Invalid value for ... parameter: ..."). */
  public static FunctionException arg(int index, String message) {
    return new FunctionException(index, message);
  }

  public int argIndex() {
    return argIndex;
  }

  public FunctionCode code() {
    return code;
  }

  /** The bare message, e.g. {@code cannot use element function with an empty list}. */
  public String message() {
    return message;
  }

  /** HCL's summary for this failure, e.g. {@code Invalid function argument}. */
  public String summary() {
    return code.summary();
  }

  /**
   * HCL's detail sentence: {@code Invalid value for "list" parameter: ...} for an argument, {@code
   * Call to function "element" failed: ...} for the call; arity and support messages as they are.
   *
   * @param function the function's name
   * @param parameter the name of the parameter at {@link #argIndex()}, or null
   */
  public String detail(String function, String parameter) {
    String m = message.endsWith(".") || message.endsWith("?") ? message : message + ".";
    switch (code) {
      case INVALID_ARGUMENT:
        return "Invalid value for \"" + parameter + "\" parameter: " + m;
      case CALL_FAILED:
        return "Call to function \"" + function + "\" failed: " + m;
      default:
        return m;
    }
  }

  /**
   * The located diagnostic for this failure.
   *
   * @param function the called function's name
   * @param parameter the name of the parameter at {@link #argIndex()} (see {@link
   *     HclFunction#parameterName}), or null
   * @param subject the argument's range when {@link #argIndex()} is not -1, else the call's
   */
  public Diagnostic toDiagnostic(String function, String parameter, Range subject) {
    return Diagnostic.of(code, subject, detail(function, parameter));
  }
}
