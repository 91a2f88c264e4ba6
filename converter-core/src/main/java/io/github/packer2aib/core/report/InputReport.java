package io.github.packer2aib.core.report;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What became of one input.
 *
 * @param name the input as the user named it
 * @param verdict converted, converted with warnings, or failed
 * @param outputs where its templates went, as the caller names them (empty when nothing was
 *     written)
 * @param decisions every diagnostic of the input, grouped by kind in {@link DecisionKind} order;
 *     within a kind in the order they were given
 */
public record InputReport(
    String name, Verdict verdict, List<String> outputs, List<Decision> decisions) {
  public InputReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(verdict, "verdict");
    outputs = List.copyOf(outputs);
    decisions = grouped(decisions);
  }

  /** The report of a converted input; its diagnostics become the decisions. */
  public static InputReport of(
      String name, ConversionResult result, boolean failed, List<String> outputs) {
    return of(name, result.diagnostics(), failed, outputs);
  }

  /**
   * The report of an input from its diagnostics. {@code failed} is set by the caller when the input
   * failed for a reason the diagnostics alone do not show (warnings under a strict mode, an output
   * that could not be written); an input with errors always fails.
   */
  public static InputReport of(
      String name, List<Diagnostic> diagnostics, boolean failed, List<String> outputs) {
    return of(name, diagnostics, failed, outputs, d -> false);
  }

  /** As above; {@code ignored} tells the decisions whose codes the user accepted. */
  public static InputReport of(
      String name,
      List<Diagnostic> diagnostics,
      boolean failed,
      List<String> outputs,
      Predicate<Diagnostic> ignored) {
    boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
    boolean warnings = diagnostics.stream().anyMatch(d -> d.severity() == Severity.WARNING);
    Verdict verdict =
        failed || errors
            ? Verdict.FAILED
            : warnings ? Verdict.CONVERTED_WITH_WARNINGS : Verdict.CONVERTED;
    return new InputReport(
        name,
        verdict,
        outputs,
        diagnostics.stream().map(d -> Decision.of(d, ignored.test(d))).toList());
  }

  /** How many decisions are of the given kind. */
  public int count(DecisionKind kind) {
    return (int) decisions.stream().filter(d -> d.kind() == kind).count();
  }

  private static List<Decision> grouped(List<Decision> decisions) {
    List<Decision> sorted = new ArrayList<>(decisions);
    // List.sort is stable: the given order is kept within a kind.
    sorted.sort(Comparator.comparing(Decision::kind));
    return List.copyOf(sorted);
  }
}
