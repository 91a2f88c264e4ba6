package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;

/**
 * One evaluated argument of a block ({@code vm_size = "Standard_D2s_v3"}, or a legacy JSON member).
 *
 * @param name the argument's name
 * @param value the evaluated value (possibly unknown or sensitive)
 * @param nameRange where the name is written
 * @param valueRange where the value expression is written
 * @param unknownFrom when the value is not wholly known: the references in its expression that have
 *     no value at conversion time, as written ({@code data.hcp-packer-artifact.ubuntu.id}, {@code
 *     local.image}; in a legacy template the {@code {{build `ID`}}} calls in its strings), so that
 *     a message can name them; empty when the value is known or nothing was traced
 * @param layout where the parts of an object or list value are written; null for a value without
 *     parts of its own, whose {@link #layout()} is then the whole {@code valueRange} (no object is
 *     made for the many scalar settings of a bulk run)
 * @param reads the variable whose value the setting is written as reading and nothing else ({@code
 *     var.x}, {@code "${var.x}"}, {@code "{{user `x`}}"}), or null: a message about a secret value
 *     names that variable, where the values alone cannot tell it from others that hold the same
 */
public record Setting(
    String name,
    Value value,
    Range nameRange,
    Range valueRange,
    List<String> unknownFrom,
    ValueLayout layout,
    String reads) {
  public Setting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    unknownFrom = List.copyOf(unknownFrom);
  }

  /** A setting not written as reading a variable alone. */
  public Setting(
      String name,
      Value value,
      Range nameRange,
      Range valueRange,
      List<String> unknownFrom,
      ValueLayout layout) {
    this(name, value, nameRange, valueRange, unknownFrom, layout, null);
  }

  /** A setting whose value has no parts written out. */
  public Setting(
      String name, Value value, Range nameRange, Range valueRange, List<String> unknownFrom) {
    this(name, value, nameRange, valueRange, unknownFrom, null);
  }

  /** A setting whose unknown parts, if any, are not traced. */
  public Setting(String name, Value value, Range nameRange, Range valueRange) {
    this(name, value, nameRange, valueRange, List.of());
  }

  /** Where the value and its parts are written. */
  @Override
  public ValueLayout layout() {
    return ValueLayout.orWhole(layout, valueRange);
  }

  /** This setting with the value {@code newValue}, still traced to the same references. */
  public Setting withValue(Value newValue) {
    return new Setting(name, newValue, nameRange, valueRange, unknownFrom, layout, reads);
  }
}
