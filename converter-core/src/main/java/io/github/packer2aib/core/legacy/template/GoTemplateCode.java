package io.github.packer2aib.core.legacy.template;

import io.github.packer2aib.core.diag.DiagnosticCode;

/**
 * Every diagnostic of the {@code {{ }}} template language of legacy Packer JSON: syntax ({@code
 * GOTPL-E0nn}) and evaluation ({@code GOTPL-E1nn}, {@code W1nn}, {@code N1nn}).
 */
public enum GoTemplateCode implements DiagnosticCode {
  UNCLOSED_ACTION("GOTPL-E001", "Unclosed action"),
  UNCLOSED_STRING("GOTPL-E002", "Unclosed string"),
  UNCLOSED_COMMENT("GOTPL-E003", "Unclosed comment"),
  COMMENT_NOT_CLOSING("GOTPL-E004", "Comment ends before the closing delimiter"),
  UNEXPECTED_CHARACTER("GOTPL-E005", "Unexpected character"),
  INVALID_NUMBER("GOTPL-E006", "Invalid number"),
  INVALID_ESCAPE("GOTPL-E007", "Invalid escape sequence"),
  INVALID_SYNTAX("GOTPL-E008", "Invalid template syntax"),
  EMPTY_ACTION("GOTPL-E009", "Empty action"),
  UNSUPPORTED_ACTION("GOTPL-E010", "Unsupported template action"),
  NOT_A_COMMAND("GOTPL-E011", "Not a command"),
  TOO_DEEPLY_NESTED("GOTPL-E012", "Template too deeply nested"),
  TOO_MANY_ACTIONS("GOTPL-E013", "Too many actions in one string"),

  UNKNOWN_FUNCTION("GOTPL-E101", "Unknown function"),
  WRONG_ARGUMENT_COUNT("GOTPL-E102", "Wrong number of arguments"),
  WRONG_ARGUMENT_TYPE("GOTPL-E103", "Wrong argument type"),
  CALL_FAILED("GOTPL-E104", "Error in function call"),
  ENV_NOT_ALLOWED("GOTPL-E105", "Environment not available here"),
  UNDEFINED_VARIABLE("GOTPL-E106", "Undefined variable"),
  REFUSED_FUNCTION("GOTPL-E107", "Unsupported function"),
  DEPRECATED_FUNCTION("GOTPL-E108", "Deprecated function"),
  NOT_AVAILABLE("GOTPL-E109", "Function not available here"),
  UNSUPPORTED_BUILTIN("GOTPL-E110", "Unsupported built-in function"),
  VALUE_TOO_LARGE("GOTPL-E111", "Value too large"),

  CLEAN_NAME_RULE_GUESSED("GOTPL-W101", "Resource name rule assumed"),
  LAYOUT_CONSTANT_NAME("GOTPL-W102", "Layout name used as a layout"),

  BUILD_NAME_PER_BUILDER("GOTPL-N101", "Value differs per builder"),
  ENVIRONMENT_READ("GOTPL-N102", "Environment variable read");

  private final Text text;

  GoTemplateCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
