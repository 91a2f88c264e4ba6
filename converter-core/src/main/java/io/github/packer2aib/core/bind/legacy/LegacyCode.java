package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.diag.DiagnosticCode;

/** Every diagnostic about the structure and variables of a legacy Packer template. */
public enum LegacyCode implements DiagnosticCode {
  NOT_AN_OBJECT("LEGACY-E001", "Not a template object"),
  UNKNOWN_KEY("LEGACY-E002", "Unknown root level key"),
  WRONG_TYPE("LEGACY-E003", "Wrong type"),
  NO_BUILDERS("LEGACY-E004", "No builders"),
  MISSING_TYPE("LEGACY-E005", "Missing type"),
  DUPLICATE_BUILDER("LEGACY-E006", "Duplicate builder name"),
  ONLY_AND_EXCEPT("LEGACY-E007", "Both only and except"),
  UNKNOWN_BUILDER("LEGACY-E008", "Unknown builder"),
  INVALID_POST_PROCESSOR("LEGACY-E009", "Invalid post-processor"),
  REQUIRED_VARIABLE("LEGACY-E010", "Required variable not set"),
  INVALID_DEFAULT("LEGACY-E011", "Invalid variable default"),
  INVALID_DURATION("LEGACY-E012", "Invalid duration"),
  INVALID_MAX_RETRIES("LEGACY-E013", "Invalid max_retries"),
  INVALID_VAR_FILE("LEGACY-E014", "Invalid variable file"),
  UNREADABLE_VAR_FILE("LEGACY-E030", "Cannot read variable file"),
  UNREADABLE_TEMPLATE("LEGACY-E031", "Cannot read template"),
  NOT_A_PACKER_TEMPLATE("LEGACY-E032", "Not a Packer template"),
  HOST_FILE("LEGACY-E033", "File of the converting machine not read"),
  VARIABLE_CYCLE("LEGACY-E015", "Variable refers to itself"),
  INVALID_COMMENT("LEGACY-E016", "Invalid comment"),
  INVALID_VERSION("LEGACY-E017", "Invalid version"),
  SEVERAL_DOCUMENTS("LEGACY-E018", "Several documents"),
  INVALID_NUMBER("LEGACY-E019", "Invalid number"),
  INVALID_BUILDER_NAME("LEGACY-E020", "Invalid builder name"),

  KEY_CASE("LEGACY-W001", "Key written in another case"),
  UNKNOWN_SENSITIVE_VARIABLE("LEGACY-W002", "Unknown sensitive variable"),
  OBSOLETE_KEY("LEGACY-W003", "Obsolete key"),

  REQUIRED_VARIABLE_UNKNOWN("LEGACY-N001", "Required variable without a value"),
  LEFT_OUT_NOT_CHECKED("LEGACY-N002", "Left-out settings not checked");

  private final Text text;

  LegacyCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
