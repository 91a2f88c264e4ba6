package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.DiagnosticCode;

/**
 * Problems the CLI itself meets: files it cannot read or write, and outputs it renames. They are
 * not findings about a template's content, so they have no range; in text mode they print as one
 * line ({@code error: cannot read x: reason}); in JSON mode they join the array so a machine reader
 * sees every failure in one place.
 */
enum CliCode implements DiagnosticCode {
  UNREADABLE_INPUT("CLI-E001", "Cannot read input"),
  UNWRITABLE_OUTPUT("CLI-E002", "Cannot write output"),
  OUTPUT_RENAMED("CLI-N001", "Output renamed");

  private final Text text;

  CliCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
