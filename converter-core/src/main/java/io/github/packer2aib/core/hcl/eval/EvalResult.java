package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * The value of an expression and the diagnostics its evaluation reported. With errors the value is
 * an unknown of the best type known, so callers can go on and report further problems.
 */
public record EvalResult(Value value, List<Diagnostic> diagnostics) {

  public EvalResult {
    Objects.requireNonNull(value, "value");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    // Indexed: asked after every evaluation, mostly of an empty list.
    for (int i = 0, n = diagnostics.size(); i < n; i++) {
      if (diagnostics.get(i).isError()) {
        return true;
      }
    }
    return false;
  }
}
