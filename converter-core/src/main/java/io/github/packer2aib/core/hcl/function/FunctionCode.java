package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.diag.DiagnosticCode;

/** Diagnostics of function calls, worded as HCL words them. */
public enum FunctionCode implements DiagnosticCode {
  INVALID_ARGUMENT("HCLFN-E001", "Invalid function argument"),
  CALL_FAILED("HCLFN-E002", "Error in function call"),
  NOT_ENOUGH_ARGUMENTS("HCLFN-E003", "Not enough function arguments"),
  TOO_MANY_ARGUMENTS("HCLFN-E004", "Too many function arguments"),
  UNKNOWN_FUNCTION("HCLFN-E005", "Call to unknown function"),
  UNSUPPORTED_FUNCTION("HCLFN-E006", "Unsupported function"),
  HOST_FILE("HCLFN-E007", "File of the converting machine not read");

  private final Text text;

  FunctionCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
