package io.github.packer2aib.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
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

  /**
   * Stopped by Ctrl-C (SIGINT): the JVM exits with 128 + the signal's number once the shutdown
   * hooks have run (the files already written are whole, no temporary file is left).
   */
  static final int INTERRUPTED = 130;

  /** Stopped by SIGTERM, as {@link #INTERRUPTED}. */
  static final int TERMINATED = 143;

  static final String HELP_HEADING = "%nExit codes:%n";

  /**
   * The exit code table of {@code --help} for the top command and the commands that read inputs
   * (convert, validate, inspect), in order (set on each command by {@link Main}). It lists every
   * code a run can end with, the signals' too: CI scripts read it to tell a failed input from a
   * cancelled job.
   */
  static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    list.put(code(OK), "OK: every input converted or valid (warnings allowed).");
    list.put(
        code(INPUT_ERROR),
        "Input error: an input had errors, could not be read or written, or had warnings with"
            + " --strict.");
    list.put(
        code(USAGE),
        "Usage error: unknown option, bad option value, no input, or several results without -o.");
    list.put(code(INTERNAL), INTERNAL_TEXT);
    list.put(
        code(INTERRUPTED),
        "Interrupted by Ctrl-C (SIGINT): the files already written are whole, and no temporary"
            + " file is left.");
    list.put(code(TERMINATED), "Stopped by SIGTERM (as 130).");
    return list;
  }

  /**
   * The exit code table of {@code --help} for the commands that read no input (codes, completion,
   * help): they can fail only to write their standard output.
   */
  static Map<String, String> helpListWithoutInputs() {
    Map<String, String> list = new LinkedHashMap<>();
    list.put(code(OK), "OK.");
    list.put(code(INPUT_ERROR), "Standard output could not be written (a full disk).");
    list.put(code(USAGE), "Usage error: unknown option or bad argument.");
    list.put(code(INTERNAL), INTERNAL_TEXT);
    list.put(code(INTERRUPTED), "Interrupted by Ctrl-C (SIGINT).");
    list.put(code(TERMINATED), "Stopped by SIGTERM.");
    return list;
  }

  private static final String INTERNAL_TEXT =
      "Internal error: a bug in packer2aib; please report it with the input that caused it.";

  /** A code right-aligned in the table's key column. */
  private static String code(int code) {
    return String.format(Locale.ROOT, "%3d", code);
  }

  private ExitCodes() {}
}
