package io.github.packer2aib.core.diag;

/**
 * A stable diagnostic code with its summary (a terse title in sentence case, as HCL writes them)
 * and default severity. Each stage keeps its wording in one enum implementing this interface, so all
 * messages of a stage are reviewed in one file.
 */
public interface DiagnosticCode {
  /** Stable identifier such as {@code AIB-E101}; never reused for another meaning. */
  String id();

  String summary();

  Severity severity();
}
