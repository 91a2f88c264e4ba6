package io.github.packer2aib.core.report;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.Objects;

/** One decision of a conversion: a diagnostic with the kind the report files it under. */
public record Decision(DecisionKind kind, Diagnostic diagnostic) {
  public Decision {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(diagnostic, "diagnostic");
  }

  public static Decision of(Diagnostic diagnostic) {
    return new Decision(DecisionKind.of(diagnostic), diagnostic);
  }
}
