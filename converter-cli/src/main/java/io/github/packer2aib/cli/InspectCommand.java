package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.Binding.bind;

import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.packer.EnvironmentCredentials;
import io.github.packer2aib.core.packer.json.PackerModelJson;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.source.SourceFile;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code packer2aib inspect}: reads a Packer HCL2 template (a file or a folder) with its variable
 * values, and prints the evaluated Packer model as JSON on stdout: what the converter will work
 * from. Sensitive values print as {@code "<sensitive>"}, values known only when Packer runs as
 * {@code "<unknown>"}. Diagnostics go to stderr as for {@code validate}.
 */
final class InspectCommand implements Callable<Integer> {

  private final Packer2AibCommand parent;
  private CommandSpec spec;

  private String input;
  private final PackerInputOptions packerInput = new PackerInputOptions();
  boolean strict;
  List<String> ignore = new ArrayList<>();
  boolean quiet;
  private DiagnosticsFormat diagnosticsFormat = DiagnosticsFormat.TEXT;

  private InspectCommand(Packer2AibCommand parent) {
    this.parent = parent;
  }

  /** The model of {@code inspect}, bound to a new command that runs under {@code parent}. */
  static CommandSpec spec(Packer2AibCommand parent) {
    InspectCommand command = new InspectCommand(parent);
    CommandSpec spec = Packer2AibCommand.subcommand(command, "inspect");
    command.spec = spec;
    // --help lists the options in the order they are added below.
    spec.usageMessage()
        .sortOptions(false)
        .description(
            "Prints the evaluated Packer model of a template as JSON.",
            "",
            "Reads a .pkr.hcl or .pkr.json file, or a folder of them (with its *.auto.pkrvars.hcl"
                + " and *.auto.pkrvars.json files), or a legacy JSON template (also written as"
                + " YAML), evaluates variables, locals, sources and builds as Packer does, and"
                + " prints the result on standard output. Diagnostics go to standard error;"
                + " nothing is printed on standard output for a template with errors.",
            "")
        .footerHeading("%nExamples:%n")
        .footer(
            "  packer2aib inspect template.pkr.hcl",
            "  packer2aib inspect --var image_sku=22_04-lts legacy-template.json",
            "  packer2aib inspect --var location=westeurope --var-file prod.pkrvars.hcl"
                + " images/ubuntu/");
    // Kept as typed; the type Path only tells the completion script to offer file names.
    spec.addPositional(
        bind(
                PositionalParamSpec.builder()
                    .index("0")
                    .paramLabel("INPUT")
                    .arity("1")
                    .required(true)
                    .type(String.class)
                    .auxiliaryTypes(Path.class)
                    .converters(new InputOptions.Verbatim())
                    .description(
                        "A Packer template: an HCL2 file (.pkr.hcl, .pkr.json) or a folder of"
                            + " them, or a legacy JSON (or YAML) template."),
                () -> command.input,
                v -> command.input = v)
            .build());
    command.packerInput.addTo(spec);
    spec.addOption(
        bind(
                OptionSpec.builder("--strict")
                    .type(boolean.class)
                    .description(
                        "Treat warnings as errors: a template with warnings fails (exit 1)."),
                () -> command.strict,
                v -> command.strict = v)
            .build());
    spec.addOption(
        bind(OptionTypes.ignoreWithoutReport(), () -> command.ignore, v -> command.ignore = v)
            .build());
    spec.addOption(bind(OptionTypes.quiet(), () -> command.quiet, v -> command.quiet = v).build());
    spec.addOption(
        bind(
                OptionTypes.diagnosticsFormat(
                    "How diagnostics are printed on stderr: ${COMPLETION-CANDIDATES}."
                        + " Default: text."),
                () -> command.diagnosticsFormat,
                v -> command.diagnosticsFormat = v)
            .build());
    StandardOptions.addTo(spec);
    return spec;
  }

  @Override
  public Integer call() {
    Map<String, String> env = parent.environment();
    Path cwd = Path.of("").toAbsolutePath();
    // What a template needs is what inspect is for: an unset variable is shown, not an error.
    PackerOptions options = packerInput.toOptions(spec, env, cwd).withUnsetVariablesAllowed();
    IgnoredCodes ignored = IgnoredCodes.of(ignore);
    Report report =
        new Report(spec.commandLine().getErr(), diagnosticsFormat, quiet, strict, ignored);
    String shown = Assignments.shownAsInput(input);
    if (!shown.equals(input)) {
      // pw=… given without --var: an error about it would echo the value.
      String reason = Assignments.notAFile(input);
      report.cli(
          CliCode.UNREADABLE_INPUT,
          "cannot read " + shown + ": " + reason,
          "The input " + shown + " could not be read: " + reason + ".",
          shown);
      report.finish("inspected 1 input", 1);
      return ExitCodes.INPUT_ERROR;
    }
    if (InputReader.STDIN.equals(input)) {
      // Only validate and convert read standard input (as an image template); "-" is no file here.
      throw new ParameterException(
          spec.commandLine(),
          "inspect does not read standard input: give the path of a template file or folder"
              + " (./- for a file named -)");
    }
    LoadResult result;
    try {
      LocalFiles files = new LocalFiles(cwd, null, LocalFiles.foldersOf(List.of(input)));
      PackerInput packer;
      if (PackerRouting.isHcl2(input, files)) {
        packer = new PackerInput(Path.of(input), input);
      } else {
        // Read as validate and convert read it, so that a file they cannot read is reported in
        // the same words and code (CLI-E001), and the same 64 MiB limit holds.
        Input read = InputReader.readNamed(Path.of(input), input);
        if (read instanceof Input.Unreadable u) {
          Inputs.reportUnreadable(report, u);
          report.finish("inspected 1 input", 1);
          return ExitCodes.INPUT_ERROR;
        }
        SourceFile source = ((Input.Loaded) read).source();
        packer =
            new PackerInput(
                Path.of(input),
                input,
                Optional.of(new PackerInput.Document(source, DocReader.read(source))));
      }
      result = PackerTemplates.load(packer, options, files);
    } catch (InvalidPathException e) {
      String reason = PathSpelling.whyInvalid(input);
      report.cli(
          CliCode.UNREADABLE_INPUT,
          "cannot read " + input + ": " + reason,
          "The input " + input + " could not be read: " + reason + ".",
          input);
      report.finish("inspected 1 input", 1);
      return ExitCodes.INPUT_ERROR;
    } catch (StackOverflowError e) {
      throw new IllegalStateException("stack overflow while processing " + input, e);
    }
    for (SourceFile f : result.sources()) {
      report.file(f);
    }
    report.diagnostics(input, result.diagnostics());
    boolean failed = result.template().isEmpty() || ignored.fails(result.diagnostics(), strict);
    if (!failed) {
      String json;
      try {
        json =
            PackerModelJson.toJson(
                result.template().get(), EnvironmentCredentials.texts(options.environment()));
      } catch (PackerModelJson.TooLarge e) {
        // Deeply nested values, indented: a few kilobytes of locals can print gigabytes.
        String limit = PackerModelJson.MAX_OUTPUT / (1024 * 1024) + " MiB";
        report.cli(
            CliCode.UNWRITABLE_OUTPUT,
            "cannot write the model of " + input + ": larger than " + limit,
            "The model of "
                + input
                + " would be larger than "
                + limit
                + " of JSON: its values are nested deeply or are very long. Nothing was printed.",
            input);
        json = null;
        failed = true;
      }
      if (json != null) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(json);
        out.flush();
      }
    }
    report.finish("inspected 1 input", failed ? 1 : 0);
    return failed ? ExitCodes.INPUT_ERROR : ExitCodes.OK;
  }
}
