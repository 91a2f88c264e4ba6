package io.github.packer2aib.core.hcl.value;

import java.util.Objects;

/** The null of a type ({@code any} when the type is not known: the literal {@code null}). */
public record NullValue(Type type) implements Value {
  public NullValue {
    Objects.requireNonNull(type, "type");
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
