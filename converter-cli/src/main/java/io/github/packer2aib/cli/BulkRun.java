package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.DiagnosticStream;
import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

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
      int progressLine,
      BulkTask.Display display,
      ReportFile report,
      boolean prune,
      boolean check,
      List<String> packerOptionsGiven,
      List<String> includeGlobs,
      List<String> excludeGlobs) {}

  private final Settings settings;
  private final Engine engine;

  /**
   * The candidates whose conversion failed, by index in discovery order, with what failed: --prune
   * keeps what earlier runs wrote for them, and CLI-W001 says what to fix.
   */
  private final Map<Integer, Leftovers.Cause> failures = new TreeMap<>();

  /**
   * CLI-W005 and CLI-W006: an --include pattern that selected nothing, an --exclude pattern that
   * matched nothing (likely mistyped); CLI-W008: --prune left everything, as a root could not be
   * read.
   */
  private final List<Diagnostic> filterWarnings = new ArrayList<>();

  /**
   * What the run said about itself before its end, in that order, quiet or not: SET-W001 (a
   * settings entry that matches no template) and CLI-W007 (a file given that is no template). The
   * report records them, with the warnings of the end ({@link #runDiagnostics}).
   */
  private final List<Diagnostic> saidBefore = new ArrayList<>();

  /** The roots, as given, that could not be read at all: the run names no leftovers then. */
  private final List<String> unreadRoots = new ArrayList<>();

  /** Whether discovery kept a candidate (of the filter warnings: "so nothing was converted"). */
  private boolean anySelected;

  /**
   * The --include patterns whose selection is known only from the outcomes: CLI-W005 for one that
   * selected files that are no templates alone; null before discovery.
   */
  private SkippedIncludes skippedIncludes;

  private final PrintWriter err;
  private final BulkSummary summary = new BulkSummary();

  /** Whether a Packer template was found, and the first AIB one (for CLI-W004). */
  private boolean anyPacker;

  private String firstAib;

  /** The upload addresses of the run's templates (CLI-W003 when two files share one). */
  private final SharedUploads uploads = new SharedUploads();

  /** With --check: what the run would change in its output folder; else null (it writes). */
  private final OutputCheck check;

  /** What the run learns about files, from discovery on, shared by every template. */
  private final FileCache files = FileCache.forBulkRun();

  /** The templates' part of the report, rendered as their outcomes come; null without one. */
  private ReportSpool spool;

  /**
   * With {@code --diagnostics-format json} or {@code sarif}: the document on stderr that each
   * template's diagnostics join as it is reported (a run of thousands cannot hold them all until
   * its end); else null.
   */
  private DiagnosticStream machineOut;

  private boolean internalError;
  private Progress progress;

  /** Templates converted before the run was stopped, for the notice of a stopped run. */
  private final AtomicInteger finishedCount = new AtomicInteger();

  /** When the run started: a temporary file changed since may be another run's, in use. */
  private Instant started = Instant.EPOCH;

  /** Of {@link #finishedCount}, the candidates that were inputs (held templates). */
  private final AtomicInteger finishedInputs = new AtomicInteger();

  /** The image templates those inputs held (the summary's two counts). */
  private final AtomicInteger finishedTemplates = new AtomicInteger();

  /**
   * Held while outcomes are printed, so that the notice of a stopped run comes after a whole
   * outcome, and nothing after it.
   */
  private final ReentrantLock printing = new ReentrantLock();

  /** Set first thing by the shutdown hook: outcomes from then on are the stop's, not the run's. */
  private volatile boolean stopping;

  /**
   * Set once the run has printed its end (under {@link #printing}): a stop after it says nothing.
   */
  private boolean ended;

  BulkRun(Settings settings, Engine engine, PrintWriter err) {
    this.settings = settings;
    this.engine = engine;
    this.err = err;
    this.check = settings.check() ? new OutputCheck() : null;
  }

  int run() {
    long start = System.nanoTime();
    started = Instant.now();
    List<Discovery.Root> roots = Discovery.roots(settings.inputs());
    List<Discovery.Candidate> candidates =
        settings.discovery().discover(roots, files, settings.jobs());
    DiagnosticsFormat format = settings.display().format();
    boolean machine = format.machine();
    OutputFolders folders = new OutputFolders(settings.output());
    try {
      if (check == null && settings.output() != null) {
        folders.make(settings.output());
      }
    } catch (IOException e) {
      String reason = InputReader.reason(e);
      Path out = settings.output();
      if (machine) {
        Diagnostic d =
            CliCode.UNWRITABLE_OUTPUT.diagnostic(
                "The output directory " + out + " could not be created: " + reason + ".");
        err.print(format.render(List.of(d)));
      } else {
        err.print(
            CliCode.UNWRITABLE_OUTPUT.textLine("cannot create directory " + out + ": " + reason)
                + "\n");
      }
      err.flush();
      return ExitCodes.INPUT_ERROR;
    }
    if (machine) {
      machineOut = format.stream(err);
    }
    int work = 0;
    for (Discovery.Candidate c : candidates) {
      work += isWork(c) ? 1 : 0;
      anySelected |= c.shape() != Discovery.Shape.MISSING;
      if (c.shape() == Discovery.Shape.MISSING
          && c.root().onlyFile().isEmpty()
          && c.path().equals(c.root().folder())) {
        unreadRoots.add(c.root().argument());
      }
    }
    skippedIncludes = new SkippedIncludes(settings.discovery(), settings.discovery().includeUse());
    if (settings.prune() && !unreadRoots.isEmpty()) {
      filterWarnings.add(pruneSkipped());
    }
    settings.options().settings().ifPresent(s -> reportUnused(s, candidates, machine));
    progress =
        new Progress(
            err,
            machine ? Progress.Mode.NONE : settings.progress(),
            work,
            start,
            settings.progressLine());
    if (settings.report() != null) {
      spool = ReportSpool.open(settings.report(), PendingWrites.PROCESS);
    }
    try {
      return convertAndReport(start, roots, candidates, folders, work, machine);
    } finally {
      if (spool != null) {
        spool.close();
      }
    }
  }

  private int convertAndReport(
      long start,
      List<Discovery.Root> roots,
      List<Discovery.Candidate> candidates,
      OutputFolders folders,
      int total,
      boolean machine) {
    // Registered until the run has printed its end: a stop while the report is joined (or the
    // output list written) gets the notice, and JSON or SARIF diagnostics their end, too.
    Thread notice = new Thread(() -> stopped(total, machine), "packer2aib-stopped");
    Runtime.getRuntime().addShutdownHook(notice);
    try {
      return finishAfter(start, roots, candidates, folders, machine);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(notice);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is stopping: the notice runs, as it should.
      }
    }
  }

  private int finishAfter(
      long start,
      List<Discovery.Root> roots,
      List<Discovery.Candidate> candidates,
      OutputFolders folders,
      boolean machine) {
    Path out = settings.output();
    // Read before anything is written: which files in the output folder packer2aib wrote (an
    // output never replaces another file it did not write), and, after, what --prune may delete.
    OutputManifest before = out == null ? OutputManifest.of(Map.of()) : OutputManifest.read(out);
    // Before any output is written: what the output folder holds now that packer2aib did not
    // write is the tree's, not this run's.
    TemplatesInOutput.Found inTree =
        out == null
            ? TemplatesInOutput.Found.NONE
            : TemplatesInOutput.find(settings.discovery(), out, before);
    inTree.warning().ifPresent(filterWarnings::add);
    convertAll(candidates, folders, before);
    if (stopping) {
      // The JVM ends with the signal's status once its hooks are done; no summary, no report.
      return ExitCodes.INPUT_ERROR;
    }
    // After the conversions, first among the warnings under the summary: an --include that
    // selected only files that are no templates is known once they are read.
    filterWarnings.addAll(0, filterWarnings(roots));
    Leftovers leftovers;
    String manifestProblem = null;
    if (out == null) {
      leftovers = Leftovers.NONE; // validate -r: no output folder
    } else {
      // A template of the tree that CLI-W009 counts is no earlier output: CLI-W001 also named it,
      // as an image template that "may be someone else's", right above the warning that it is a
      // source left out of the run. It is never pruned either way (the list does not hold it).
      List<String> earlier =
          earlierOutputs(roots, folders).stream()
              .filter(p -> !inTree.inOutput().contains(p))
              .toList();
      // A template that failed this run still exists: its last good outputs are no leftovers for
      // --prune to delete (one broken commit would delete a deployed image template); they stay,
      // named as such, and the list keeps vouching for them.
      Map<String, Leftovers.Cause> ofFailed = outputsOfFailed(candidates, earlier);
      OutputManifest vouched = settings.prune() ? before.without(ofFailed.keySet()) : before;
      if (check == null) {
        leftovers =
            Leftovers.settle(out, earlier, vouched, settings.prune())
                .listedIn(before)
                .ofFailed(ofFailed);
        manifestProblem = writeManifest(folders, before, leftovers);
        folders.removeStaleTemps(started);
        folders.removeEmpty();
      } else {
        Leftovers plan = Leftovers.check(out, earlier, vouched, settings.prune());
        plan.pruned().forEach(check::deleted);
        checkManifest(folders, before, plan.pruned());
        // Nothing deleted: --check.
        leftovers = new Leftovers(plan.kept(), List.of()).listedIn(before).ofFailed(ofFailed);
      }
    }
    long end = System.nanoTime();
    progress.finish(end);

    // The report first, so that a failure to write it is part of what stderr ends with.
    boolean reportWritten =
        settings.report() == null || writeReport(machine, leftovers, folders, manifestProblem);
    if (settings.report() != null) {
      Path reportFolder = settings.report().target().toAbsolutePath().getParent();
      if (reportFolder != null) {
        StaleTemps.remove(reportFolder, started, StaleTemps::running);
      }
    }
    boolean quiet = settings.display().quiet();
    printing.lock();
    try {
      if (stopping) {
        return ExitCodes.INPUT_ERROR; // the notice of the stop is what stderr ends with
      }
      ended = true;
      printEnd(machine, quiet, out, leftovers, manifestProblem, end - start);
    } finally {
      printing.unlock();
    }
    if (internalError) {
      return ExitCodes.INTERNAL;
    }
    boolean upToDate = check == null || check.upToDate();
    return summary.count(BulkOutcome.Status.FAILED) == 0 && reportWritten && upToDate
        ? ExitCodes.OK
        : ExitCodes.INPUT_ERROR;
  }

  /**
   * CLI-W005 for each --include pattern that selected nothing (it matched nothing the search looked
   * at, only what --exclude left out, or only files that are no templates), CLI-W006 for each
   * --exclude pattern that matched nothing (but one that names hidden files or folders, which are
   * never searched: what it names is left out, as it says).
   */
  private List<Diagnostic> filterWarnings(List<Discovery.Root> roots) {
    List<Diagnostic> all = new ArrayList<>();
    List<String> includes = settings.includeGlobs();
    List<String> excludes = settings.excludeGlobs();
    List<Discovery.Use> includeUse = settings.discovery().includeUse();
    // validate -r (no output folder) converts nothing in any case: its templates are validated.
    String outcome =
        anySelected
            ? ""
            : settings.output() == null
                ? ", so nothing was validated"
                : ", so nothing was converted";
    for (int i = 0; i < includes.size() && i < includeUse.size(); i++) {
      String glob = includes.get(i);
      if (includeUse.get(i) == Discovery.Use.EXCLUDED) {
        all.add(
            CliCode.INCLUDE_MATCHED_NOTHING.diagnostic(
                "Everything --include '"
                    + glob
                    + "' matched was excluded by --exclude"
                    + outcome
                    + "."));
      } else if (includeUse.get(i) == Discovery.Use.NOTHING) {
        all.add(
            CliCode.INCLUDE_MATCHED_NOTHING.diagnostic(
                "--include '"
                    + glob
                    + "' matched nothing under the input folders"
                    + outcome
                    + "."
                    + GlobHints.hint(glob, true, folderNamed(glob, roots))
                    + (excludes.isEmpty()
                        ? ""
                        : " Folders that --exclude leaves out are not searched.")));
      } else {
        Optional<SkippedIncludes.Skipped> skipped = skippedIncludes.onlySkipped(i);
        if (skipped.isPresent()) {
          all.add(CliCode.INCLUDE_MATCHED_NOTHING.diagnostic(onlySkipped(glob, skipped.get())));
        }
      }
    }
    List<Boolean> excludeUse = settings.discovery().excludeUse();
    for (int i = 0; i < excludes.size() && i < excludeUse.size(); i++) {
      String glob = excludes.get(i);
      // What a pattern for hidden names names is never searched: left out, as it asks (a CI
      // script's --exclude '.git/**' warned on every run).
      if (!excludeUse.get(i) && !GlobHints.namesHidden(glob)) {
        all.add(
            CliCode.EXCLUDE_MATCHED_NOTHING.diagnostic(
                "--exclude '"
                    + glob
                    + "' matched nothing under the input folders, so it left nothing out."
                    + GlobHints.hint(glob, false, false)
                    + (excludes.size() > 1
                        ? " Folders that another --exclude leaves out are not searched, so a"
                            + " pattern for what lies in them is not needed."
                        : "")));
      }
    }
    return all;
  }

  /**
   * CLI-W005's detail for the --include {@code glob}, which selected only files that are no
   * templates ({@code skipped}).
   */
  private static String onlySkipped(String glob, SkippedIncludes.Skipped skipped) {
    int more = skipped.count() - 1;
    return "--include '"
        + glob
        + "' selected no template, only "
        + (more == 0 ? "a file that was skipped: " : "files that were skipped: ")
        + skipped.first().relative()
        + " ("
        + skipped.reason()
        + ")"
        + (more == 0 ? "" : " and " + more + " more")
        + "."
        + SkippedIncludes.advice(skipped);
  }

  /**
   * Whether {@code glob}, a pattern without wildcards, names a folder under one of the roots: a
   * pattern selects files (and template folders), not the files of a folder.
   */
  private static boolean folderNamed(String glob, List<Discovery.Root> roots) {
    String path = GlobHints.withoutSlips(glob);
    if (path.isEmpty() || path.chars().anyMatch(ch -> "*?[]{}\\".indexOf(ch) >= 0)) {
      return false;
    }
    for (Discovery.Root root : roots) {
      try {
        if (root.onlyFile().isEmpty() && Files.isDirectory(root.folder().resolve(path))) {
          return true;
        }
      } catch (java.nio.file.InvalidPathException e) {
        // No such folder.
      }
    }
    return false;
  }

  /**
   * CLI-W008: a root could not be read, so --prune is off (as with --include): a typo in a root's
   * name deleted every output of that root.
   */
  private Diagnostic pruneSkipped() {
    boolean one = unreadRoots.size() == 1;
    return CliCode.PRUNE_SKIPPED.diagnostic(
        (check == null ? "--prune deleted nothing: " : "--prune would delete nothing: ")
            + (one ? "the root " : "the roots ")
            + String.join(", ", unreadRoots)
            + " could not be read"
            + ", and a run without one of its roots cannot tell the outputs of earlier runs"
            + " from leftovers.");
  }

  /** The filter warnings under the summary table, each a line of its own. */
  private String filterText() {
    StringBuilder s = new StringBuilder();
    for (Diagnostic d : filterWarnings) {
      s.append('\n').append(CliCode.textLine(d)).append('\n');
    }
    return s.toString();
  }

  /** CLI-W004: Packer options were given, but the run found AIB templates only. */
  private boolean packerOptionsUnused() {
    return !settings.packerOptionsGiven().isEmpty() && !anyPacker && firstAib != null;
  }

  /**
   * The end of stderr: the rest of the machine diagnostics and the document's end, or the summary.
   */
  private void printEnd(
      boolean machine,
      boolean quiet,
      Path out,
      Leftovers leftovers,
      String manifestProblem,
      long nanos) {
    if (machine) {
      if (!quiet) {
        leftovers.diagnostics(out, settings.prune()).forEach(machineOut::write);
        uploads.diagnostics().forEach(machineOut::write);
        // In the order the text prints them (and the report records them): CLI-W004 first.
        if (packerOptionsUnused()) {
          machineOut.write(
              CliCode.PACKER_OPTIONS_UNUSED.diagnostic(
                  PackerOnlyOptions.detail(settings.packerOptionsGiven(), firstAib)));
        }
        filterWarnings.forEach(machineOut::write);
        if (manifestProblem != null) {
          machineOut.write(CliCode.MANIFEST_UNWRITTEN.diagnostic(manifestProblem));
        }
      }
      if (check != null) {
        check.diagnostics(out).forEach(machineOut::write); // errors: also when quiet
      }
      machineOut.close();
    } else if (!quiet) {
      err.print(
          "\n"
              + summary.table(settings.output() == null)
              + leftovers.text(out, settings.prune(), settings.report() != null)
              + uploads.text()
              + (packerOptionsUnused()
                  ? "\n"
                      + CliCode.PACKER_OPTIONS_UNUSED.textLine(
                          PackerOnlyOptions.line(settings.packerOptionsGiven()))
                      + "\n"
                  : "")
              + filterText()
              + (manifestProblem == null
                  ? ""
                  : "\n" + CliCode.MANIFEST_UNWRITTEN.textLine(manifestProblem) + "\n")
              + (check == null
                  ? ""
                  : "\n" + check.text(out, summary.count(BulkOutcome.Status.FAILED), "input"))
              + "\n"
              + closingLine(nanos)
              + "\n");
    } else if (check != null && !check.upToDate()) {
      err.print(check.text(out, summary.count(BulkOutcome.Status.FAILED), "input"));
    }
    err.flush();
  }

  /**
   * Ctrl-C or a termination signal before the run has printed its end (a shutdown hook, while
   * converting or while the report is joined): the summary and the report will not come, so say how
   * far the run got and what it leaves. Writes in progress are abandoned by {@link PendingWrites};
   * every output file already there is whole. JSON or SARIF diagnostics get no notice: their
   * document, which holds those of the templates reported so far, is closed so that stderr is still
   * one document, and the exit status (128 + the signal) says the run stopped.
   */
  private void stopped(int total, boolean machine) {
    stopping = true;
    boolean locked = false;
    try {
      // A reporter stuck on a stderr nobody reads must not keep the process from ending: then
      // the notice is left out (printing would get stuck the same way).
      locked = printing.tryLock(500, TimeUnit.MILLISECONDS);
      if (locked && !ended && machine) {
        machineOut.close();
      } else if (locked && !ended) {
        notice(total);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (locked) {
        printing.unlock();
      }
    }
  }

  private void notice(int total) {
    err.print(
        (progress.drawsBar() ? "\n" : "")
            + interrupted(
                finishedCount.get(),
                finishedInputs.get(),
                finishedTemplates.get(),
                total,
                check != null || settings.output() == null,
                settings.report() != null)
            + "\n");
    err.flush();
  }

  /**
   * The notice of a stopped run. It counts candidates, as the progress line does: a JSON or YAML
   * file may turn out to be no template only once it is read, so "of 602 templates" counted files
   * the summary would have called skipped; those finished that were inputs (held templates) are
   * given apart, with their templates, as the summary counts.
   */
  static String interrupted(
      int finished, int inputs, int templates, int total, boolean writesNothing, boolean report) {
    return "interrupted: "
        + finished
        + " of "
        + Report.plural(total, "candidate")
        + (writesNothing ? " checked" : " finished")
        + " ("
        + BulkSummary.totals(inputs, templates)
        + ")"
        + (writesNothing
            ? "; nothing was written"
            : "; the output files written so far are complete")
        + (report ? ", and no report was written" : "");
  }

  /**
   * Warns about settings entries that match no template of the run, before converting: a glob that
   * misses is a template converted without the options meant for it.
   */
  private void reportUnused(
      BulkSettings bulkSettings, List<Discovery.Candidate> candidates, boolean machine) {
    List<String> paths = new ArrayList<>();
    for (Discovery.Candidate c : candidates) {
      if (isWork(c)) {
        paths.add(c.relative());
      }
    }
    List<Diagnostic> unused = new ArrayList<>(bulkSettings.unused(paths));
    // SET-W001 is ignorable (codes lists it so): --ignore SET-W001 silences it.
    unused.removeIf(settings.options().ignored()::ignores);
    saidBefore.addAll(unused);
    if (machine) {
      unused.forEach(machineOut::write);
      machineOut.flush();
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

  /**
   * How long the reporting thread sleeps when no outcome is waiting. Tasks do not wake it for each
   * outcome: a wake-up per template (a lock, a signal and a context switch) was about 3% of a bulk
   * run's CPU; the last outcome does wake it, so a run ends without this delay.
   */
  private static final long REPORT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  /** Converts on the pool; reports each outcome once all before it are reported. */
  private void convertAll(
      List<Discovery.Candidate> candidates, OutputFolders folders, OutputManifest manifest) {
    // The files the run reads, which no output may replace (an output folder above an input folder
    // can mirror a file onto one: -r a/x -o a, with a/x/x/t.json), as given and as the file system
    // resolves them (the same file reached through a symbolic link to a folder: -r l/x -o a, with
    // l a link to a). The walk follows no link to a folder, so a file's real path is its root's
    // followed by its path in the root.
    Set<Path> inputFiles = new HashSet<>();
    Map<Path, Optional<Path>> realRoots = new HashMap<>();
    for (Discovery.Candidate c : candidates) {
      if (c.shape() != Discovery.Shape.HCL2_FOLDER
          && c.shape() != Discovery.Shape.BROKEN_HCL2_FOLDER
          && c.shape() != Discovery.Shape.MISSING) {
        inputFiles.add(c.path());
        Path folder = c.root().folder();
        realRoots
            .computeIfAbsent(folder, BulkRun::realPath)
            .ifPresent(real -> inputFiles.add(real.resolve(folder.relativize(c.path()))));
      }
    }
    BulkTask task =
        new BulkTask(
            engine,
            settings.options(),
            settings.output(),
            folders,
            settings.display(),
            files,
            check,
            uploads,
            inputFiles,
            manifest);
    ConcurrentLinkedQueue<BulkOutcome> finished = new ConcurrentLinkedQueue<>();
    AtomicInteger outstanding = new AtomicInteger(candidates.size());
    Thread reporter = Thread.currentThread();
    ExecutorService pool = Executors.newFixedThreadPool(settings.jobs(), daemonThreads());
    try {
      for (Discovery.Candidate c : candidates) {
        pool.execute(
            () -> {
              BulkOutcome o = runGuarded(task, c);
              // The JVM runs its shutdown hooks in no set order: when the writes were abandoned
              // before this run's hook set stopping, a write this template lost to the stop is
              // not a failure of its own (CLI-E002) to report.
              if (!stopping && !PendingWrites.PROCESS.abandoned()) {
                if (isWork(c)) {
                  finishedCount.incrementAndGet();
                  finishedInputs.addAndGet(o.status() == BulkOutcome.Status.SKIPPED ? 0 : 1);
                  finishedTemplates.addAndGet(o.templates());
                }
                finished.add(o);
                if (outstanding.decrementAndGet() == 0) {
                  LockSupport.unpark(reporter);
                }
              }
            });
      }
      Map<Integer, BulkOutcome> waiting = new HashMap<>();
      int next = 0;
      int done = 0;
      while (next < candidates.size()) {
        BulkOutcome o = finished.poll();
        if (o == null) {
          LockSupport.parkNanos(REPORT_INTERVAL_NANOS);
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
        }
        for (; o != null; o = finished.poll()) {
          waiting.put(o.index(), o);
          done += isWork(candidates.get(o.index())) ? 1 : 0;
        }
        printing.lock();
        try {
          if (stopping) {
            return;
          }
          while (waiting.containsKey(next)) {
            report(waiting.remove(next), candidates.get(next));
            next++;
          }
          progress.update(done, System.nanoTime());
        } finally {
          printing.unlock();
        }
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

  /**
   * The earlier outputs that a failed candidate would have written: a document's files named after
   * its stem in its output folder, an HCL2 folder's files directly in its output folder (its
   * templates' names are known only from a conversion), also when one of its files was not read
   * (its subfolders were searched: they are candidates of their own). Of what could not be read at
   * all (a folder that cannot be listed, an entry of unknown kind), everything below the folder it
   * mirrors to, whatever was in it; and, unless it is a folder, the files beside it (a file's
   * outputs, named after a name not known).
   */
  private Map<String, Leftovers.Cause> outputsOfFailed(
      List<Discovery.Candidate> candidates, List<String> earlier) {
    // Of a file two failed candidates claim, the first in discovery order says why.
    Map<String, Leftovers.Cause> keep = new HashMap<>();
    for (Map.Entry<Integer, Leftovers.Cause> failure : failures.entrySet()) {
      Discovery.Candidate c = candidates.get(failure.getKey());
      Leftovers.Cause cause = failure.getValue();
      String own = c.outputFolder();
      String folder = own.isEmpty() ? "" : own + "/";
      if (c.shape() == Discovery.Shape.MISSING) {
        boolean isFolder = Files.isDirectory(c.path(), LinkOption.NOFOLLOW_LINKS);
        int slash = own.lastIndexOf('/');
        String beside = isFolder || own.isEmpty() ? null : slash < 0 ? "" : own.substring(0, slash);
        for (String relative : earlier) {
          if (relative.startsWith(folder) || (beside != null && directlyIn(relative, beside))) {
            keep.putIfAbsent(relative, cause);
          }
        }
        continue;
      }
      boolean document = c.shape() == Discovery.Shape.DOCUMENT;
      for (String relative : earlier) {
        if (directlyIn(relative, own)
            && (!document || relative.startsWith(folder + c.stem() + "."))) {
          keep.putIfAbsent(relative, cause);
        }
      }
    }
    return keep;
  }

  /** Whether {@code relative} is a file directly in {@code folder} ("" for the top). */
  private static boolean directlyIn(String relative, String folder) {
    int start = folder.isEmpty() ? 0 : folder.length() + 1;
    return (folder.isEmpty() || relative.startsWith(folder + "/"))
        && relative.indexOf('/', start) < 0;
  }

  private void report(BulkOutcome o, Discovery.Candidate c) {
    summary.add(o);
    skippedIncludes.add(c, o);
    if (o.status() == BulkOutcome.Status.FAILED) {
      failures.put(o.index(), Leftovers.Cause.of(c, o));
    }
    anyPacker |= o.kind().packer();
    if (firstAib == null && o.kind().aib()) {
      firstAib = o.relative();
    }
    internalError |= o.internalError();
    if (!o.text().isEmpty()) {
      progress.clear();
      err.print(o.text());
      err.flush();
      progress.redraw(System.nanoTime());
    }
    if (machineOut != null && !o.shown().isEmpty()) {
      o.shown().forEach(machineOut::write);
      machineOut.flush();
    }
    if (o.status() == BulkOutcome.Status.SKIPPED && c.root().onlyFile().isPresent()) {
      // A file named on the command line that is no template: said where it is seen, not only
      // in the report (a run of one file that converts nothing, exit 0, looks like a success).
      Diagnostic d =
          CliCode.INPUT_NOT_A_TEMPLATE.diagnostic(
              c.root().argument()
                  + ", given as an input, was skipped: "
                  + o.skipReason()
                  + "; nothing was "
                  + (settings.output() == null ? "checked" : "converted")
                  + " from it.");
      saidBefore.add(d); // the report's too, quiet or not
      if (settings.display().quiet()) {
        // Said in the report only.
      } else if (machineOut != null) {
        machineOut.write(d);
        machineOut.flush();
      } else {
        progress.clear();
        err.print(CliCode.INPUT_NOT_A_TEMPLATE.textLine(d.detail()) + "\n");
        err.flush();
        progress.redraw(System.nanoTime());
      }
    }
    if (spool != null) {
      spool.add(o);
    }
  }

  /**
   * The image templates in the output folder that this run did not write ({@link EarlierOutputs});
   * none when the run converts only part of its roots or the folder cannot be looked through.
   */
  private List<String> earlierOutputs(List<Discovery.Root> roots, OutputFolders folders) {
    // A run over part of its roots (filters, or a file given as a root, which converts that file
    // alone) leaves the outputs of the rest alone: they are not leftovers.
    if (settings.discovery().filters()) {
      return List.of();
    }
    // So does a run with a root it could not read (a typo, the wrong working folder): it converted
    // none of that root, and --prune would delete all its outputs.
    if (!unreadRoots.isEmpty()) {
      return List.of();
    }
    List<Path> skipped = new ArrayList<>();
    for (Discovery.Root root : roots) {
      if (root.onlyFile().isPresent()) {
        return List.of();
      }
      skipped.add(root.folder());
    }
    if (settings.report() != null) {
      skipped.add(settings.report().target());
    }
    try {
      return EarlierOutputs.find(settings.output(), folders.written().keySet(), folders, skipped);
    } catch (IOException | RuntimeException e) {
      // Naming leftovers is a service on top of a finished run; it must never fail one.
      return List.of();
    }
  }

  /**
   * The output folder's {@link OutputManifest} after the run: this run's outputs, and the entries
   * of the one before whose files are still there (outputs of templates this run left out, or
   * leftovers it kept). Empty when there is nothing to list and there was no manifest: none is
   * written then.
   */
  private Optional<OutputManifest> manifestAfter(
      OutputFolders folders, OutputManifest before, List<String> prunedPaths) {
    Path out = settings.output();
    Map<String, OutputManifest.Entry> entries = new HashMap<>(folders.written());
    Set<String> pruned = new HashSet<>(prunedPaths);
    for (Map.Entry<String, OutputManifest.Entry> e : before.entries().entrySet()) {
      if (!entries.containsKey(e.getKey())
          && !pruned.contains(e.getKey())
          && Files.isRegularFile(out.resolve(e.getKey()), LinkOption.NOFOLLOW_LINKS)) {
        entries.put(e.getKey(), e.getValue());
      }
    }
    Path file = out.resolve(OutputManifest.FILE_NAME);
    if (entries.isEmpty() && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(OutputManifest.of(entries));
  }

  /**
   * With --check: what the run would do to the output folder's list of outputs, which is part of
   * what it writes (a folder whose list is missing or stale passed the check, and --prune then had
   * nothing to go by); a list that cannot be read is a problem of its own.
   */
  private void checkManifest(OutputFolders folders, OutputManifest before, List<String> pruned) {
    Path out = settings.output();
    Optional<String> damage = before.damage();
    if (damage.isPresent()) {
      check.unreadableList(damage.get());
      return;
    }
    Optional<OutputManifest> after = manifestAfter(folders, before, pruned);
    if (after.isEmpty()) {
      return;
    }
    try {
      byte[] bytes = after.get().text().getBytes(StandardCharsets.UTF_8);
      OutputCheck.changeOf(out.resolve(OutputManifest.FILE_NAME), bytes).ifPresent(check::list);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // written to a string: no I/O
    }
  }

  /**
   * Writes the output folder's {@link OutputManifest} ({@link #manifestAfter}); not over one that
   * cannot be read, whose entries would be lost. Returns what went wrong, or null: the outputs are
   * written all the same, so it is a warning.
   */
  private String writeManifest(OutputFolders folders, OutputManifest before, Leftovers leftovers) {
    Path out = settings.output();
    Path file = out.resolve(OutputManifest.FILE_NAME);
    Optional<String> damage = before.damage();
    if (damage.isPresent()) {
      return damagedManifest(file, damage.get());
    }
    Optional<OutputManifest> after = manifestAfter(folders, before, leftovers.pruned());
    if (after.isEmpty()) {
      return null;
    }
    try {
      after.get().write(out);
      return null;
    } catch (IOException e) {
      return "cannot write "
          + file
          + ": "
          + InputReader.reason(e)
          + " (--prune will not delete the outputs of this run in a later one)";
    }
  }

  /**
   * CLI-W002 for a list of outputs that cannot be read (say a merge conflict in it): it was
   * replaced by a list without its entries, and the warning then said the list did not hold them.
   */
  private static String damagedManifest(Path file, String damage) {
    return "cannot read "
        + file
        + " ("
        + damage
        + "), so it is left as it is and --prune deletes nothing: resolve it (after a merge"
        + " conflict, keep the entries of both sides) or delete it (a new list then holds none"
        + " of the outputs of earlier runs, which are named, never deleted)";
  }

  /**
   * The report's diagnostics about the run as a whole, in the order stderr's text says them: those
   * said before the end, then CLI-W004, the filter warnings and CLI-W002. The earlier and pruned
   * outputs (CLI-W001, CLI-N002) and the shared upload addresses (CLI-W003) are left out: the
   * report has a list of each of its own.
   */
  private List<Diagnostic> runDiagnostics(String manifestProblem) {
    List<Diagnostic> run = new ArrayList<>(saidBefore);
    if (packerOptionsUnused()) {
      run.add(
          CliCode.PACKER_OPTIONS_UNUSED.diagnostic(
              PackerOnlyOptions.detail(settings.packerOptionsGiven(), firstAib)));
    }
    run.addAll(filterWarnings);
    if (manifestProblem != null) {
      run.add(CliCode.MANIFEST_UNWRITTEN.diagnostic(manifestProblem));
    }
    return run;
  }

  private boolean writeReport(
      boolean machine, Leftovers leftovers, OutputFolders folders, String manifestProblem) {
    ReportFile file = settings.report();
    try {
      String output = outputAt(file.target(), folders);
      if (output != null) {
        // Found only now: the output did not exist when the options were checked.
        throw new IOException("it would replace the output " + output + " of this run");
      }
      List<Diagnostic> run = runDiagnostics(manifestProblem);
      file.write(out -> BulkReport.write(spool, summary, leftovers, uploads.conflicts(), run, out));
      return true;
    } catch (IOException e) {
      String reason = InputReader.reason(e);
      if (machine) {
        machineOut.write(
            CliCode.UNWRITABLE_OUTPUT.diagnostic(
                "The report file " + file.target() + " could not be written: " + reason + "."));
      } else {
        err.print(
            CliCode.UNWRITABLE_OUTPUT.textLine(
                    "cannot write report " + file.target() + ": " + reason)
                + "\n");
        err.flush();
      }
      return false;
    }
  }

  /** The output of this run that {@code target} names (relative to OUT), or null. */
  private String outputAt(Path target, OutputFolders folders) {
    if (settings.output() == null) {
      return null; // validate -r writes no output
    }
    Path top = settings.output().toAbsolutePath().normalize();
    Path t = target.toAbsolutePath().normalize();
    if (!t.startsWith(top)) {
      return null;
    }
    String relative = FileSystemView.slashes(top.relativize(t).toString());
    return folders.written().containsKey(relative) ? relative : null;
  }

  /**
   * "3 inputs, 9 templates in 0.4 s (7.5 inputs/s)": the rate is of inputs, what the run works
   * through (as the progress line counts).
   */
  private String closingLine(long nanos) {
    double seconds = nanos / 1e9;
    int inputs = summary.inputs();
    return String.format(
        Locale.ROOT,
        "%s in %.1f s (%.1f inputs/s)",
        BulkSummary.totals(inputs, summary.templates()),
        seconds,
        seconds > 0 ? inputs / seconds : 0.0);
  }

  private static Optional<Path> realPath(Path folder) {
    try {
      return Optional.of(folder.toRealPath());
    } catch (IOException e) {
      return Optional.empty();
    }
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
