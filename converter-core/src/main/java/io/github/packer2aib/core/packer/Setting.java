package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/**
 * One evaluated argument of a block ({@code vm_size = "Standard_D2s_v3"}, or a legacy JSON member).
 *
 * @param name the argument's name
 * @param value the evaluated value (possibly unknown or sensitive)
 * @param nameRange where the name is written
 * @param valueRange where the value expression is written
 */
public record Setting(String name, Value value, Range nameRange, Range valueRange) {
  public Setting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
