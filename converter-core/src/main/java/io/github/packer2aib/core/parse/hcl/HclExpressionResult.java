package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.syntax.Expression;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A parsed standalone expression; empty when a syntax error left no expression to return. */
public record HclExpressionResult(Optional<Expression> expression, List<Diagnostic> diagnostics) {

  public HclExpressionResult {
    Objects.requireNonNull(expression, "expression");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
