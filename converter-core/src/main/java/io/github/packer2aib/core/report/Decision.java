package io.github.packer2aib.core.report;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.Objects;

/**
 * One decision of a conversion: a diagnostic with the kind the report files it under, and whether
 * the user accepted its code ({@code --ignore}): the report still records it, marked.
 */
public record Decision(DecisionKind kind, Diagnostic diagnostic, boolean ignored) {
  public Decision {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(diagnostic, "diagnostic");
  }

  public static Decision of(Diagnostic diagnostic) {
    return of(diagnostic, false);
  }

  public static Decision of(Diagnostic diagnostic, boolean ignored) {
    return new Decision(DecisionKind.of(diagnostic), diagnostic, ignored);
  }
}
