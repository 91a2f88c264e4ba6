package io.github.packer2aib.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The progress of {@code convert -r} on stderr: a bar redrawn in place on a terminal ({@code \r},
 * at most ten times a second), or a plain line at every tenth of the way and at the end. Only the
 * thread that prints diagnostics calls it, so the bar is cleared before a diagnostic and redrawn
 * after without locking.
 */
final class Progress {
  enum Mode {
    AUTO,
    BAR,
    LINES,
    NONE
  }

  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int BAR_WIDTH = 24;

  /**
   * The longest line the bar draws: a line that reaches a terminal's last column wraps, and {@code
   * \r} then returns only to the start of its last part, so every redraw would leave a line behind.
   * 79 fits the classic 80 columns; the bar gets narrower for long figures. A narrower terminal
   * gets one column less than it has ({@link TerminalColumns}), however narrow.
   */
  static final int MAX_LINE = 79;

  /** A bar narrower than this is left out: the figures say it all. */
  private static final int MIN_BAR_WIDTH = 8;

  private final PrintWriter err;
  private final Mode mode;
  private final int total;
  private final long start;
  private final int maxLine;
  private int done;
  private long lastDraw;
  private int lastTenth;
  private int drawnWidth;

  /** {@code mode} must not be AUTO (see {@link #resolve}). */
  Progress(PrintWriter err, Mode mode, int total, long startNanos) {
    this(err, mode, total, startNanos, MAX_LINE);
  }

  /**
   * A bar of at most {@code maxLine} characters (at most MAX_LINE). A line too short for the count
   * alone at its widest ({@code 802/802}) gets the plain progress lines instead of a bar: they wrap
   * on such a terminal, but each is a line of its own, where a wrapped bar would leave a line
   * behind at every redraw. The bar used to be at least 20 characters, wider than a terminal of 20
   * columns or fewer, and was cut wherever that fell, inside a figure ({@code 121.2/}).
   */
  Progress(PrintWriter err, Mode mode, int total, long startNanos, int maxLine) {
    this.err = err;
    this.total = total;
    this.start = startNanos;
    this.maxLine = Math.min(MAX_LINE, maxLine);
    this.mode = mode == Mode.BAR && count(total).length() > this.maxLine ? Mode.LINES : mode;
    this.lastDraw = startNanos - REDRAW_NANOS;
  }

  /** The longest line for a terminal of {@code columns} (unknown: the classic 80). */
  static int lineFor(java.util.OptionalInt columns) {
    return columns.isPresent() ? columns.getAsInt() - 1 : MAX_LINE;
  }

  /** AUTO: a bar when stderr is a terminal (and TERM is not "dumb"), else lines. */
  static Mode resolve(Mode requested, boolean terminal, String term) {
    if (requested != Mode.AUTO) {
      return requested;
    }
    return terminal && !"dumb".equals(term) ? Mode.BAR : Mode.LINES;
  }

  /** {@code done} of the total are finished, at {@code now} (System.nanoTime). */
  void update(int newDone, long now) {
    done = newDone;
    if (mode == Mode.BAR) {
      if (now - lastDraw >= REDRAW_NANOS || done == total) {
        draw(now);
      }
    } else if (mode == Mode.LINES && total > 0) {
      int tenth = (int) ((long) done * 10 / total);
      if (tenth > lastTenth && done < total) {
        lastTenth = tenth;
        err.print("progress: " + line(now) + "\n");
        err.flush();
      }
    }
  }

  /** Whether this progress is a bar redrawn in place (a line that never ends by itself). */
  boolean drawsBar() {
    return mode == Mode.BAR;
  }

  /** Removes the bar so that a diagnostic starts on a clean line. */
  void clear() {
    if (mode == Mode.BAR && drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      drawnWidth = 0;
    }
  }

  /** Redraws the bar after a diagnostic was printed. */
  void redraw(long now) {
    if (mode == Mode.BAR) {
      draw(now);
    }
  }

  /** The last word: the bar is cleared, "lines" prints its final line. */
  void finish(long now) {
    if (mode == Mode.BAR) {
      clear();
      err.flush();
    } else if (mode == Mode.LINES) {
      err.print("progress: " + line(now) + "\n");
      err.flush();
    }
  }

  private void draw(long now) {
    lastDraw = now;
    Figures f = figures(now);
    String figures = f.all();
    int width = Math.min(BAR_WIDTH, maxLine - figures.length() - 3);
    String line;
    if (width < MIN_BAR_WIDTH) {
      line = fitted(f);
    } else {
      int filled = total == 0 ? width : (int) ((long) done * width / total);
      line = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + figures;
    }
    String pad = line.length() < drawnWidth ? " ".repeat(drawnWidth - line.length()) : "";
    err.print("\r" + line + pad);
    drawnWidth = line.length();
    err.flush();
  }

  /**
   * The figures within the line, whole ones only: without the time elapsed, then without the ETA,
   * then without the rate, then without the share, down to the count, which the constructor made
   * sure fits.
   */
  private String fitted(Figures f) {
    for (String line : f.shorter()) {
      if (line.length() <= maxLine) {
        return line;
      }
    }
    return f.count();
  }

  /** "120/300 (40%), 35.2/s, elapsed 0:03, ETA 0:05" (templates per second). */
  String line(long now) {
    return figures(now).all();
  }

  private Figures figures(long now) {
    double seconds = Math.max(0, now - start) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    int percent = total == 0 ? 100 : (int) ((long) done * 100 / total);
    String eta =
        rate > 0 && done < total ? duration((total - done) / rate) : done == total ? "0:00" : "-";
    return new Figures(
        done + "/" + total,
        "(" + percent + "%)",
        String.format(Locale.ROOT, "%.1f/s", rate),
        "elapsed " + duration(seconds),
        "ETA " + eta);
  }

  /** The count at its widest, when all are done. */
  private static String count(int total) {
    return total + "/" + total;
  }

  /** The parts of the figures, which a narrow line drops whole, never cut. */
  private record Figures(String count, String share, String rate, String elapsed, String eta) {
    String all() {
      return count + " " + share + ", " + rate + ", " + elapsed + ", " + eta;
    }

    /** Shorter and shorter lines, each without one more part. */
    List<String> shorter() {
      return List.of(
          count + " " + share + ", " + rate + ", " + eta,
          count + " " + share + ", " + rate,
          count + " " + share,
          count);
    }
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
        : String.format(Locale.ROOT, "%d:%02d", m, sec);
  }
}
