package io.github.packer2aib.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process exit codes. They are part of the CLI contract (scripts branch on them), so they are
 * constants here and listed verbatim in {@code --help}.
 */
final class ExitCodes {
  /** Every input converted or valid; warnings are allowed. */
  static final int OK = 0;

  /**
   * An input had errors (or warnings with --strict), could not be read, or could not be written.
   */
  static final int INPUT_ERROR = 1;

  /** The command line was wrong; nothing was converted. */
  static final int USAGE = 2;

  /** A bug in packer2aib (EX_SOFTWARE from sysexits.h). */
  static final int INTERNAL = 70;

  static final String HELP_HEADING = "%nExit codes:%n";

  /** The exit code table of {@code --help}, in order (set on each command by {@link Main}). */
  static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    list.put(" 0", "OK: every input converted or valid (warnings allowed).");
    list.put(
        " 1",
        "Input error: an input had errors, could not be read or written, or had warnings with"
            + " --strict.");
    list.put(
        " 2",
        "Usage error: unknown option, bad option value, no input, or several results without -o.");
    list.put(
        "70",
        "Internal error: a bug in packer2aib; please report it with the input that caused it.");
    return list;
  }

  private ExitCodes() {}
}
