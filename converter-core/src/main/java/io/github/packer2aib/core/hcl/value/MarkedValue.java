package io.github.packer2aib.core.hcl.value;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A value with marks. Never nested, never with an empty mark set: build it with {@link
 * Value#withMarks}. Prints as {@code (sensitive value)} when sensitive, so a secret cannot reach
 * a message through {@code toString()}.
 */
public record MarkedValue(Value value, Set<Mark> marks) implements Value {
  public MarkedValue {
    Objects.requireNonNull(value, "value");
    if (value instanceof MarkedValue) {
      throw new IllegalArgumentException("marked values are not nested");
    }
    if (marks.isEmpty()) {
      throw new IllegalArgumentException("a marked value needs a mark");
    }
    marks = Set.copyOf(EnumSet.copyOf(marks));
  }

  @Override
  public Type type() {
    return value.type();
  }

  @Override
  public Value unmarked() {
    return value;
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
