package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.hcl.function.RegexBudget;

/**
 * How much work the expressions of one template may make: the elements {@code for} expressions and
 * directives visit, all together, the characters its regular expressions read ({@link
 * RegexBudget}), and the length of each string. A template is a few kilobytes, but three nested
 * {@code for} over {@code range(1000)} visit a billion elements, and a chain of locals that each
 * double the one before makes a string of gigabytes: both ran the JVM out of time or memory. Real
 * templates stay far below (the largest generated one visits a few hundred). Shared by every scope
 * of a template, so many expressions cannot each spend a whole budget; used by one thread.
 */
public final class EvalBudget {
  /** Elements all {@code for} expressions of a template may visit together. */
  public static final long MAX_ITERATIONS = 2_000_000;

  /** Characters a string value may hold (as many as file() reads: 16 MiB). */
  public static final int MAX_STRING = 16 * 1024 * 1024;

  private final long maxIterations;
  private final int maxString;
  private final RegexBudget regex;
  private long iterations;
  private boolean reported;

  /** The budget of one template: {@link #MAX_ITERATIONS} and {@link #MAX_STRING}. */
  public EvalBudget() {
    this(MAX_ITERATIONS, MAX_STRING);
  }

  /** Other limits (tests). */
  EvalBudget(long maxIterations, int maxString) {
    this(maxIterations, maxString, new RegexBudget());
  }

  /** Other limits, the regular expressions' too (tests). */
  EvalBudget(long maxIterations, int maxString, RegexBudget regex) {
    this.maxIterations = maxIterations;
    this.maxString = maxString;
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
