package io.github.packer2aib.core.validate.spec;

import io.github.packer2aib.core.diag.DiagnosticCode;

/**
 * Diagnostics of the spec validator: an image template checked against the official REST API spec
 * of its API version. Rules that the service enforces strictly only from API version 2024-02-01
 * (case and unknown properties) come in pairs: an error for strict versions, a warning for older
 * ones, with the same number.
 */
public enum SpecCode implements DiagnosticCode {
  MISSING_REQUIRED("SPEC-E100", "Missing required property"),
  UNKNOWN_PROPERTY("SPEC-E101", "Unknown property"),
  UNKNOWN_PROPERTY_IGNORED("SPEC-W101", "Unknown property"),
  /** convert: an unknown property of a version that ignores them, not written to the output. */
  UNKNOWN_PROPERTY_LEFT_OUT("SPEC-W106", "Unknown property left out"),
  PROPERTY_CASE("SPEC-E102", "Wrong case in property name"),
  PROPERTY_CASE_ACCEPTED("SPEC-W102", "Wrong case in property name"),
  /**
   * "name" and "Name" in one object of the resource's body: one property given twice, which
   * versions before 2024-02-01 read as one (keeping one value) and later ones refuse.
   */
  PROPERTY_TWICE("SPEC-E105", "Property given twice"),
  /**
   * "name" and "Name" among the keys ARM itself reads (the resource's type, apiVersion and name,
   * its dependsOn, condition, …): ARM reads them ignoring case and takes one of the values; the
   * output keeps the value of the key spelt as ARM documents it.
   */
  ENVELOPE_PROPERTY_TWICE("SPEC-W105", "Property given twice"),
  READ_ONLY_PROPERTY("SPEC-W103", "Read-only property"),
  EXTENSION_FIELD("SPEC-N104", "Extension field left out"),

  WRONG_TYPE("SPEC-E110", "Wrong value type"),
  UNSUPPORTED_VALUE("SPEC-E111", "Unsupported value"),
  PATTERN_MISMATCH("SPEC-E112", "Value does not match the required pattern"),
  OUT_OF_RANGE("SPEC-E113", "Value out of range"),
  WRONG_LENGTH("SPEC-E114", "Value has the wrong length"),
  VALUE_CASE("SPEC-E115", "Wrong case in value"),
  VALUE_CASE_ACCEPTED("SPEC-W115", "Wrong case in value"),

  UNKNOWN_TYPE("SPEC-E120", "Unknown type"),
  TYPE_NOT_IN_VERSION("SPEC-E121", "Type not available in this API version"),

  WRONG_RESOURCE_TYPE("SPEC-E130", "Wrong resource type"),
  RESOURCE_TYPE_CASE("SPEC-W131", "Resource type in unusual case"),
  INVALID_TEMPLATE_NAME("SPEC-E132", "Invalid template name");

  private final Text text;

  SpecCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
