package io.github.packer2aib.core.report;

import java.util.List;

/**
 * Everything one conversion run decided, input by input in the order given: the data behind {@code
 * convert --report}. Rendering is separate ({@link ReportMarkdown}, {@link ReportJson}); the report
 * holds no clock or machine state, so the same run gives the same bytes.
 */
public record ConversionReport(List<InputReport> inputs) {
  public ConversionReport {
    inputs = List.copyOf(inputs);
  }

  /** How many inputs have the given verdict. */
  public int count(Verdict verdict) {
    return (int) inputs.stream().filter(i -> i.verdict() == verdict).count();
  }
}
