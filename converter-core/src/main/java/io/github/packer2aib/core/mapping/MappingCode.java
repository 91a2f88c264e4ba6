package io.github.packer2aib.core.mapping;

import io.github.packer2aib.core.diag.DiagnosticCode;
import io.github.packer2aib.core.diag.Severity;

/** What the mapping stage did to a template on the user's request. */
public enum MappingCode implements DiagnosticCode {
  IDENTITY_REPLACED("MAP-N001", "Template identity replaced", Severity.NOTE);

  private final String id;
  private final String summary;
  private final Severity severity;

  MappingCode(String id, String summary, Severity severity) {
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
