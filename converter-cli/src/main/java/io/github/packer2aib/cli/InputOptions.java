package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.Binding.bind;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The inputs and diagnostic options that {@code convert} and {@code validate} share ({@code
 * --api-version} is declared by each command, as it means something different in each).
 */
final class InputOptions {

  /** Kept as the strings the user typed (they name the inputs in messages). */
  List<String> inputs = new ArrayList<>();

  boolean strict;
  List<String> ignore = new ArrayList<>();
  boolean quiet;
  DiagnosticsFormat diagnosticsFormat = DiagnosticsFormat.TEXT;
  String stdinName = InputReader.DEFAULT_STDIN_NAME;

  /** The codes of {@code --ignore}. */
  IgnoredCodes ignored() {
    return IgnoredCodes.of(ignore);
  }

  /** What a run says on stderr, as these options ask. */
  Report report(PrintWriter err) {
    return new Report(err, diagnosticsFormat, quiet, strict, ignored());
  }

  /**
   * Adds the INPUT parameters and the diagnostic options, bound to this object, to {@code spec}.
   */
  void addTo(CommandSpec spec) {
    // The element type Path only tells the completion script to offer file names.
    spec.addPositional(
        bind(
                PositionalParamSpec.builder()
                    .index("0..*")
                    .paramLabel("INPUT")
                    .arity("1..*")
                    .required(true)
                    .type(List.class)
                    .auxiliaryTypes(Path.class)
                    .converters(new Verbatim())
                    .description(
                        "Templates to read: Packer templates (HCL2 folders and *.pkr.hcl or"
                            + " *.pkr.json files, legacy JSON or YAML files) and AIB"
                            + " templates in JSON (a resource, an ARM deployment template or a"
                            + " REST body) or YAML. '-' reads an AIB template from standard input"
                            + " (at most once). With -r: folders to search (a file given is"
                            + " taken alone)."),
                () -> inputs,
                v -> inputs = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--strict")
                    .type(boolean.class)
                    .description(
                        "Treat warnings as errors: an input with warnings fails (exit 1)."),
                () -> strict,
                v -> strict = v)
            .build());
    spec.addOption(bind(OptionTypes.ignore(), () -> ignore, v -> ignore = v).build());
    spec.addOption(bind(OptionTypes.quiet(), () -> quiet, v -> quiet = v).build());
    spec.addOption(
        bind(
                OptionTypes.diagnosticsFormat(
                    "How diagnostics are printed on stderr: ${COMPLETION-CANDIDATES} "
                        + "(json: one JSON array for the whole run; sarif: one SARIF 2.1.0 log, for"
                        + " code-scanning services). Default: text."),
                () -> diagnosticsFormat,
                v -> diagnosticsFormat = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--stdin-name")
                    .paramLabel("NAME")
                    .type(String.class)
                    .description("Name for standard input ('-') in diagnostics. Default: <stdin>."),
                () -> stdinName,
                v -> stdinName = v)
            .build());
  }

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
