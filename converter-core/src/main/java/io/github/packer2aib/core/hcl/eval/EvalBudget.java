package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.hcl.function.RegexBudget;
import io.github.packer2aib.core.hcl.value.WrittenSize;

/**
 * How much work the expressions of one template may make: the elements {@code for} expressions and
 * directives visit, all together, the characters its regular expressions read ({@link
 * RegexBudget}), the size of each value written out ({@link WrittenSize}: the length of a string,
 * the characters a collection holds) and the size of the values its settings hold together. A
 * template is a few kilobytes, but three nested {@code for} over {@code range(1000)} visit a
 * billion elements, a chain of locals that each double the one before makes a string of gigabytes,
 * and a list of 1,000 references to one 8 MB string is 8 GB of commands once the mapper writes them
 * out: all ran the JVM out of time or memory. Real templates stay far below (the largest generated
 * one visits a few hundred). Shared by every scope of a template, so many expressions cannot each
 * spend a whole budget; used by one thread.
 */
public final class EvalBudget {
  /** Elements all {@code for} expressions of a template may visit together. */
  public static final long MAX_ITERATIONS = 2_000_000;

  /**
   * Characters a string value may hold (as many as file() reads: 16 MiB); a collection may hold as
   * many, written out ({@link WrittenSize}).
   */
  public static final int MAX_STRING = 16 * 1024 * 1024;

  /**
   * Characters the values of a template's settings and locals may hold together, written out (64
   * MiB, as large as an input may be; Azure takes 4 MB in a request). Each evaluation of a setting
   * counts: a value used in ten settings is written out ten times. Locals count as they are held
   * (30,000 locals each one character longer than the one before hold 450 million).
   */
  public static final long MAX_WRITTEN = 64L * 1024 * 1024;

  private final long maxIterations;
  private final int maxString;
  private final long maxWritten;
  private final RegexBudget regex;
  private long iterations;
  private boolean reported;
  private long written;

  /**
   * The budget of one template: {@link #MAX_ITERATIONS}, {@link #MAX_STRING} and {@link
   * #MAX_WRITTEN}.
   */
  public EvalBudget() {
    this(MAX_ITERATIONS, MAX_STRING);
  }

  /** Other limits (tests). */
  EvalBudget(long maxIterations, int maxString) {
    this(maxIterations, maxString, MAX_WRITTEN);
  }

  /** Other limits, the settings' total too (tests). */
  EvalBudget(long maxIterations, int maxString, long maxWritten) {
    this(maxIterations, maxString, maxWritten, new RegexBudget());
  }

  /** Other limits, the regular expressions' too (tests). */
  EvalBudget(long maxIterations, int maxString, RegexBudget regex) {
    this(maxIterations, maxString, MAX_WRITTEN, regex);
  }

  private EvalBudget(long maxIterations, int maxString, long maxWritten, RegexBudget regex) {
    this.maxIterations = maxIterations;
    this.maxString = maxString;
    this.maxWritten = maxWritten;
    this.regex = regex;
  }

  /** The character reads the template's regular expressions may make together. */
  RegexBudget regex() {
    return regex;
  }

  long maxIterations() {
    return maxIterations;
  }

  int maxString() {
    return maxString;
  }

  long maxWritten() {
    return maxWritten;
  }

  /**
   * Counts a setting's value of {@code size} ({@link WrittenSize}) written out; true when this
   * value is the one that takes the template past {@link #maxWritten} (once: later values are not
   * refused, the template has already failed).
   */
  boolean overspentBy(long size) {
    boolean within = written <= maxWritten;
    written = WrittenSize.plus(written, size);
    return within && written > maxWritten;
  }

  /** Characters the settings' values have held together so far. */
  long written() {
    return written;
  }

  /**
   * Counts one element visited; false once the template has visited more than it may (reported once
   * per template, by the caller that sees it first).
   */
  boolean iterate() {
    return ++iterations <= maxIterations;
  }

  /** Whether the exhaustion is still to be reported (true once). */
  boolean reportExhausted() {
    if (reported) {
      return false;
    }
    reported = true;
    return true;
  }
}
