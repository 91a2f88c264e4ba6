package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.syntax.Body;
import java.util.List;
import java.util.Objects;

/**
 * A parsed configuration file: always a body (partial when there were syntax errors: items that
 * could not be parsed are left out) and every syntax diagnostic of the file, in source order.
 */
public record HclParseResult(Body body, List<Diagnostic> diagnostics) {

  public HclParseResult {
    Objects.requireNonNull(body, "body");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
