package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.source.Range;
import java.util.List;

/**
 * What became of one candidate of {@code convert -r}, kept until it is reported (outcomes are
 * reported in discovery order): no template text, no sources. The full diagnostics are there only
 * when a report asks for them ({@link ReportSpool} renders them at once).
 *
 * @param index the candidate's place in discovery order
 * @param relative its path relative to the root ('/' separators)
 * @param kind what it is written in
 * @param status its verdict
 * @param skipReason why it was skipped ("" otherwise)
 * @param outputs the files written, relative to the output folder
 * @param errorCodes the codes of its errors, sorted, with repeats
 * @param codes every diagnostic code with its summary and count, in the order each first occurs (a
 *     code --ignore accepts apart, marked so)
 * @param diagnostics every diagnostic, when the report needs them (else empty)
 * @param text what stderr shows for it in text mode ("" for nothing)
 * @param shown the diagnostics stderr shows for it in JSON mode
 * @param internalError true when converting it hit a bug
 * @param ignored the codes accepted for it (--ignore and the settings file), which the report marks
 * @param templates the image templates it converted (validate -r: checked), none when it failed or
 *     was skipped: an input may hold several (a YAML stream, an ARM deployment)
 */
record BulkOutcome(
    int index,
    String relative,
    TemplateKind kind,
    Status status,
    String skipReason,
    List<String> outputs,
    List<String> errorCodes,
    List<CodeCount> codes,
    List<Diagnostic> diagnostics,
    String text,
    List<Diagnostic> shown,
    boolean internalError,
    IgnoredCodes ignored,
    int templates) {

  BulkOutcome {
    outputs = List.copyOf(outputs);
    errorCodes = List.copyOf(errorCodes);
    codes = List.copyOf(codes);
    diagnostics = settled(diagnostics);
    shown = settled(shown);
  }

  /**
   * The diagnostics, their ranges {@link Range#settled settled}: an outcome may wait for those
   * before it, and a range whose positions were never asked for keeps its template's text alive.
   */
  private static List<Diagnostic> settled(List<Diagnostic> all) {
    for (Diagnostic d : all) {
      if (d.subject().isPresent()) {
        d.subject().get().settled();
      }
      for (Related r : d.related()) {
        r.range().settled();
      }
    }
    return List.copyOf(all);
  }

  /** The verdict of a candidate. */
  enum Status {
    CONVERTED("converted"),
    CONVERTED_WITH_WARNINGS("converted with warnings"),
    FAILED("failed"),
    SKIPPED("skipped");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /**
   * How often one diagnostic code occurred in a template; {@code ignored}: the diagnostics counted
   * are ones the template's --ignore (or settings file) accepts.
   */
  record CodeCount(String code, String summary, int count, boolean ignored) {}

  /** The verdict with the reason of a skip: "skipped: not a JSON or YAML file". */
  String verdictText() {
    return status == Status.SKIPPED ? status.label() + ": " + skipReason : status.label();
  }
}
