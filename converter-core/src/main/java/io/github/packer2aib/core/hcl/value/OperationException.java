package io.github.packer2aib.core.hcl.value;

/**
 * An operator could not be applied. {@code operand} is 0 for the left (or only) operand, 1 for the
 * right one, and -1 when the failure is not about one operand; the evaluator turns this into a
 * diagnostic located at that operand. Summary and detail follow HCL's wording.
 */
public final class OperationException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int operand;
  private final String summary;
  private final String detail;

  public OperationException(int operand, String summary, String detail) {
    super(summary + ": " + detail, null, false, false);
    this.operand = operand;
    this.summary = summary;
    this.detail = detail;
  }

  public int operand() {
    return operand;
  }

  public String summary() {
    return summary;
  }

  public String detail() {
    return detail;
  }
}
