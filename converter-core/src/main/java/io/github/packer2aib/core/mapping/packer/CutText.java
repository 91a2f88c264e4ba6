package io.github.packer2aib.core.mapping.packer;

import java.util.Arrays;

/**
 * A text with parts cut out, held as the spans of the original text that remain. It answers what
 * {@code text.replace(a, "").replace(b, "").contains(c)} answers without making the copies: the
 * secret scan strips the user's options from every template's JSON before it looks for secrets, and
 * the two copies of the JSON per option were a visible share of a bulk run's allocation.
 */
final class CutText {
  private final String text;

  /**
   * The low byte of each character of the text, which the searches read (see {@link
   * LowByteSearch}), from {@link LowBytes#take}; handed back by {@link #release}.
   */
  private final byte[] low;

  /** The kept spans {@code [starts[i], ends[i])} of the text: ascending, none empty. */
  private int[] starts;

  private int[] ends;

  /** Where span i begins in the cut text. */
  private int[] at;

  private int count;

  /** The length of the cut text. */
  private int length;

  CutText(String text) {
    this.text = text;
    this.low = LowBytes.take(text);
    this.starts = new int[] {0};
    this.ends = new int[] {text.length()};
    this.at = new int[] {0};
    this.count = text.isEmpty() ? 0 : 1;
    this.length = text.length();
  }

  /** The text before any cut. */
  String original() {
    return text;
  }

  /** The low bytes of {@link #original} ({@link LowBytes}): its first {@code length()} entries. */
  byte[] originalLowBytes() {
    return low;
  }

  /** Whether the pattern occurs in the cut text. */
  boolean contains(LowByteSearch pattern) {
    return next(pattern, 0) >= 0;
  }

  /** Cuts out each occurrence of the pattern, leftmost first, as {@code String.replace} does. */
  void cut(LowByteSearch pattern) {
    int found = next(pattern, 0);
    if (found < 0) {
      return; // the common case: nothing to cut, nothing to build
    }
    Spans kept = new Spans(count + 4);
    int from = 0;
    while (found >= 0) {
      keep(from, found, kept);
      from = found + pattern.length();
      found = next(pattern, from);
    }
    keep(from, length, kept);
    starts = kept.starts;
    ends = kept.ends;
    at = kept.at;
    count = kept.count;
    length = kept.length;
  }

  /** The cut text, copied out (for tests). */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < count; i++) {
      out.append(text, starts[i], ends[i]);
    }
    return out.toString();
  }

  /**
   * Where the first occurrence of the pattern at or after {@code from} begins in the cut text, or
   * -1. An occurrence lies either inside one span (found by the pattern's own search, bounded by
   * the span's end) or across the end of a span (compared character by character; it starts in the
   * span's last {@code length - 1} characters, and the spans are few).
   */
  private int next(LowByteSearch pattern, int from) {
    int m = pattern.length();
    for (int i = spanAt(from); i < count; i++) {
      int spanEnd = at[i] + ends[i] - starts[i];
      if (spanEnd <= from) {
        continue;
      }
      int lo = Math.max(from, at[i]);
      int inside = pattern.in(text, low, starts[i] + (lo - at[i]), ends[i]);
      if (inside >= 0) {
        return at[i] + (inside - starts[i]);
      }
      if (i + 1 < count) {
        // The first character is compared here: most places do not start the pattern, and the
        // spans are many where an option occurs often (every script URI holds the base URI).
        char first = pattern.charAt(0);
        int offset = starts[i] - at[i];
        for (int v = Math.max(lo, spanEnd - m + 1); v < spanEnd; v++) {
          if (text.charAt(v + offset) == first && matchesAt(pattern, v, i)) {
            return v;
          }
        }
      }
    }
    return -1;
  }

  /** Whether the pattern stands at {@code v} of the cut text, which lies in span {@code span}. */
  private boolean matchesAt(LowByteSearch pattern, int v, int span) {
    int s = span;
    int o = starts[s] + (v - at[s]);
    for (int k = 0; k < pattern.length(); k++) {
      while (o >= ends[s]) {
        s++;
        if (s >= count) {
          return false;
        }
        o = starts[s];
      }
      if (text.charAt(o) != pattern.charAt(k)) {
        return false;
      }
      o++;
    }
    return true;
  }

  /** The span holding {@code v} of the cut text (or the last span, or 0 when there is none). */
  private int spanAt(int v) {
    int found = Arrays.binarySearch(at, 0, count, v);
    return found >= 0 ? found : Math.max(0, -found - 2);
  }

  /** Adds the part {@code [from, to)} of the cut text to {@code kept}, as spans of the text. */
  private void keep(int from, int to, Spans kept) {
    for (int i = spanAt(from); i < count && from < to; i++) {
      int spanEnd = at[i] + ends[i] - starts[i];
      if (spanEnd <= from) {
        continue;
      }
      int end = Math.min(spanEnd, to);
      kept.add(starts[i] + (from - at[i]), starts[i] + (end - at[i]));
      from = end;
    }
  }

  /**
   * Hands the byte buffer back to the thread for the next CutText; this one must not be used
   * afterwards. (Without the call the next one makes a buffer of its own.)
   */
  void release() {
    LowBytes.release(low);
  }

  /** Growing arrays of spans. */
  private static final class Spans {
    int[] starts;
    int[] ends;
    int[] at;
    int count;
    int length;

    Spans(int capacity) {
      starts = new int[capacity];
      ends = new int[capacity];
      at = new int[capacity];
    }

    void add(int start, int end) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
        at = Arrays.copyOf(at, count * 2);
      }
      starts[count] = start;
      ends[count] = end;
      at[count] = length;
      count++;
      length += end - start;
    }
  }
}
