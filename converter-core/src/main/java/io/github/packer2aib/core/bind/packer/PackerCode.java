package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.DiagnosticCode;

/**
 * Diagnostics of reading a Packer HCL2 template (native or JSON syntax) into the Packer model: the
 * file set, the block structure Packer expects, variable values and their precedence, locals,
 * sources and builds. Titles follow Packer's and HCL's wording where one exists, so users recognise
 * them. Codes are stable: never reuse one for another meaning.
 */
public enum PackerCode implements DiagnosticCode {
  // ---- files
  NO_CONFIG_FILES("PKR-E001", "No configuration files"),
  CANNOT_READ_FILE("PKR-E002", "Cannot read file"),
  UNKNOWN_VAR_FILE_FORMAT("PKR-E003", "Unknown variable file format"),
  INVALID_JSON_CONFIGURATION("PKR-E004", "Invalid JSON configuration"),
  EXTRANEOUS_JSON_PROPERTY("PKR-E005", "Extraneous JSON object property"),
  HOST_FILE("PKR-E006", "File of the converting machine not read"),

  // ---- structure
  UNSUPPORTED_BLOCK_TYPE("PKR-E010", "Unsupported block type"),
  UNSUPPORTED_ARGUMENT("PKR-E011", "Unsupported argument"),
  MISSING_REQUIRED_ARGUMENT("PKR-E012", "Missing required argument"),
  MISSING_LABEL("PKR-E013", "Missing block label"),
  EXTRANEOUS_LABEL("PKR-E014", "Extraneous block label"),
  DUPLICATE_DECLARATION("PKR-E015", "Duplicate declaration"),
  DUPLICATE_ARGUMENT("PKR-E016", "Duplicate argument"),
  INVALID_NAME("PKR-E017", "Invalid name"),
  INCORRECT_VALUE_TYPE("PKR-E018", "Incorrect attribute value type"),
  BLOCK_IGNORED("PKR-N019", "Block ignored"),

  // ---- input variables
  UNSET_VARIABLE("PKR-E020", "Unset variable"),
  INVALID_DEFAULT("PKR-E021", "Invalid default value for variable"),
  INVALID_VARIABLE_VALUE("PKR-E022", "Invalid value for variable"),
  UNDEFINED_VAR_ARGUMENT("PKR-E023", "Undefined -var variable"),
  MALFORMED_VAR_ARGUMENT("PKR-E024", "Malformed -var argument"),
  DECLARATION_IN_VAR_FILE("PKR-E025", "Variable declaration in a var file"),
  UNDECLARED_VARIABLE_SET("PKR-W026", "Undeclared variable"),
  KEYS_DROPPED_BY_DEFAULT_TYPE("PKR-W034", "Keys dropped by the default's type"),
  SETTINGS_VARIABLE_NOT_DECLARED("PKR-W072", "Settings variable not declared"),
  SETTINGS_VARIABLE_NOT_DECLARED_DEFAULT("PKR-N073", "Default settings variable not declared"),
  VALIDATION_FAILED("PKR-E027", "Variable validation failed"),
  INVALID_VALIDATION_CONDITION("PKR-E028", "Invalid variable validation condition"),
  INVALID_VALIDATION_RESULT("PKR-E029", "Invalid variable validation result"),
  INVALID_VALIDATION_MESSAGE("PKR-E030", "Invalid validation error message"),
  INVALID_VALIDATION_REFERENCE("PKR-E031", "Invalid reference in variable validation"),
  FUNCTION_NOT_ALLOWED("PKR-E032", "Function not allowed here"),
  UNSET_VARIABLE_UNKNOWN("PKR-N033", "Variable without a value"),

  // ---- references and locals
  UNDECLARED_VARIABLE("PKR-E040", "Reference to undeclared input variable"),
  UNDECLARED_LOCAL("PKR-E041", "Reference to undeclared local value"),
  UNDECLARED_DATA_SOURCE("PKR-E042", "Reference to undeclared data source"),
  LOCALS_CYCLE("PKR-E043", "Cycle in local values"),
  DATA_SOURCE_NOT_EVALUATED("PKR-N044", "Data source not evaluated"),
  DATA_VALUE_UNUSED("PKR-W045", "Data source value not used"),
  DATA_SOURCE_GIVEN("PKR-N046", "Data source values given"),
  ENVIRONMENT_READ("PKR-N071", "Environment variable read"),

  // ---- sources and builds
  INVALID_SOURCE_REFERENCE("PKR-E050", "Invalid source reference"),
  UNKNOWN_SOURCE("PKR-E051", "Unknown source"),
  MISSING_SOURCE_REFERENCE("PKR-E052", "Missing source reference"),
  ONLY_AND_EXCEPT("PKR-E053", "Both only and except"),
  INVALID_OVERRIDE("PKR-E054", "Invalid override"),
  INVALID_DURATION("PKR-E055", "Invalid duration"),
  FILTER_MATCHES_NOTHING("PKR-W056", "Filter matches no source"),
  UNUSUAL_SOURCE_REFERENCE("PKR-W057", "Unusual source reference"),
  LEFT_OUT_NOT_CHECKED("PKR-N058", "Left-out body not checked"),

  // ---- dynamic blocks
  INVALID_DYNAMIC_FOR_EACH("PKR-E060", "Invalid dynamic for_each value"),
  DYNAMIC_NOT_EXPANDED("PKR-W061", "Dynamic block not expanded"),
  INVALID_DYNAMIC_ITERATOR("PKR-E062", "Invalid dynamic iterator name"),
  INVALID_DYNAMIC_LABEL("PKR-E063", "Invalid dynamic block label"),
  MISSING_CONTENT_BLOCK("PKR-E064", "Missing dynamic content block"),
  DYNAMIC_GENERATES_NOTHING("PKR-N065", "Dynamic block generates nothing"),

  // ---- packer block
  INVALID_REQUIRED_PLUGIN("PKR-E070", "Invalid required_plugins entry"),
  INVALID_VERSION_CONSTRAINT("PKR-E074", "Invalid version constraint");

  private final Text text;

  PackerCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
