package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/** A local value ({@code locals { x = … }} or {@code local "x" { expression = … }}). */
public record Local(String name, Value value, boolean sensitive, Range range) {
  public Local {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
