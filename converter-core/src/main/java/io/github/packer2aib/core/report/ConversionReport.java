package io.github.packer2aib.core.report;

import java.util.List;

/**
 * Everything one conversion run decided, input by input in the order given: the data behind {@code
 * convert --report}, and behind {@code validate --report} ({@code checkOnly}: every input was
 * checked as validate checks it, and nothing was written). Rendering is separate ({@link
 * ReportMarkdown}, {@link ReportJson}); the report holds no clock or machine state, so the same run
 * gives the same bytes.
 */
public record ConversionReport(List<InputReport> inputs, boolean checkOnly) {
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
  }

  /** The report of a conversion. */
  public ConversionReport(List<InputReport> inputs) {
    this(inputs, false);
  }

  /** How many inputs have the given verdict. */
  public int count(Verdict verdict) {
    return (int) inputs.stream().filter(i -> i.verdict() == verdict).count();
  }
}
