package io.github.packer2aib.core.diag;

/**
 * Edit distance between two names, for "did you mean" suggestions: insertions, deletions,
 * substitutions and swaps of two adjacent characters each count as one edit (optimal string
 * alignment), since a swapped pair is the commonest typo in a field name.
 *
 * <p>No suggestion goes further than {@link #MAX} edits, so only distances up to that are worked
 * out: names whose lengths differ by more are not compared at all, and the others only along the
 * diagonal band where such a distance can lie, with three rows. The full table took n × m time and
 * memory: a 30,000-character variable name and a near miss took 45 s and 3.6 GB.
 */
public final class EditDistance {
  private EditDistance() {}

  /** The most edits any suggestion allows. */
  public static final int MAX = 2;

  /** What {@link #between} gives for any distance greater than {@link #MAX}. */
  public static final int FAR = MAX + 1;

  /**
   * The distance between {@code a} and {@code b} when it is at most {@link #MAX}, else {@link
   * #FAR}.
   */
  public static int between(String a, String b) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > MAX) {
      return FAR; // each edit changes the length by one at most
    }
    // Rows i-2 (before), i-1 (previous) and i (row) of the table; only the cells within MAX of the
    // diagonal are written, and
    // at() reads every other cell as FAR, so what an older row left there is never seen.
    int[] before = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] row = new int[m + 1];
    for (int j = 0; j <= Math.min(m, MAX); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      int best = FAR;
      if (i <= MAX) {
        row[0] = i;
        best = i;
      }
      for (int j = Math.max(1, i - MAX); j <= Math.min(m, i + MAX); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d =
            Math.min(
                Math.min(at(previous, i - 1, j) + 1, at(row, i, j - 1) + 1),
                at(previous, i - 1, j - 1) + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, at(before, i - 2, j - 2) + 1);
        }
        row[j] = d;
        best = Math.min(best, d);
      }
      if (best > MAX) {
        return FAR; // no later row can come back below (each cell grows from this row's)
      }
      int[] oldest = before;
      before = previous;
      previous = row;
      row = oldest;
    }
    return Math.min(at(previous, n, m), FAR);
  }

  /** Cell (i, j) of a row: FAR outside the band, where nothing was written. */
  private static int at(int[] row, int i, int j) {
    return j < 0 || Math.abs(i - j) > MAX ? FAR : row[j];
  }
}
