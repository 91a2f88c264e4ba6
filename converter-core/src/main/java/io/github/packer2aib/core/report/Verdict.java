package io.github.packer2aib.core.report;

/** The outcome of one input, as the report states it. */
public enum Verdict {
  CONVERTED("converted"),
  CONVERTED_WITH_WARNINGS("converted with warnings"),
  FAILED("failed");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
