package io.github.packer2aib.core.mapping;

import io.github.packer2aib.core.diag.DiagnosticCode;

/** What the mapping stage did to a template on the user's request. */
public enum MappingCode implements DiagnosticCode {
  IDENTITY_REPLACED("MAP-N001", "Template identity replaced");

  private final Text text;

  MappingCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
