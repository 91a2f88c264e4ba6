package io.github.packer2aib.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inputs and diagnostic options that {@code convert} and {@code validate} share ({@code
 * --api-version} is declared by each command, as it means something different in each).
 */
final class InputOptions {

  /**
   * Kept as the strings the user typed (they name the inputs in messages); {@code type = Path} only
   * tells the completion script to offer file names.
   */
  @Parameters(
      paramLabel = "INPUT",
      arity = "1..*",
      type = Path.class,
      converter = Verbatim.class,
      description =
          "Template files to read: AIB templates in JSON (a resource, an ARM deployment template"
              + " or a REST body) or YAML. "
              + "'-' reads standard input (at most once). With convert -r: folders to search"
              + " (a file is converted alone).")
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
      paramLabel = "KIND",
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

  /** Passes an argument through unchanged. */
  static final class Verbatim implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return value;
    }
  }

  long stdinCount() {
    return inputs.stream().filter(InputReader.STDIN::equals).count();
  }
}
