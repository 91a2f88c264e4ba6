package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.Binding.bind;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.ConvertOptions;
import io.github.packer2aib.core.ConvertedTemplate;
import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.source.SourceFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code packer2aib validate}: checks each input without writing anything (a Packer template by
 * converting it, an AIB template in the API version it names), and prints {@code <input>: ok} for
 * each input that passes. An input's verdict does not depend on the other inputs.
 */
final class ValidateCommand implements Callable<Integer> {

  private final Packer2AibCommand parent;
  private CommandSpec spec;

  private final InputOptions common = new InputOptions();
  private ApiVersion apiVersion;
  private String identity;
  private final PackerInputOptions packerInput = new PackerInputOptions();
  private final MappingOptions mapping = new MappingOptions();
  private PackerOnlyOptions packerOnly;
  private final RecursiveOptions recursive = new RecursiveOptions();
  private Path reportPath;

  private ValidateCommand(Packer2AibCommand parent) {
    this.parent = parent;
  }

  /** The model of {@code validate}, bound to a new command that runs under {@code parent}. */
  static CommandSpec spec(Packer2AibCommand parent) {
    ValidateCommand command = new ValidateCommand(parent);
    CommandSpec spec = Packer2AibCommand.subcommand(command, "validate");
    command.spec = spec;
    // --help lists the options in the order they are added below.
    spec.usageMessage()
        .sortOptions(false)
        .description(
            "Checks templates without writing output.",
            "",
            "Prints '<input>: ok' (or 'ok with N warnings') on standard output for each input"
                + " that passes, and the diagnostics on standard error.",
            "",
            "With -r, the INPUTs are folders: every template found under them (a folder of"
                + " *.pkr.hcl/*.pkr.json files, a legacy Packer JSON or YAML template, an AIB"
                + " template in JSON or YAML, recognised by content) is checked in parallel, with a"
                + " progress display and a summary at the end.",
            "")
        .footerHeading("%nExamples:%n")
        .footer(
            "  packer2aib validate template.json",
            "  packer2aib validate --strict --diagnostics-format json out/*.json",
            "  packer2aib validate -r --script-base-uri URI repo/",
            "  packer2aib validate -r --report plan.md repo/");
    command.common.addTo(spec);
    spec.addOption(
        bind(
                OptionTypes.apiVersionOption()
                    .description(
                        "AIB API version to check against when a template does not name a known"
                            + " version itself: ${COMPLETION-CANDIDATES}. Default: 2024-02-01."),
                () -> command.apiVersion,
                v -> command.apiVersion = v)
            .build());
    spec.addOption(
        bind(
                OptionTypes.identityOption()
                    .description(
                        "Resource id of a user-assigned managed identity to set as the template's"
                            + " identity, as convert sets it."),
                () -> command.identity,
                v -> command.identity = v)
            .build());
    command.packerOnly = PackerOnlyOptions.addTo(spec, command.packerInput, command.mapping);
    spec.addOption(
        ReportFile.option(
            "Also write a report of these checks in the form convert --report writes (every"
                + " verdict and decision, with its source location), though nothing else is"
                + " written: Markdown for .md or .markdown, JSON for .json. Written also when"
                + " inputs fail.",
            () -> command.reportPath,
            v -> command.reportPath = v));
    command.recursive.addTo(spec, RecursiveOptions.Command.VALIDATE);
    StandardOptions.addTo(spec);
    return spec;
  }

  @Override
  public Integer call() {
    if (common.stdinCount() > 1) {
      throw new ParameterException(
          spec.commandLine(), "standard input ('-') can be given only once");
    }
    ReportFile reportFile = ReportFile.forOption(spec, reportPath, true);
    if (!recursive.enabled) {
      recursive.checkNotRecursive(spec);
      RepeatedInputs.check(spec, common.inputs, "checked");
    } else {
      recursive.checkRecursive(spec, common);
      return validateRecursively(reportFile);
    }
    ConvertOptions options =
        new ConvertOptions(
            Optional.ofNullable(apiVersion), Optional.ofNullable(identity), OutputFormat.JSON);
    InputReader reader = new InputReader(parent.stdin(), common.stdinName);
    Report report = common.report(spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    Set<Integer> failed = new LinkedHashSet<>();
    SharedUploads uploads = new SharedUploads();
    // Every input is checked the same way whatever else is on the command line (other inputs,
    // --report): its verdict, codes and wording are its own. The checked templates are kept to
    // compare what they upload (CLI-W003).
    Path cwd = Path.of("").toAbsolutePath();
    LocalFiles files = new LocalFiles(cwd, null, LocalFiles.foldersOf(common.inputs));
    Preload.start(
        apiVersion != null ? apiVersion : ApiVersion.DEFAULT,
        PackerRouting.anyHcl2(common.inputs, files));
    boolean anyPacker = false;
    String firstAib = null;
    for (int index = 0; index < common.inputs.size(); index++) {
      String argument = common.inputs.get(index);
      ConversionResult result;
      String name;
      SourceFile[] readSources = {};
      if (PackerRouting.isHcl2(argument, files)) {
        anyPacker = true;
        result = validatePacker(new PackerInput(Path.of(argument), argument), files, cwd);
        name = argument;
      } else {
        Input input = reader.read(argument);
        if (input instanceof Input.Unreadable u) {
          Inputs.reportUnreadable(report, u);
          if (reportFile != null) {
            reportFile.input(u.displayName(), List.of());
            reportFile.problem(
                index,
                CliCode.UNREADABLE_INPUT,
                "The input " + u.displayName() + " could not be read: " + u.reason() + ".");
          }
          failed.add(index);
          continue;
        }
        SourceFile source = ((Input.Loaded) input).source();
        name = source.name();
        PackerRouting.ByContent read = PackerRouting.byContent(argument, source);
        anyPacker |= read.packer();
        if (!read.packer() && firstAib == null) {
          firstAib = name;
        }
        result =
            read.packer()
                ? validatePacker(
                    new PackerInput(Path.of(argument), argument, read.packerDocument()), files, cwd)
                : validate(read, options);
        // read.source(), which may be a masked copy of source (see PackerRouting.byContent).
        readSources = new SourceFile[] {read.source()};
      }
      if (reportFile != null) {
        reportFile.input(name, result.diagnostics());
      }
      // The result's copies of files in place of the text read (as any user of the library).
      result.quotedFiles(readSources).forEach(report::file);
      report.diagnostics(name, result.diagnostics());
      if (common.ignored().fails(result.diagnostics(), common.strict)) {
        failed.add(index);
        continue;
      }
      for (ConvertedTemplate t : result.templates()) {
        uploads.add(name, t);
      }
      if (!common.quiet) {
        long warnings =
            common.ignored().shown(result.diagnostics()).stream()
                .map(Diagnostic::severity)
                .filter(Severity.WARNING::equals)
                .count();
        // The name is the user's (a file name, --stdin-name): a control character in it is shown
        // escaped, never sent to the terminal.
        out.print(
            ControlCharacters.escape(name)
                + ": ok"
                + (warnings == 0 ? "" : " with " + Report.plural((int) warnings, "warning"))
                + "\n");
        out.flush();
      }
    }
    report.sharedUploads(uploads);
    if (!anyPacker && firstAib != null) {
      packerOnly.tellUnused(spec, report, firstAib);
    }
    boolean reportWritten = reportFile == null || reportFile.writeOrTell(report, failed);
    report.finish("validated " + Report.plural(common.inputs.size(), "input"), failed.size());
    return failed.isEmpty() && reportWritten ? ExitCodes.OK : ExitCodes.INPUT_ERROR;
  }

  /**
   * {@code validate -r}: every template under the input folders checked in parallel, as {@code
   * convert -r} converts them, but without an output folder.
   */
  private int validateRecursively(ReportFile reportFile) {
    return recursive.run(
        spec,
        parent,
        common,
        new RecursiveOptions.Launch(
            packerInput,
            mapping,
            Optional.ofNullable(apiVersion),
            Optional.ofNullable(identity),
            OutputFormat.JSON,
            null,
            reportFile,
            Optional.ofNullable(reportPath),
            false,
            packerOnly.given(spec.commandLine().getParseResult())));
  }

  /**
   * A Packer template checked: valid when it converts (read, mapped, and valid in the target
   * version), so it is converted, its templates kept for the comparison of uploads.
   */
  private ConversionResult validatePacker(PackerInput input, LocalFiles files, Path cwd) {
    Engine.PackerJob job =
        new Engine.PackerJob(
            input,
            packerInput.toOptions(spec, parent.environment(), cwd),
            mapping.toOptions(Optional.ofNullable(identity), Optional.ofNullable(apiVersion)),
            OutputFormat.JSON,
            files);
    try {
      return parent.engine().convertPacker(job, true);
    } catch (StackOverflowError e) {
      throw new IllegalStateException("stack overflow while checking " + input.displayName(), e);
    }
  }

  /**
   * An AIB template checked in the version it names (see {@code Converter.validate}), never
   * re-targeted as convert would: its templates are kept for the comparison of uploads.
   */
  private ConversionResult validate(PackerRouting.ByContent read, ConvertOptions options) {
    try {
      return parent.engine().validate(read.source(), read.parsed(), options);
    } catch (StackOverflowError e) {
      throw Inputs.stackOverflow(read.source(), e);
    }
  }
}
