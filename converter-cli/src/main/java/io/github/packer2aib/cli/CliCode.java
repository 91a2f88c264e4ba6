package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.DiagnosticCode;
import io.github.packer2aib.core.diag.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Problems the CLI itself meets: files it cannot read or write, and outputs it renames. They are
 * not findings about a template's content, so they have no range; in text mode they print as one
 * line that ends with the code, as a located diagnostic's first line does ({@code error: cannot
 * read x: reason [CLI-E001]}), so that a user can look it up with {@code codes}; in JSON mode they
 * join the array so a machine reader sees every failure in one place.
 */
enum CliCode implements DiagnosticCode {
  UNREADABLE_INPUT("CLI-E001", "Cannot read input"),
  UNWRITABLE_OUTPUT("CLI-E002", "Cannot write output"),
  INTERNAL_ERROR("CLI-E003", "Internal error"),
  OUTPUT_RENAMED("CLI-N001", "Output renamed"),
  EARLIER_OUTPUT("CLI-W001", "Image template not written by this run"),
  MANIFEST_UNWRITTEN("CLI-W002", "Output list not written"),
  OUTPUT_PRUNED("CLI-N002", "Output of an earlier run deleted"),
  OUTPUT_NOT_UP_TO_DATE("CLI-E004", "Output not up to date"),
  UPLOAD_ADDRESS_SHARED("CLI-W003", "Upload address shared by different files"),
  PACKER_OPTIONS_UNUSED("CLI-W004", "Packer options not used"),
  INCLUDE_MATCHED_NOTHING("CLI-W005", "--include selected nothing"),
  EXCLUDE_MATCHED_NOTHING("CLI-W006", "--exclude matched nothing"),
  INPUT_NOT_A_TEMPLATE("CLI-W007", "Input given is not a template"),
  PRUNE_SKIPPED("CLI-W008", "--prune deleted nothing"),
  TEMPLATES_IN_OUTPUT("CLI-W009", "Templates in the output folder not converted");

  private final Text text;

  CliCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  /** The diagnostic of this code with the sentence {@code detail}; it has no range. */
  Diagnostic diagnostic(String detail) {
    return new Diagnostic(
        id(), severity(), summary(), detail, Optional.empty(), Optional.empty(), List.of());
  }

  /**
   * The one line that text mode prints for this code: the severity, {@code sentence} (control
   * characters escaped) and the code.
   */
  String textLine(String sentence) {
    return textLine(severity(), sentence, id());
  }

  /** {@link #textLine(String)} of a diagnostic made by {@link #diagnostic}: its detail. */
  static String textLine(Diagnostic d) {
    return textLine(d.severity(), d.detail(), d.code());
  }

  private static String textLine(Severity severity, String sentence, String code) {
    return severity.label() + ": " + ControlCharacters.escape(sentence) + " [" + code + "]";
  }

  @Override
  public Text text() {
    return text;
  }
}
