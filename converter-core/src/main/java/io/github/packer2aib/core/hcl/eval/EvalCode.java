package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.diag.DiagnosticCode;

/**
 * Diagnostics of HCL expression evaluation, with the summaries HashiCorp's HCL gives them. Errors
 * of function calls use the function library's codes ({@code HCLFN-…}).
 */
public enum EvalCode implements DiagnosticCode {
  UNKNOWN_VARIABLE("EVAL-E001", "Unknown variable"),
  UNSUPPORTED_ATTRIBUTE("EVAL-E002", "Unsupported attribute"),
  NULL_ATTRIBUTE_ACCESS("EVAL-E003", "Attempt to get attribute from null value"),
  MISSING_MAP_ELEMENT("EVAL-E004", "Missing map element"),
  INVALID_INDEX("EVAL-E005", "Invalid index"),
  NULL_INDEX_ACCESS("EVAL-E006", "Attempt to index null value"),
  INVALID_OPERAND("EVAL-E007", "Invalid operand"),
  OPERATION_FAILED("EVAL-E008", "Operation failed"),
  INCORRECT_CONDITION_TYPE("EVAL-E009", "Incorrect condition type"),
  NULL_CONDITION("EVAL-E010", "Null condition"),
  INCONSISTENT_CONDITIONAL_TYPES("EVAL-E011", "Inconsistent conditional result types"),
  INVALID_TEMPLATE_INTERPOLATION("EVAL-E012", "Invalid template interpolation value"),
  NULL_ITERATION("EVAL-E013", "Iteration over null value"),
  NON_ITERABLE("EVAL-E014", "Iteration over non-iterable value"),
  INVALID_FOR_CONDITION("EVAL-E015", "Invalid 'for' condition"),
  NULL_FOR_CONDITION("EVAL-E016", "Condition is null"),
  INVALID_FOR_KEY("EVAL-E017", "Invalid object key"),
  DUPLICATE_FOR_KEY("EVAL-E018", "Duplicate object key"),
  NULL_SPLAT("EVAL-E019", "Splat of null value"),
  INVALID_EXPANDING_ARGUMENT("EVAL-E020", "Invalid expanding argument value"),
  NULL_OBJECT_KEY("EVAL-E021", "Null value as key"),
  INCORRECT_KEY_TYPE("EVAL-E022", "Incorrect key type"),
  INVALID_TYPE("EVAL-E023", "Invalid type specification"),
  INVALID_OPTIONAL_DEFAULT("EVAL-E024", "Invalid default value for optional attribute"),
  VARIABLES_NOT_ALLOWED("EVAL-E025", "Variables not allowed"),
  FUNCTIONS_NOT_ALLOWED("EVAL-E026", "Function calls not allowed"),
  DUPLICATE_TYPE_ATTRIBUTE("EVAL-E027", "Duplicate attribute in object type"),
  NUMBER_OUT_OF_RANGE("EVAL-E028", "Number out of range"),
  TOO_DEEPLY_NESTED("EVAL-E029", "Expression too deeply nested"),
  VALUE_TOO_LARGE("EVAL-E030", "Value too large"),
  TOO_MANY_ITERATIONS("EVAL-E031", "Too many iterations"),
  AMBIGUOUS_ATTRIBUTE_KEY("EVAL-E032", "Ambiguous attribute key"),
  DUPLICATE_OBJECT_ATTRIBUTE("EVAL-E033", "Duplicate object attribute"),
  VALUE_TOO_DEEPLY_NESTED("EVAL-E034", "Value too deeply nested"),
  DUPLICATE_OBJECT_KEY("EVAL-W001", "Duplicate object key");

  private final Text text;

  EvalCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
