package io.github.packer2aib.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inputs and diagnostic options that {@code convert} and {@code validate} share ({@code
 * --api-version} is declared by each command, as it means something different in each).
 */
final class InputOptions {

  @Parameters(
      paramLabel = "INPUT",
      arity = "1..*",
      description =
          "Template files to read (Packer HCL2 .pkr.hcl, Packer JSON, AIB JSON, or YAML). "
              + "'-' reads standard input (at most once).")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--strict",
      description = "Treat warnings as errors: an input with warnings fails (exit 1).")
  boolean strict;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "Print only errors on stderr (and warnings with --strict): no notes, no summary.")
  boolean quiet;

  @Option(
      names = "--diagnostics-format",
      paramLabel = "FMT",
      converter = OptionTypes.DiagnosticsFormatConverter.class,
      completionCandidates = OptionTypes.DiagnosticsFormatCandidates.class,
      description =
          "How diagnostics are printed on stderr: ${COMPLETION-CANDIDATES} "
              + "(json: one JSON array for the whole run). Default: text.")
  DiagnosticsFormat diagnosticsFormat = DiagnosticsFormat.TEXT;

  @Option(
      names = "--stdin-name",
      paramLabel = "NAME",
      description = "Name for standard input ('-') in diagnostics. Default: <stdin>.")
  String stdinName = InputReader.DEFAULT_STDIN_NAME;

  long stdinCount() {
    return inputs.stream().filter(InputReader.STDIN::equals).count();
  }
}
