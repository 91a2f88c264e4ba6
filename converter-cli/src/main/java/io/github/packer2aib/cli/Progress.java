package io.github.packer2aib.cli;

import java.io.PrintWriter;
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
   * gets one column less than it has ({@link TerminalColumns}).
   */
  static final int MAX_LINE = 79;

  /** The narrowest line drawn, whatever the terminal says. */
  static final int MIN_LINE = 20;

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

  /** A bar of at most {@code maxLine} characters (within MIN_LINE to MAX_LINE). */
  Progress(PrintWriter err, Mode mode, int total, long startNanos, int maxLine) {
    this.err = err;
    this.mode = mode;
    this.total = total;
    this.start = startNanos;
    this.maxLine = Math.max(MIN_LINE, Math.min(MAX_LINE, maxLine));
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
        err.print("progress: " + figures(now) + "\n");
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
      err.print("progress: " + figures(now) + "\n");
      err.flush();
    }
  }

  private void draw(long now) {
    lastDraw = now;
    String figures = figures(now);
    int width = Math.min(BAR_WIDTH, maxLine - figures.length() - 3);
    String line;
    if (width < MIN_BAR_WIDTH) {
      line = fitted(figures);
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
   * The figures within the line: without the time elapsed, then without the ETA, then cut (a
   * terminal narrower than the count and share alone).
   */
  private String fitted(String figures) {
    String line = figures;
    int elapsed = line.indexOf(", elapsed ");
    int eta = line.indexOf(", ETA ");
    if (line.length() > maxLine && elapsed >= 0 && eta > elapsed) {
      line = line.substring(0, elapsed) + line.substring(eta);
    }
    int cut = line.indexOf(", ETA ");
    if (line.length() > maxLine && cut >= 0) {
      line = line.substring(0, cut);
    }
    return line.length() > maxLine ? line.substring(0, maxLine) : line;
  }

  /** "120/300 (40%), 35.2/s, elapsed 0:03, ETA 0:05" (templates per second). */
  String figures(long now) {
    double seconds = Math.max(0, now - start) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    int percent = total == 0 ? 100 : (int) ((long) done * 100 / total);
    String eta =
        rate > 0 && done < total ? duration((total - done) / rate) : done == total ? "0:00" : "-";
    return String.format(
        Locale.ROOT,
        "%d/%d (%d%%), %.1f/s, elapsed %s, ETA %s",
        done,
        total,
        percent,
        rate,
        duration(seconds),
        eta);
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
