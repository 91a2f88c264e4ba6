package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.hcl.value.Type;
import java.util.Objects;

/**
 * A function parameter: arguments are converted to {@code type} before the call. A null argument
 * is refused unless {@code allowNull}; an argument holding unknowns makes the result unknown unless
 * {@code allowUnknown} (then the function sees it).
 */
public record Parameter(String name, Type type, boolean allowNull, boolean allowUnknown) {
  public Parameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static Parameter of(String name, Type type) {
    return new Parameter(name, type, false, false);
  }

  public Parameter nullable() {
    return new Parameter(name, type, true, allowUnknown);
  }

  public Parameter unknowns() {
    return new Parameter(name, type, allowNull, true);
  }
}
