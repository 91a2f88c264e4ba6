package io.github.packer2aib.core.hcl.value;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A value with marks. Never nested, never with an empty mark set: build it with {@link
 * Value#withMarks}. Prints as {@code (sensitive value)} when sensitive, so a secret cannot reach a
 * message through {@code toString()}.
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
    marks = canonical(marks);
  }

  private static final Set<Mark> SENSITIVE = Set.of(Mark.SENSITIVE);
  private static final Set<Mark> FROZEN = Set.of(Mark.FROZEN);
  private static final Set<Mark> BOTH = Set.of(Mark.SENSITIVE, Mark.FROZEN);

  /**
   * The marks as an immutable set, shared for the usual combinations: every marked value is made
   * with one, and copying the caller's set twice (to check its elements, then to freeze it) was a
   * visible cost in C1 code.
   */
  private static Set<Mark> canonical(Set<Mark> marks) {
    boolean sensitive = marks.contains(Mark.SENSITIVE);
    boolean frozen = marks.contains(Mark.FROZEN);
    if (marks.size() == (sensitive ? 1 : 0) + (frozen ? 1 : 0)) {
      return sensitive ? (frozen ? BOTH : SENSITIVE) : FROZEN;
    }
    return Set.copyOf(EnumSet.copyOf(marks));
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
