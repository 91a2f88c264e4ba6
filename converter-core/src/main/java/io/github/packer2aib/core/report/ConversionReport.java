package io.github.packer2aib.core.report;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import java.util.List;

/**
 * Everything one conversion run decided, input by input in the order given: the data behind {@code
 * convert --report}, and behind {@code validate --report} ({@code checkOnly}: every input was
 * checked as validate checks it, and nothing was written). Rendering is separate ({@link
 * ReportMarkdown}, {@link ReportJson}); the report holds no clock or machine state, so the same run
 * gives the same bytes.
 *
 * <p>{@code runDiagnostics}: what the caller said about the run as a whole rather than about one
 * input (options that no input used, a filter that matched nothing, an upload address that two
 * inputs share), in the order it said them. A report without them left the reader with "0
 * templates" or "No diagnostics" and no reason, while the run's own summary counted them.
 */
public record ConversionReport(
    List<InputReport> inputs, boolean checkOnly, List<Diagnostic> runDiagnostics) {
  /**
   * What a Markdown report of a check says under its title: the verdicts and decisions are those of
   * validate's checks, of which nothing was written. An AIB template is checked in the version it
   * names, where {@code convert --api-version} would re-target it: there the verdicts may differ.
   */
  public static final String CHECK_ONLY_NOTE =
      "Written by `packer2aib validate`: each template was checked as `validate` checks it, and"
          + " nothing was written. A Packer template was converted as `convert` would convert it;"
          + " an AIB template was checked in the API version it names, not re-targeted to"
          + " `--api-version` as `convert --api-version` would.";

  public ConversionReport {
    inputs = List.copyOf(inputs);
    runDiagnostics = List.copyOf(runDiagnostics);
  }

  /** The report of a run that said nothing about itself as a whole. */
  public ConversionReport(List<InputReport> inputs, boolean checkOnly) {
    this(inputs, checkOnly, List.of());
  }

  /** The report of a conversion. */
  public ConversionReport(List<InputReport> inputs) {
    this(inputs, false);
  }

  /**
   * The warnings of the run, as a run's summary line counts them: the inputs' warnings whose codes
   * were not accepted ({@link Decision#ignored}), and the run's own.
   */
  public int warnings() {
    int n = 0;
    for (InputReport input : inputs) {
      for (Decision d : input.decisions()) {
        if (!d.ignored() && d.diagnostic().severity() == Severity.WARNING) {
          n++;
        }
      }
    }
    for (Diagnostic d : runDiagnostics) {
      if (d.severity() == Severity.WARNING) {
        n++;
      }
    }
    return n;
  }

  /** The inputs' decisions whose codes were accepted ({@code --ignore}), of any severity. */
  public int ignored() {
    int n = 0;
    for (InputReport input : inputs) {
      for (Decision d : input.decisions()) {
        n += d.ignored() ? 1 : 0;
      }
    }
    return n;
  }

  /** How many inputs have the given verdict. */
  public int count(Verdict verdict) {
    return (int) inputs.stream().filter(i -> i.verdict() == verdict).count();
  }
}
