package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;

/**
 * A local value ({@code locals { x = … }} or {@code local "x" { expression = … }}).
 *
 * @param sensitive whether the local is declared {@code sensitive = true}
 * @param secretsRead for a local not declared sensitive whose value holds a secret: the secrets its
 *     expression reads, as references in source order ({@code var.pw}, {@code local.s}, {@code
 *     data.azure-keyvaultsecret.pw}), followed through other such locals to where a secret is
 *     declared; empty otherwise. A message about the secret names them, since this local's own
 *     {@code sensitive = true}, which it lacks, is not what made it secret.
 */
public record Local(
    String name, Value value, boolean sensitive, Range range, List<String> secretsRead) {
  public Local {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    secretsRead = List.copyOf(secretsRead);
  }

  /** A local whose secrets, if any, are not traced. */
  public Local(String name, Value value, boolean sensitive, Range range) {
    this(name, value, sensitive, range, List.of());
  }
}
