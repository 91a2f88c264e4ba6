package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.DiagnosticCode;
import io.github.packer2aib.core.diag.Severity;

/**
 * Problems the CLI itself meets: files it cannot read or write, and outputs it renames. They are
 * not findings about a template's content, so they have no range; in text mode they print as one
 * line ({@code error: cannot read x: reason}); in JSON mode they join the array so a machine reader
 * sees every failure in one place.
 */
enum CliCode implements DiagnosticCode {
  UNREADABLE_INPUT("CLI-E001", "Cannot read input", Severity.ERROR),
  UNWRITABLE_OUTPUT("CLI-E002", "Cannot write output", Severity.ERROR),
  OUTPUT_RENAMED("CLI-N001", "Output renamed", Severity.NOTE);

  private final String id;
  private final String summary;
  private final Severity severity;

  CliCode(String id, String summary, Severity severity) {
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
