package io.github.packer2aib.core.hcl.value;

/**
 * How many collections a value nests, one inside another: 0 for a string, number, bool, null or
 * unknown, and one more than its deepest element for a list, set, tuple, map or object. Each
 * collection works it out once when it is made, from its children's ({@link CollectionValue}), so
 * asking is free and never recurses.
 *
 * <p>Why: the parser bounds how deeply one expression nests, but locals that each wrap the one
 * before build a value of any depth from short expressions (14 locals of 150 brackets each made one
 * 2,100 levels deep), and the walks that follow the evaluator (rendering the Go templates of a
 * plugin body, comparing, converting and writing values) recurse once per level: such a value
 * overflowed the stack. The evaluator refuses a value deeper than {@link #MAX} where it is made, so
 * no value that reaches those walks is deeper.
 */
public final class ValueDepth {
  private ValueDepth() {}

  /**
   * The most levels a value may nest: far more than any template needs (values a few levels deep),
   * about as deep as {@code jsondecode} reads, and few enough that every walk after the evaluator
   * keeps a wide margin on a thread's default stack (1 MB on 64-bit Linux). The deepest, the
   * rendering of a plugin body's Go templates, overflowed at about 1,500 levels on that stack, and
   * at about 700 on 512 KB; at 500 every command passes on 512 KB, interpreted too.
   */
  public static final int MAX = 500;

  /** How many levels {@code v} nests. */
  public static int of(Value v) {
    if (v instanceof MarkedValue m) {
      return of(m.value()); // once: marked values are never nested
    }
    if (v instanceof CollectionValue c) {
      return c.depth;
    }
    return 0;
  }
}
