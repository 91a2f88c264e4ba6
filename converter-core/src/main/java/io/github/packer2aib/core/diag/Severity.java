package io.github.packer2aib.core.diag;

/** How much a diagnostic matters: errors stop the pipeline, warnings fail only with --strict. */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  NOTE("note");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
