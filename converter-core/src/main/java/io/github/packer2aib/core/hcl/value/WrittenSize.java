package io.github.packer2aib.core.hcl.value;

/**
 * How large a value is once written out: the characters of its strings and of its object and map
 * keys, one for every other value (numbers, bools, nulls, unknowns, and each collection itself),
 * counted at every place a value appears. A tuple of 1,000 references to one 8 MB string costs the
 * evaluator a few kilobytes, as the string is shared, but it is 8 GB of commands to the mapper and
 * in the output: that size is what a bound on values must count (it ran the JVM out of memory).
 *
 * <p>Each collection works it out once when it is made, from its children's ({@link
 * CollectionValue}), so asking is free and never recurses. Sums stop at {@link Long#MAX_VALUE}: a
 * chain of locals each holding the one before twice doubles the size at each step.
 */
public final class WrittenSize {
  private WrittenSize() {}

  /** The written size of {@code v}. */
  public static long of(Value v) {
    if (v instanceof StringValue s) {
      return Math.max(1, s.value().length());
    }
    if (v instanceof MarkedValue m) {
      return of(m.value()); // once: marked values are never nested
    }
    if (v instanceof CollectionValue c) {
      return c.size;
    }
    return 1;
  }

  /** {@code a + b} for sizes (never negative), or {@link Long#MAX_VALUE} past it. */
  public static long plus(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
