package io.github.packer2aib.core.validate;

import io.github.packer2aib.core.diag.DiagnosticCode;
import io.github.packer2aib.core.diag.Severity;

/** How a template's API version was chosen for validation. */
public enum VersionCode implements DiagnosticCode {
  UNSUPPORTED_API_VERSION("VER-E001", "Unsupported API version", Severity.ERROR),
  UNSUPPORTED_API_VERSION_OVERRIDDEN("VER-W002", "Unsupported API version", Severity.WARNING),
  EXPRESSION_API_VERSION("VER-N003", "API version set at deployment", Severity.NOTE),
  MISSING_API_VERSION("VER-N004", "No API version", Severity.NOTE),
  NOT_A_STRING("VER-E005", "API version is not a string", Severity.ERROR);

  private final String id;
  private final String summary;
  private final Severity severity;

  VersionCode(String id, String summary, Severity severity) {
    this.id = id;
    this.summary = summary;
    this.severity = severity;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public Severity severity() {
    return severity;
  }
}
