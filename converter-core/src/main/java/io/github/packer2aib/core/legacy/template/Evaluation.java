package io.github.packer2aib.core.legacy.template;

import io.github.packer2aib.core.hcl.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * The value of one template string and what went wrong. After an error the value is an unknown
 * string (Go stops executing a template at its first error), so later stages see no made-up text.
 *
 * @param value a string value: known, or unknown when it depends on build-time data; sensitive when
 *     it includes a sensitive variable's value
 * @param problems errors, warnings and notes, in order
 */
public record Evaluation(Value value, List<TemplateProblem> problems) {
  public Evaluation {
    Objects.requireNonNull(value, "value");
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream()
        .anyMatch(p -> p.code().severity() == io.github.packer2aib.core.diag.Severity.ERROR);
  }
}
