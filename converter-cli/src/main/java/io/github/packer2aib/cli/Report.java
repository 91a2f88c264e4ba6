package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.diag.ValueMask;
import io.github.packer2aib.core.source.SourceFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run says on stderr. In text mode diagnostics print as they are reported, through the
 * core's {@link TextRenderer} (which scrubs secrets), followed by a one-line summary; in JSON and
 * SARIF mode they are collected and printed at the end as one document ({@link
 * DiagnosticsFormat#render}), with nothing else on stderr. {@code --quiet} keeps only what makes an
 * input fail: errors, and warnings under {@code --strict}. {@code --ignore}d codes are neither
 * printed nor counted as errors or warnings; the summary line says how many there were. Other
 * counts include everything.
 */
final class Report {
  private final PrintWriter err;
  private final DiagnosticsFormat format;
  private final boolean quiet;
  private final boolean strict;
  private final IgnoredCodes ignoredCodes;
  private final Map<String, SourceFile> files = new HashMap<>();
  private final List<Diagnostic> collected = new ArrayList<>();

  /**
   * What was said about the run as a whole rather than one input, quiet or not, in the order said:
   * the {@code --report} records it (it held only the inputs' diagnostics, and a run whose only
   * warning was CLI-W004 had a report with none).
   */
  private final List<Diagnostic> run = new ArrayList<>();

  private TextRenderer textRenderer;
  private int errors;
  private int warnings;
  private int ignored;

  Report(
      PrintWriter err,
      DiagnosticsFormat format,
      boolean quiet,
      boolean strict,
      IgnoredCodes ignoredCodes) {
    this.err = err;
    this.format = format;
    this.quiet = quiet;
    this.strict = strict;
    this.ignoredCodes = ignoredCodes;
  }

  /** Makes a file's lines available to the text renderer's source snippets. */
  void file(SourceFile source) {
    register(files, source);
  }

  /**
   * Adds a file to a lookup by name. The first file of a name stays, unless a later one masks
   * values ({@link ValueMask#needed}). Within one result, {@code ConversionResult.quotedFiles}
   * already puts the core's copy of a file in place of the text the CLI read; across the inputs of
   * a run, a file that two templates read (a shared var file) is masked by one result and not by
   * the other, so the masked copy must win whichever comes first.
   */
  static void register(Map<String, SourceFile> files, SourceFile source) {
    files.merge(
        source.name(),
        source,
        (old, added) -> ValueMask.needed(added) && !ValueMask.needed(old) ? added : old);
  }

  /**
   * Reports the core's diagnostics for the input {@code input} (as the run names it), in the order
   * the core gives them; each is said to be about that input ({@link Diagnostic#about}), so that
   * one without a location still names it.
   */
  void diagnostics(String input, List<Diagnostic> diagnostics) {
    for (Diagnostic given : diagnostics) {
      Diagnostic d = given.about(input);
      if (ignoredCodes.ignores(d)) {
        ignored++;
        continue;
      }
      count(d.severity());
      if (!shown(d.severity())) {
        continue;
      }
      if (format.machine()) {
        collected.add(d);
      } else {
        err.print(text().render(d));
      }
    }
  }

  /**
   * Reports a problem of the CLI itself. Text mode prints {@code <severity>: <line>}; JSON mode
   * adds a diagnostic with the code and the sentence {@code detail}.
   */
  void cli(CliCode code, String line, String detail) {
    cli(code, line, detail, null);
  }

  /**
   * {@link #cli(CliCode, String, String)} about the input {@code input} (the JSON and SARIF
   * diagnostic names it), or about the run as a whole when null.
   */
  void cli(CliCode code, String line, String detail, String input) {
    count(code.severity());
    if (input == null) {
      run.add(code.diagnostic(detail));
    }
    if (!shown(code.severity())) {
      return;
    }
    if (format.machine()) {
      collected.add(code.diagnostic(detail).about(input));
    } else {
      err.print(code.textLine(line) + "\n");
    }
  }

  /**
   * The outcome of {@code convert --check}: each file that is not up to date is an error; that all
   * are is said unless quiet.
   */
  void check(OutputCheck check, Path out, int failed) {
    List<Diagnostic> stale = check.diagnostics(out);
    errors += stale.size();
    if (format.machine()) {
      collected.addAll(stale);
    } else if (!quiet) {
      err.print("\n" + check.text(out, failed, "input"));
    } else if (!stale.isEmpty()) {
      err.print(check.text(out, failed, "input"));
    }
  }

  /**
   * Upload addresses that the templates of several inputs give to different files (CLI-W003): a
   * warning about the run as a whole, not about one input, so it fails none, even under {@code
   * --strict}; printed unless quiet, as a bulk run prints it under its table.
   */
  void sharedUploads(SharedUploads uploads) {
    List<Diagnostic> found = uploads.diagnostics();
    warnings += found.size();
    run.addAll(found);
    if (quiet || found.isEmpty()) {
      return;
    }
    if (format.machine()) {
      collected.addAll(found);
    } else {
      err.print(uploads.text());
    }
  }

  /** The diagnostics about the run as a whole so far, in the order reported. */
  List<Diagnostic> runDiagnostics() {
    return List.copyOf(run);
  }

  /** The codes of {@code --ignore}, which a report marks. */
  IgnoredCodes ignoredCodes() {
    return ignoredCodes;
  }

  /** Whether diagnostics go out as one JSON or SARIF document at the end. */
  boolean machine() {
    return format.machine();
  }

  int errors() {
    return errors;
  }

  int warnings() {
    return warnings;
  }

  /**
   * Ends the run: the JSON array, or the summary line ({@code head} followed by the failures and
   * counts). Flushes stderr.
   */
  void finish(String head, int failedInputs) {
    if (format.machine()) {
      err.print(format.render(collected));
    } else if (!quiet) {
      StringBuilder line = new StringBuilder(head);
      if (failedInputs > 0) {
        line.append("; ").append(plural(failedInputs, "input")).append(" failed");
      }
      if (errors > 0) {
        line.append("; ").append(plural(errors, "error"));
      }
      if (warnings > 0) {
        line.append("; ").append(plural(warnings, "warning"));
      }
      if (ignored > 0) {
        line.append("; ").append(ignored).append(" ignored (--ignore)");
      }
      err.print(line + "\n");
    }
    err.flush();
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private void count(Severity severity) {
    if (severity == Severity.ERROR) {
      errors++;
    } else if (severity == Severity.WARNING) {
      warnings++;
    }
  }

  private boolean shown(Severity severity) {
    if (!quiet) {
      return true;
    }
    return severity == Severity.ERROR || (strict && severity == Severity.WARNING);
  }

  private TextRenderer text() {
    if (textRenderer == null) {
      textRenderer = new TextRenderer(name -> Optional.ofNullable(files.get(name)));
    }
    return textRenderer;
  }
}
