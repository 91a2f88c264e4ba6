package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An input variable with its final value after Packer's precedence (default &lt; {@code
 * PKR_VAR_name} &lt; auto var files &lt; {@code --var-file} in order &lt; {@code --var}).
 *
 * @param name the variable's name
 * @param typeText the type constraint as written ({@code map(string)}), empty when absent
 * @param value the final value; sensitive when the variable is
 * @param sensitive {@code sensitive = true} (HCL2) or listed in {@code sensitive-variables}
 *     (legacy)
 * @param description the description as written
 * @param setBy where the final value came from
 * @param range the declaration
 * @param valueRange where the final value was written (the default, a var file, …), when known
 * @param secretsRead for a variable neither declared sensitive nor named as a credential whose
 *     value holds a secret because it reads other variables (a legacy default, {@code {{ user `pw`
 *     | lower }}}): the secret variables it reads, as references in text order ({@code var.pw}),
 *     followed through other such variables to where a secret is declared or named; empty otherwise
 *     (an HCL2 default reads no variable). A message about the secret names them, since this
 *     variable, which is not declared sensitive, is not what made it secret.
 */
public record Variable(
    String name,
    Optional<String> typeText,
    Value value,
    boolean sensitive,
    Optional<String> description,
    ValueSource setBy,
    Range range,
    Optional<Range> valueRange,
    List<String> secretsRead) {

  /** Where a variable's value came from, lowest precedence first. */
  public enum ValueSource {
    DEFAULT,
    ENVIRONMENT,
    AUTO_VAR_FILE,
    VAR_FILE,
    COMMAND_LINE,
    /** No value anywhere: a required variable that was not set (an error was reported). */
    UNSET
  }

  public Variable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(typeText, "typeText");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(setBy, "setBy");
    Objects.requireNonNull(valueRange, "valueRange");
    secretsRead = List.copyOf(secretsRead);
  }

  /** A variable that reads no secret variable. */
  public Variable(
      String name,
      Optional<String> typeText,
      Value value,
      boolean sensitive,
      Optional<String> description,
      ValueSource setBy,
      Range range,
      Optional<Range> valueRange) {
    this(name, typeText, value, sensitive, description, setBy, range, valueRange, List.of());
  }
}
