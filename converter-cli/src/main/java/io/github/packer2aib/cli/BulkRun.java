package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.JsonRenderer;
import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code convert -r} run: discovers the candidates, converts them on a fixed pool of {@code
 * --jobs} threads (each task writes its own outputs), and reports the results in discovery order
 * through a small reorder buffer, so stderr and the report read the same whatever {@code --jobs}
 * is. Then the summary table and the report.
 */
final class BulkRun {
  /** Everything a run needs besides the candidates. */
  record Settings(
      List<String> inputs,
      Path output,
      Discovery discovery,
      BulkOptions options,
      int jobs,
      Progress.Mode progress,
      BulkTask.Display display,
      ReportFile report) {}

  private final Settings settings;
  private final Engine engine;
  private final PrintWriter err;
  private final BulkSummary summary = new BulkSummary();
  private final List<BulkOutcome> kept = new ArrayList<>();
  private final List<Diagnostic> shown = new ArrayList<>();
  private boolean internalError;
  private Progress progress;

  BulkRun(Settings settings, Engine engine, PrintWriter err) {
    this.settings = settings;
    this.engine = engine;
    this.err = err;
  }

  int run() {
    long start = System.nanoTime();
    List<Discovery.Candidate> candidates =
        settings.discovery().discover(Discovery.roots(settings.inputs()));
    boolean json = settings.display().format() == DiagnosticsFormat.JSON;
    try {
      Files.createDirectories(settings.output());
    } catch (IOException e) {
      String reason = InputReader.reason(e);
      Path out = settings.output();
      if (json) {
        shown.add(
            CliCode.UNWRITABLE_OUTPUT.diagnostic(
                "The output directory " + out + " could not be created: " + reason + "."));
        err.print(new JsonRenderer().render(shown));
      } else {
        err.print("error: cannot create directory " + out + ": " + reason + "\n");
      }
      err.flush();
      return ExitCodes.INPUT_ERROR;
    }
    int work = 0;
    for (Discovery.Candidate c : candidates) {
      work += isWork(c) ? 1 : 0;
    }
    settings.options().settings().ifPresent(s -> reportUnused(s, candidates, json));
    progress = new Progress(err, json ? Progress.Mode.NONE : settings.progress(), work, start);
    convertAll(candidates);
    long end = System.nanoTime();
    progress.finish(end);

    // The report first, so that a failure to write it is part of what stderr ends with.
    boolean reportWritten = settings.report() == null || writeReport(json);
    if (json) {
      err.print(new JsonRenderer().render(shown));
    } else if (!settings.display().quiet()) {
      err.print("\n" + summary.table() + "\n" + closingLine(end - start) + "\n");
    }
    err.flush();
    if (internalError) {
      return ExitCodes.INTERNAL;
    }
    return summary.count(BulkOutcome.Status.FAILED) == 0 && reportWritten
        ? ExitCodes.OK
        : ExitCodes.INPUT_ERROR;
  }

  /**
   * Warns about settings entries that match no template of the run, before converting: a glob that
   * misses is a template converted without the options meant for it.
   */
  private void reportUnused(
      BulkSettings bulkSettings, List<Discovery.Candidate> candidates, boolean json) {
    List<String> paths = new ArrayList<>();
    for (Discovery.Candidate c : candidates) {
      if (isWork(c)) {
        paths.add(c.relative());
      }
    }
    List<Diagnostic> unused = bulkSettings.unused(paths);
    if (json) {
      shown.addAll(unused);
    } else if (!settings.display().quiet()) {
      SourceFile source = bulkSettings.source();
      TextRenderer renderer =
          new TextRenderer(n -> n.equals(source.name()) ? Optional.of(source) : Optional.empty());
      for (Diagnostic d : unused) {
        err.print(renderer.render(d));
      }
      err.flush();
    }
  }

  /** Converts on the pool; reports each outcome once all before it are reported. */
  private void convertAll(List<Discovery.Candidate> candidates) {
    BulkTask task = new BulkTask(engine, settings.options(), settings.output(), settings.display());
    LinkedBlockingQueue<BulkOutcome> finished = new LinkedBlockingQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(settings.jobs(), daemonThreads());
    try {
      for (Discovery.Candidate c : candidates) {
        pool.execute(() -> finished.add(runGuarded(task, c)));
      }
      Map<Integer, BulkOutcome> waiting = new HashMap<>();
      int next = 0;
      int done = 0;
      List<BulkOutcome> arrived = new ArrayList<>();
      while (next < candidates.size()) {
        BulkOutcome o = finished.poll(100, TimeUnit.MILLISECONDS);
        if (o != null) {
          arrived.add(o);
          finished.drainTo(arrived);
          for (BulkOutcome a : arrived) {
            waiting.put(a.index(), a);
            done += isWork(candidates.get(a.index())) ? 1 : 0;
          }
          arrived.clear();
        }
        while (waiting.containsKey(next)) {
          report(waiting.remove(next));
          next++;
        }
        progress.update(done, System.nanoTime());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while converting", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Whatever escapes a task (an Error) still gives its template an outcome, or the run would hang.
   */
  private static BulkOutcome runGuarded(BulkTask task, Discovery.Candidate c) {
    try {
      return task.run(c);
    } catch (Throwable t) {
      return task.internal(c, t);
    }
  }

  private void report(BulkOutcome o) {
    summary.add(o);
    internalError |= o.internalError();
    if (!o.text().isEmpty()) {
      progress.clear();
      err.print(o.text());
      err.flush();
      progress.redraw(System.nanoTime());
    }
    shown.addAll(o.shown());
    if (settings.report() != null) {
      kept.add(o.printed());
    }
  }

  private boolean writeReport(boolean json) {
    ReportFile file = settings.report();
    try {
      file.write(BulkReport.render(file.format(), kept, summary));
      return true;
    } catch (IOException e) {
      String reason = InputReader.reason(e);
      if (json) {
        shown.add(
            CliCode.UNWRITABLE_OUTPUT.diagnostic(
                "The report file " + file.target() + " could not be written: " + reason + "."));
      } else {
        err.print("error: cannot write report " + file.target() + ": " + reason + "\n");
        err.flush();
      }
      return false;
    }
  }

  private String closingLine(long nanos) {
    double seconds = nanos / 1e9;
    int templates = summary.templates();
    return String.format(
        Locale.ROOT,
        "%s in %.1f s (%.1f templates/s)",
        Report.plural(templates, "template"),
        seconds,
        seconds > 0 ? templates / seconds : 0.0);
  }

  private static boolean isWork(Discovery.Candidate c) {
    return c.shape() != Discovery.Shape.SKIPPED && c.shape() != Discovery.Shape.MISSING;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "packer2aib-convert-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
