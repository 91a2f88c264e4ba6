package io.github.packer2aib.core.hcl.value;

import java.util.Objects;

/**
 * A value not known at conversion time (for instance a build-time value), of a known or {@code
 * any} type. Operations and functions given an unknown return an unknown of their result type.
 */
public record UnknownValue(Type type) implements Value {
  public UnknownValue {
    Objects.requireNonNull(type, "type");
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
