package io.github.packer2aib.core.hcl.function;

import java.util.Set;

/**
 * The character reads the regular expressions of one template may make together ({@code regex},
 * {@code regexall}, {@code regex_replace}). Java's engine backtracks where Go's (RE2) does not, so
 * {@code 0*b} over 10,000 zeros reads fifty million characters where Go reads ten thousand; each
 * call has its own cap ({@link GoRegex}), but 300 such calls in a {@code for} ran for minutes. With
 * one budget per template, all of its matching ends within a second or so; real templates use a few
 * thousand reads.
 *
 * <p>The evaluator installs its template's budget for the thread while it calls one of these
 * functions ({@link #use}, {@link #isSpentBy}); a function called with none installed (tests, a
 * legacy template's functions) gets one call's worth. Used by one thread.
 */
public final class RegexBudget {
  /** Character reads all the regular expressions of a template may make together. */
  public static final long MAX_READS = 100_000_000L;

  private static final ThreadLocal<RegexBudget> CURRENT = new ThreadLocal<>();

  private final long max;
  private long remaining;

  /** The budget of one template: {@link #MAX_READS}. */
  public RegexBudget() {
    this(MAX_READS);
  }

  /** Another limit (tests). */
  public RegexBudget(long max) {
    this.max = max;
    this.remaining = max;
  }

  /** What {@link #use} returns: closing it puts back the budget that was in use before. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** A scope that puts nothing in place and nothing back. */
  public static final Scope NONE = () -> {};

  /** The functions that match regular expressions, around whose calls a budget is put in place. */
  private static final Set<String> SPENDERS = Set.of("regex", "regexall", "regex_replace");

  /**
   * Whether the function {@code name} spends the budget in use ({@link #use}); another would get
   * one call's worth ({@link #current}).
   */
  public static boolean isSpentBy(String name) {
    return SPENDERS.contains(name);
  }

  /** Makes this the budget of the regular expressions called on this thread until closed. */
  public Scope use() {
    RegexBudget previous = CURRENT.get();
    if (previous == this) {
      return NONE; // nested evaluation of the same template (templatefile)
    }
    CURRENT.set(this);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** The budget in use on this thread, or a fresh one for a single call. */
  static RegexBudget current() {
    RegexBudget b = CURRENT.get();
    return b != null ? b : new RegexBudget(GoRegex.MAX_BUDGET_PER_CALL);
  }

  long max() {
    return max;
  }

  long remaining() {
    return remaining;
  }

  void spend(long reads) {
    remaining = Math.max(0, remaining - reads);
  }
}
