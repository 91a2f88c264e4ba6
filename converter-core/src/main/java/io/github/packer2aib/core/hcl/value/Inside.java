package io.github.packer2aib.core.hcl.value;

import java.util.Set;

/**
 * What a collection holds at any depth, as bits each collection works out once when it is made from
 * its children's ({@link CollectionValue}): the marks on anything inside it, and whether anything
 * inside it is unknown.
 *
 * <p>Why: asked by walking, these questions cost a full walk of the value on each function call
 * (arguments are stripped of marks), which made a loop over a long list quadratic, and the walks
 * recursed, so a value 12,000 deep (a chain of locals each wrapping the one before) overflowed the
 * stack. Kept in each collection, every question is answered at once and without recursion.
 */
final class Inside {
  private Inside() {}

  /** The bit for something unknown inside; marks use the bits of their ordinals. */
  static final int UNKNOWN = 1 << 30;

  static int bit(Mark m) {
    return 1 << m.ordinal();
  }

  static int bits(Set<Mark> marks) {
    int b = 0;
    for (Mark m : marks) {
      b |= bit(m);
    }
    return b;
  }

  /** The bits a value adds to a collection that holds it: its own marks, and what is inside it. */
  static int ofChild(Value v) {
    if (v instanceof MarkedValue m) {
      return bits(m.marks()) | ofChild(m.value()); // once: marked values are never nested
    }
    if (v instanceof UnknownValue) {
      return UNKNOWN;
    }
    return within(v);
  }

  /** The bits of what is inside {@code v} (unmarked), not counting {@code v} itself. */
  static int within(Value v) {
    return v instanceof CollectionValue c ? c.inside : 0;
  }

  /** Whether anything inside {@code v} (unmarked), at any depth, is marked. */
  static boolean anyMark(Value v) {
    return (within(v) & ~UNKNOWN) != 0;
  }
}
