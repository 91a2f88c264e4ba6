package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.value.TypeConstraint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A type expression read as a type constraint; empty when the expression is not a valid type
 * specification (the diagnostics say why).
 */
public record TypeConstraintResult(
    Optional<TypeConstraint> constraint, List<Diagnostic> diagnostics) {

  public TypeConstraintResult {
    Objects.requireNonNull(constraint, "constraint");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
