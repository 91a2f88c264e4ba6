package io.github.packer2aib.cli;

import io.github.packer2aib.core.source.SourceFile;

/** Reporting shared by the commands that read inputs. */
final class Inputs {
  private Inputs() {}

  static void reportUnreadable(Report report, Input.Unreadable u) {
    report.cli(
        CliCode.UNREADABLE_INPUT,
        "cannot read " + u.displayName() + ": " + u.reason(),
        "The input " + u.displayName() + " could not be read: " + u.reason() + ".",
        u.displayName());
  }

  /**
   * Bad input must never crash the core; a stack overflow (say, on absurdly deep nesting) is a bug
   * to report, so it becomes an internal error that names the input.
   */
  static IllegalStateException stackOverflow(SourceFile source, StackOverflowError e) {
    return new IllegalStateException("stack overflow while processing " + source.name(), e);
  }
}
