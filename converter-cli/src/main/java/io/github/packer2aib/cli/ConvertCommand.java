package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.Binding.bind;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.ConvertOptions;
import io.github.packer2aib.core.ConvertedTemplate;
import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code packer2aib convert}: reads every input, converts each with the core, then (only once all
 * results are known, so a usage error comes before any output) reports the diagnostics in input
 * order and writes the templates of the inputs that succeeded.
 */
final class ConvertCommand implements Callable<Integer> {

  private final Packer2AibCommand parent;
  private CommandSpec spec;

  /** When the run started: a temporary file changed since may be another run's, in use. */
  private Instant started = Instant.EPOCH;

  private Path output;
  private OutputFormat format = OutputFormat.JSON;
  private ApiVersion apiVersion;
  private String identity;
  private Path reportPath;
  private boolean check;
  private final InputOptions common = new InputOptions();
  private final PackerInputOptions packerInput = new PackerInputOptions();
  private final MappingOptions mapping = new MappingOptions();
  private PackerOnlyOptions packerOnly;
  private final RecursiveOptions recursive = new RecursiveOptions();

  private ConvertCommand(Packer2AibCommand parent) {
    this.parent = parent;
  }

  /** The model of {@code convert}, bound to a new command that runs under {@code parent}. */
  static CommandSpec spec(Packer2AibCommand parent) {
    ConvertCommand command = new ConvertCommand(parent);
    CommandSpec spec = Packer2AibCommand.subcommand(command, "convert");
    command.spec = spec;
    // --help lists the options in the order they are added below.
    spec.usageMessage()
        .sortOptions(false)
        .description(
            "Converts templates into AIB image templates.",
            "",
            "Without -o, a single resulting template is printed on standard output; with -o DIR,"
                + " each template is written to DIR/<name>.<json|yaml>. Nothing is written for an"
                + " input with errors (or with warnings under --strict); the other inputs are"
                + " still written.",
            "",
            "With -r, the INPUTs are folders: every template found under them (a folder of"
                + " *.pkr.hcl/*.pkr.json files, a legacy Packer JSON or YAML template, an AIB"
                + " template in JSON or YAML, recognised by content) is converted in parallel into"
                + " -o DIR, mirroring the folder tree, with a progress display and a summary at"
                + " the end.",
            "")
        .footerHeading("%nExamples:%n")
        .footer(
            "  packer2aib convert image.yaml > image.json",
            "  packer2aib convert -o out --format yaml a.json deploy.json",
            "  packer2aib convert --api-version 2022-07-01 image.json",
            "  packer2aib convert -o out --report out/report.md build.pkr.hcl",
            "  packer2aib convert -r -o out --report report.md --script-base-uri URI repo/",
            "  cat image.yaml | packer2aib convert --stdin-name image.yaml -");
    spec.addOption(
        bind(
                OptionSpec.builder("-o", "--output")
                    .paramLabel("DIR")
                    .type(Path.class)
                    .converters(new OptionTypes.PathConverter())
                    .description(
                        "Write one file per template into DIR (created if needed), named"
                            + " <name>.<json|yaml>. Required with several inputs, and when the"
                            + " input produces more than one template."),
                () -> command.output,
                v -> command.output = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--format")
                    .paramLabel("FORMAT")
                    .type(OutputFormat.class)
                    .converters(new OptionTypes.FormatConverter())
                    .completionCandidates(OptionTypes.formats())
                    .description("Output format: ${COMPLETION-CANDIDATES}. Default: json."),
                () -> command.format,
                v -> command.format = v)
            .build());
    spec.addOption(
        bind(
                OptionTypes.apiVersionOption()
                    .description(
                        "AIB API version to emit: ${COMPLETION-CANDIDATES}. Default: the input's"
                            + " own version when it names a known one, else 2024-02-01."),
                () -> command.apiVersion,
                v -> command.apiVersion = v)
            .build());
    spec.addOption(
        bind(
                OptionTypes.identityOption()
                    .description(
                        "Resource id of a user-assigned managed identity to set as the template's"
                            + " identity."),
                () -> command.identity,
                v -> command.identity = v)
            .build());
    spec.addOption(
        ReportFile.option(
            "Also write every decision of the conversion (dropped, rewritten, approximated and"
                + " refused items with their source locations) to FILE: Markdown for .md or"
                + " .markdown, JSON for .json. Written also when inputs fail.",
            () -> command.reportPath,
            v -> command.reportPath = v));
    spec.addOption(
        bind(
                OptionSpec.builder("--check")
                    .arity("0")
                    .type(boolean.class)
                    .description(
                        "Write nothing: compare what would be written with the files in -o DIR"
                            + " and exit 1 when any of them would be created, changed or (with"
                            + " --prune) deleted. For CI: are the image templates in DIR up to"
                            + " date with their sources?"),
                () -> command.check,
                v -> command.check = v)
            .build());
    command.common.addTo(spec);
    command.packerOnly = PackerOnlyOptions.addTo(spec, command.packerInput, command.mapping);
    command.recursive.addTo(spec, RecursiveOptions.Command.CONVERT);
    StandardOptions.addTo(spec);
    return spec;
  }

  /** One input with its result (null when it could not be read). */
  private record Outcome(Input input, ConversionResult result) {}

  /** A template that will be written, with the input it came from. */
  private record Accepted(
      int inputIndex, String inputName, ConvertedTemplate template, List<Diagnostic> diagnostics) {}

  @Override
  public Integer call() {
    started = Instant.now();
    checkRecursiveUsage();
    ReportFile reportFile = checkUsage();
    if (recursive.enabled) {
      return convertRecursively(reportFile);
    }
    ConvertOptions options =
        new ConvertOptions(Optional.ofNullable(apiVersion), Optional.ofNullable(identity), format);
    InputReader reader = new InputReader(parent.stdin(), common.stdinName);
    Path cwd = Path.of("").toAbsolutePath();
    LocalFiles files = new LocalFiles(cwd, null, LocalFiles.foldersOf(common.inputs));
    Preload.start(
        apiVersion != null ? apiVersion : ApiVersion.DEFAULT,
        PackerRouting.anyHcl2(common.inputs, files));
    List<Outcome> outcomes = new ArrayList<>();
    for (String argument : common.inputs) {
      if (PackerRouting.isHcl2(argument, files)) {
        outcomes.add(
            new Outcome(
                new Input.Packer(argument),
                convertPacker(new PackerInput(Path.of(argument), argument), files, cwd)));
        continue;
      }
      Input input = reader.read(argument);
      if (!(input instanceof Input.Loaded loaded)) {
        outcomes.add(new Outcome(input, null));
        continue;
      }
      PackerRouting.ByContent read = PackerRouting.byContent(argument, loaded.source());
      if (read.packer()) {
        PackerInput packer = new PackerInput(Path.of(argument), argument, read.packerDocument());
        outcomes.add(new Outcome(new Input.Packer(argument), convertPacker(packer, files, cwd)));
        continue;
      }
      // read.source(), which may be a masked copy of what was read (see PackerRouting.byContent).
      outcomes.add(new Outcome(new Input.Loaded(read.source()), convert(read, options)));
    }
    String tooMany = output == null ? tooManyForStandardOutput(outcomes) : null;

    Report report = common.report(spec.commandLine().getErr());
    Set<Integer> failed = new LinkedHashSet<>();
    List<Accepted> accepted = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      if (o.input() instanceof Input.Unreadable u) {
        Inputs.reportUnreadable(report, u);
        if (reportFile != null) {
          reportFile.input(u.displayName(), List.of());
          reportFile.problem(
              i,
              CliCode.UNREADABLE_INPUT,
              "The input " + u.displayName() + " could not be read: " + u.reason() + ".");
        }
        failed.add(i);
        continue;
      }
      if (reportFile != null) {
        reportFile.input(o.input().displayName(), o.result().diagnostics());
      }
      // The result's copies of files in place of the text read (as any user of the library).
      SourceFile[] read =
          o.input() instanceof Input.Loaded loaded
              ? new SourceFile[] {loaded.source()}
              : new SourceFile[0];
      o.result().quotedFiles(read).forEach(report::file);
      report.diagnostics(o.input().displayName(), o.result().diagnostics());
      if (common.ignored().fails(o.result().diagnostics(), common.strict)) {
        failed.add(i);
        continue;
      }
      for (ConvertedTemplate t : o.result().templates()) {
        accepted.add(new Accepted(i, o.input().displayName(), t, o.result().diagnostics()));
      }
    }

    SharedUploads uploads = new SharedUploads();
    for (Accepted a : accepted) {
      uploads.add(a.inputName(), a.template());
    }
    report.sharedUploads(uploads);
    if (outcomes.stream().noneMatch(o -> o.input() instanceof Input.Packer)) {
      outcomes.stream()
          .filter(o -> o.input() instanceof Input.Loaded)
          .findFirst()
          .ifPresent(o -> packerOnly.tellUnused(spec, report, o.input().displayName()));
    }
    if (tooMany != null) {
      // A usage error, but after the input's own diagnostics (and the report, which records
      // them, with no output): they are the run's findings whichever template is chosen, and
      // how many templates an input gives is known only once it is converted.
      if (reportFile != null) {
        reportFile.writeOrTell(report, failed);
      }
      if (report.machine()) {
        report.finish("", failed.size());
      }
      throw new ParameterException(spec.commandLine(), tooMany);
    }
    OutputCheck outputCheck = check ? new OutputCheck() : null;
    int written =
        output == null
            ? print(accepted, reportFile)
            : writeFiles(
                accepted,
                filesRead(common.inputs, outcomes),
                report,
                failed,
                reportFile,
                outputCheck);
    boolean reportWritten = reportFile == null || reportFile.writeOrTell(report, failed);
    if (outputCheck != null) {
      report.check(outputCheck, output, failed.size());
    }
    report.finish(
        (check ? "checked " : "converted ")
            + Report.plural(written, "template")
            + " from "
            + Report.plural(outcomes.size(), "input"),
        failed.size());
    boolean upToDate = outputCheck == null || outputCheck.upToDate();
    return failed.isEmpty() && reportWritten && upToDate ? ExitCodes.OK : ExitCodes.INPUT_ERROR;
  }

  /**
   * Why the input cannot go to standard output, which takes one template: it gives several, named
   * here (the first few), with how to choose; null when it gives at most one. Several inputs never
   * get this far (checkUsage refuses them before converting).
   */
  private static String tooManyForStandardOutput(List<Outcome> outcomes) {
    for (Outcome o : outcomes) {
      if (o.result() == null || o.result().templates().size() <= 1) {
        continue;
      }
      List<ConvertedTemplate> templates = o.result().templates();
      List<String> names = new ArrayList<>();
      for (ConvertedTemplate t : templates) {
        names.add("\"" + t.name() + "\"");
      }
      return o.input().displayName()
          + " produces "
          + MessageLists.count(templates.size())
          + " templates, but standard output takes only one ("
          + MessageLists.capped(names, MessageLists.NAMES_LISTED)
          + "); pass -o DIR to write one file per template"
          + (o.input() instanceof Input.Packer ? ", or choose one of its builds with --only" : "");
    }
    return null;
  }

  /**
   * Several inputs without -o are a usage error before converting: standard output takes one
   * template, and several inputs give several (or fail). Converting them first only to refuse the
   * run buried this line under all their diagnostics. An argument such as {@code pw=…} that names
   * no file is no input but a variable set without --var: it is not counted, and the error names it
   * apart, masked, with the advice the run gives it when it is not refused ({@link
   * Assignments#toSet}); counted and listed among the inputs, it lost that advice.
   */
  private void checkOneInputForStandardOutput() {
    List<String> inputs = new ArrayList<>();
    List<String> assignments = new ArrayList<>();
    for (String argument : common.inputs) {
      String name = Assignments.shownAsInput(argument);
      if (name.equals(argument)) {
        inputs.add(argument);
      } else {
        assignments.add(argument);
      }
    }
    if (inputs.size() > 1) {
      List<String> masked = assignments.stream().map(Assignments::masked).toList();
      throw new ParameterException(
          spec.commandLine(),
          "standard output takes one template, but "
              + MessageLists.count(inputs.size())
              + " inputs were given ("
              + MessageLists.capped(inputs, MessageLists.NAMES_LISTED)
              + "); pass -o DIR to write one file per template"
              + (assignments.isEmpty()
                  ? ""
                  : "; "
                      + MessageLists.capped(masked, MessageLists.NAMES_LISTED)
                      + (masked.size() == 1 ? " names no file: " : " name no files: ")
                      + Assignments.toSet(assignments)));
    }
  }

  /** The options only -r takes, and what -r requires. */
  private void checkRecursiveUsage() {
    if (!recursive.enabled) {
      recursive.checkNotRecursive(spec);
      if (output != null && output.toString().equals("-")) {
        // As most tools read it: standard output, where the template goes without -o. It made a
        // folder named '-'; ./- still names one.
        output = null;
      }
      return;
    }
    if (output == null) {
      throw new ParameterException(
          spec.commandLine(),
          "-r/--recursive writes one file per template: pass -o DIR to say where");
    }
    if (output.toString().equals("-")) {
      // It made a folder named '-': stdout cannot hold a tree of files.
      throw new ParameterException(
          spec.commandLine(),
          "-o - (standard output) cannot be given with -r/--recursive, which writes one file per"
              + " template: pass -o DIR (./- for a folder named '-')");
    }
    recursive.checkRecursive(spec, common);
    if (recursive.prune && (!recursive.include.isEmpty() || !recursive.exclude.isEmpty())) {
      // A run over part of the tree cannot tell the outputs of the rest from leftovers.
      throw new ParameterException(
          spec.commandLine(),
          "--prune cannot be used with --include or --exclude: a run over part of the tree"
              + " cannot tell the outputs of the rest from leftovers");
    }
    if (recursive.prune && (!mapping.only.isEmpty() || !mapping.except.isEmpty())) {
      // The same for a run over part of each template's usages: --only lin1 would delete the
      // lin2 output that a full run writes. A settings file's only/except is the selection of
      // every run, so its outputs are what the folder should hold, and --prune takes it.
      throw new ParameterException(
          spec.commandLine(),
          "--prune cannot be used with --only or --except: a run over part of the templates' source"
              + " usages cannot tell the outputs of the rest from leftovers (a selection every"
              + " run makes belongs in the settings file's only/except, which --prune takes)");
    }
    List<Path> outForms = Discovery.forms(output);
    for (String input : common.inputs) {
      Path root;
      try {
        root = Path.of(input).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        throw new ParameterException(
            spec.commandLine(), "cannot read '" + input + "': " + PathSpelling.whyInvalid(input));
      }
      // Also when either is reached through a link (their forms, as discovery tells the output
      // folder): the run would search nothing, and take the templates it was given for outputs
      // of earlier runs (which --prune deletes).
      if (!Collections.disjoint(Discovery.forms(root), outForms)) {
        throw new ParameterException(
            spec.commandLine(),
            "-o "
                + output
                + " is also an input folder; write the output to another folder (it may lie"
                + " inside the input folder: it is then left out of the search)");
      }
    }
    // Where each root's outputs go: -o itself, or -o/<label> with several roots. That folder must
    // not be the root's own (-r packer aib -o . writes packer/'s outputs into packer/, over its
    // templates; -r dir/t.json -o dir the same).
    List<Discovery.Root> roots = Discovery.roots(common.inputs);
    for (Discovery.Root root : roots) {
      Path base = root.label().isEmpty() ? output : output.resolve(root.label());
      if (!Collections.disjoint(
          Discovery.forms(base.toAbsolutePath().normalize()), Discovery.forms(root.folder()))) {
        throw new ParameterException(
            spec.commandLine(),
            "the outputs of "
                + root.argument()
                + " would be written to "
                + base
                + ", the folder it is read from; write the output to another folder");
      }
    }
  }

  /** {@code convert -r}: every template under the input folders, in parallel. */
  private int convertRecursively(ReportFile reportFile) {
    return recursive.run(
        spec,
        parent,
        common,
        new RecursiveOptions.Launch(
            packerInput,
            mapping,
            Optional.ofNullable(apiVersion),
            Optional.ofNullable(identity),
            format,
            output,
            reportFile,
            Optional.ofNullable(reportPath),
            check,
            packerOnly.given(spec.commandLine().getParseResult())));
  }

  /**
   * Usage errors that can be seen before reading anything; returns the report to fill in, or null
   * without --report.
   */
  private ReportFile checkUsage() {
    if (common.stdinCount() > 1) {
      throw new ParameterException(
          spec.commandLine(), "standard input ('-') can be given only once");
    }
    // An empty argument (an unset shell variable, say) would silently mean the current folder.
    if (output != null && output.toString().isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "--output is empty: name a folder ('.' for the current one)");
    }
    if (common.inputs.contains("")) {
      throw new ParameterException(
          spec.commandLine(), "an input is empty: name a file or folder ('.' for the current one)");
    }
    if (output != null && Files.exists(output) && !Files.isDirectory(output)) {
      throw new ParameterException(
          spec.commandLine(), "--output " + output + " exists and is not a directory");
    }
    if (check && output == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--check compares the outputs with the files in an output folder: pass -o DIR");
    }
    if (output == null && !recursive.enabled) {
      checkOneInputForStandardOutput();
    }
    if (!recursive.enabled) {
      RepeatedInputs.check(spec, common.inputs, "converted");
    }
    if (check && reportPath != null) {
      throw new ParameterException(
          spec.commandLine(), "--check writes nothing, not even a report: leave out --report");
    }
    return ReportFile.forOption(spec, reportPath, false);
  }

  private ConversionResult convertPacker(PackerInput input, LocalFiles files, Path cwd) {
    Engine.PackerJob job =
        new Engine.PackerJob(
            input,
            packerInput.toOptions(spec, parent.environment(), cwd),
            mapping.toOptions(Optional.ofNullable(identity), Optional.ofNullable(apiVersion)),
            format,
            files);
    try {
      return parent.engine().convertPacker(job, true);
    } catch (StackOverflowError e) {
      throw new IllegalStateException("stack overflow while converting " + input.displayName(), e);
    }
  }

  private ConversionResult convert(PackerRouting.ByContent read, ConvertOptions options) {
    try {
      return parent.engine().convert(read.source(), read.parsed(), options);
    } catch (StackOverflowError e) {
      throw Inputs.stackOverflow(read.source(), e);
    }
  }

  private int print(List<Accepted> accepted, ReportFile reportFile) {
    PrintWriter out = spec.commandLine().getOut();
    for (Accepted a : accepted) {
      out.print(a.template().text());
      if (reportFile != null) {
        reportFile.output(a.inputIndex(), ReportFile.STANDARD_OUTPUT);
      }
    }
    out.flush();
    return accepted.size();
  }

  /**
   * Writes the accepted templates into the output folder, or with {@code check} (--check) compares
   * each with the file it would replace and writes nothing; returns how many were written (or
   * compared).
   */
  private int writeFiles(
      List<Accepted> accepted,
      List<Path> read,
      Report report,
      Set<Integer> failed,
      ReportFile reportFile,
      OutputCheck check) {
    if (accepted.isEmpty()) {
      return 0;
    }
    List<OutputNames.Entry> entries = new ArrayList<>();
    for (Accepted a : accepted) {
      entries.add(new OutputNames.Entry(a.inputName(), a.inputIndex(), a.template().name()));
    }
    List<OutputNames.Assigned> names = OutputNames.assign(entries, format.extension());
    // Which folders the run makes: those left empty (every write failed) are removed again.
    OutputFolders folders = new OutputFolders(output.toAbsolutePath().normalize());
    try {
      if (check == null) {
        folders.make(output.toAbsolutePath().normalize());
      }
    } catch (IOException e) {
      folders.removeEmpty(); // the parents made before the failure
      String reason = InputReader.reason(e);
      report.cli(
          CliCode.UNWRITABLE_OUTPUT,
          "cannot create directory " + output + ": " + reason,
          "The output directory " + output + " could not be created: " + reason + ".");
      for (Accepted a : accepted) {
        fail(
            a,
            "The output directory " + output + " could not be created: " + reason + ".",
            failed,
            reportFile);
      }
      return 0;
    }
    // An input's templates are written all or none: one whose file name is taken by a folder
    // would fail after its siblings were written (a bulk run writes nothing for such an input).
    // --check fails them too: it must not promise an update the run cannot make.
    Set<Integer> blocked = new HashSet<>();
    for (int i = 0; i < accepted.size(); i++) {
      Accepted a = accepted.get(i);
      Path target = output.resolve(names.get(i).fileName());
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) && blocked.add(a.inputIndex())) {
        unwritable(a, target, "it is a directory", report, failed, reportFile);
      }
      Optional<Path> input = sameFile(target, read);
      if (input.isPresent() && blocked.add(a.inputIndex())) {
        // convert -o . image.json: the template would be replaced by its own conversion.
        unwritable(
            a,
            target,
            "it is " + input.get() + ", which this run reads; write into another folder",
            report,
            failed,
            reportFile);
      }
    }
    int written = 0;
    for (int i = 0; i < accepted.size(); i++) {
      Accepted a = accepted.get(i);
      if (blocked.contains(a.inputIndex())) {
        continue;
      }
      OutputNames.Assigned name = names.get(i);
      Path target = output.resolve(name.fileName());
      Optional<String> numberedFrom = a.template().numberedFrom();
      if (!name.renamed() && numberedFrom.isPresent()) {
        // The converter numbered the name (web-2): another template of the same input has it.
        String why = OutputNames.takenWithinInput(numberedFrom.get(), a.inputName());
        String line = why + "; this one is written to " + target;
        String detail =
            Character.toUpperCase(why.charAt(0))
                + why.substring(1)
                + ", so this one is written to "
                + target
                + ".";
        report.cli(CliCode.OUTPUT_RENAMED, line, detail, a.inputName());
        if (reportFile != null) {
          reportFile.problem(a.inputIndex(), CliCode.OUTPUT_RENAMED, detail);
        }
      }
      if (name.renamed()) {
        String named = "\"" + a.template().name() + "\"";
        String why =
            switch (name.renaming()) {
              case DEVICE -> "Windows takes the name " + named + " for a device";
              case SHARED -> "more than one input produces a template named " + named;
              default ->
                  "another output of this run already has the file name of the template " + named;
            };
        boolean device = name.renaming() == OutputNames.Renaming.DEVICE;
        String line =
            why
                + (device ? "; the template from " : "; the one from ")
                + a.inputName()
                + " is written to "
                + target;
        String detail =
            Character.toUpperCase(why.charAt(0))
                + why.substring(1)
                + (device
                    ? ", whatever its case and extension, so the template from "
                    : ", so the one from ")
                + a.inputName()
                + " is written to "
                + target
                + ".";
        report.cli(CliCode.OUTPUT_RENAMED, line, detail, a.inputName());
        if (reportFile != null) {
          reportFile.problem(a.inputIndex(), CliCode.OUTPUT_RENAMED, detail);
        }
      }
      if (check != null) {
        check.compare(output, name.fileName(), a.template().utf8(), a.diagnostics());
        written++;
        continue;
      }
      try {
        AtomicFiles.write(target, a.template().utf8(), PendingWrites.PROCESS, true);
        written++;
        if (reportFile != null) {
          reportFile.output(a.inputIndex(), target.toString());
        }
      } catch (IOException e) {
        unwritable(a, target, InputReader.reason(e), report, failed, reportFile);
      }
    }
    if (check == null) {
      folders.removeStaleTemps(started);
      folders.removeEmpty();
    }
    return written;
  }

  /**
   * The files the inputs were read from: the arguments and every file a conversion read (a Packer
   * template's files, its var files), as named in its sources.
   */
  private static List<Path> filesRead(List<String> arguments, List<Outcome> outcomes) {
    Set<String> names = new LinkedHashSet<>();
    for (String a : arguments) {
      if (!a.equals(InputReader.STDIN)) {
        names.add(a);
      }
    }
    for (Outcome o : outcomes) {
      if (o.result() != null && o.input() instanceof Input.Packer) {
        for (SourceFile f : o.result().sources()) {
          names.add(f.name());
        }
      }
    }
    List<Path> files = new ArrayList<>();
    for (String name : names) {
      try {
        Path p = Path.of(name);
        if (Files.isRegularFile(p)) {
          files.add(p);
        }
      } catch (InvalidPathException e) {
        // A name that is no path (a --var value's source) was read from no file.
      }
    }
    return files;
  }

  /** The file of {@code read} that {@code target} is, when it exists. */
  private static Optional<Path> sameFile(Path target, List<Path> read) {
    if (!Files.isRegularFile(target)) {
      return Optional.empty();
    }
    for (Path p : read) {
      try {
        if (Files.isSameFile(target, p)) {
          return Optional.of(p);
        }
      } catch (IOException | RuntimeException e) {
        // A file that cannot be compared (gone, not reachable) is not the target.
      }
    }
    return Optional.empty();
  }

  /**
   * Reports that {@code target}, an output of {@code a}, cannot be written, and fails its input.
   */
  private static void unwritable(
      Accepted a,
      Path target,
      String reason,
      Report report,
      Set<Integer> failed,
      ReportFile reportFile) {
    reason = UnwritableReason.of(reason);
    String detail = "The output file " + target + " could not be written: " + reason + ".";
    report.cli(
        CliCode.UNWRITABLE_OUTPUT, "cannot write " + target + ": " + reason, detail, a.inputName());
    fail(a, detail, failed, reportFile);
  }

  /** Fails the input of {@code a} because its output cannot be written, in the report too. */
  private static void fail(Accepted a, String detail, Set<Integer> failed, ReportFile reportFile) {
    failed.add(a.inputIndex());
    if (reportFile != null) {
      reportFile.problem(a.inputIndex(), CliCode.UNWRITABLE_OUTPUT, detail);
    }
  }
}
