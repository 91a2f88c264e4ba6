package io.github.packer2aib.cli;

import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerHclLoader;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.packer.json.PackerModelJson;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code packer2aib inspect}: reads a Packer HCL2 template (a file or a folder) with its variable
 * values, and prints the evaluated Packer model as JSON on stdout: what the converter will work
 * from. Sensitive values print as {@code "<sensitive>"}, values known only when Packer runs as
 * {@code "<unknown>"}. Diagnostics go to stderr as for {@code validate}.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Prints the evaluated Packer model of an HCL2 template as JSON.",
      "",
      "Reads a .pkr.hcl or .pkr.json file, or a folder of them (with its *.auto.pkrvars.hcl and"
          + " *.auto.pkrvars.json files), evaluates variables, locals, sources and builds as"
          + " Packer does, and prints the result on standard output. Diagnostics go to standard"
          + " error; nothing is printed on standard output for a template with errors.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  packer2aib inspect template.pkr.hcl",
      "  packer2aib inspect --var location=westeurope --var-file prod.pkrvars.hcl images/ubuntu/"
    })
final class InspectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand Packer2AibCommand parent;

  @Parameters(
      paramLabel = "INPUT",
      arity = "1",
      type = Path.class,
      converter = InputOptions.Verbatim.class,
      description = "A Packer HCL2 template file (.pkr.hcl, .pkr.json) or a folder of them.")
  String input;

  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      converter = VarConverter.class,
      description =
          "Sets a variable (repeatable; a later one wins). Takes precedence over var files and"
              + " PKR_VAR_<name> environment variables.")
  List<String> vars = new ArrayList<>();

  @Option(
      names = "--var-file",
      paramLabel = "FILE",
      type = Path.class,
      converter = InputOptions.Verbatim.class,
      description =
          "Reads variable values from a .hcl or .json file (repeatable, in order), after the"
              + " folder's *.auto.pkrvars.* files.")
  List<String> varFiles = new ArrayList<>();

  @Option(
      names = "--strict",
      description = "Treat warnings as errors: a template with warnings fails (exit 1).")
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
          "How diagnostics are printed on stderr: ${COMPLETION-CANDIDATES}. Default: text.")
  DiagnosticsFormat diagnosticsFormat = DiagnosticsFormat.TEXT;

  /** A {@code --var} argument must be NAME=VALUE with a name. */
  static final class VarConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.indexOf('=') <= 0) {
        // Never echo the value: it may be a secret given with the wrong syntax.
        throw new TypeConversionException("expected NAME=VALUE, as in --var location=westeurope");
      }
      return value;
    }
  }

  @Override
  public Integer call() {
    Map<String, String> env = parent.environment();
    Path cwd = Path.of("").toAbsolutePath();
    PackerOptions options =
        new PackerOptions(vars, paths(varFiles), env, cwd, clock(env.get("SOURCE_DATE_EPOCH")));
    Report report = new Report(spec.commandLine().getErr(), diagnosticsFormat, quiet, strict);
    LoadResult result;
    try {
      result =
          new PackerHclLoader(new LocalFiles(cwd))
              .load(new PackerInput(Path.of(input), input), options);
    } catch (InvalidPathException e) {
      report.cli(
          CliCode.UNREADABLE_INPUT,
          "cannot read " + input + ": invalid path",
          "The input " + input + " could not be read: invalid path.");
      report.finish("inspected 1 input", 1);
      return ExitCodes.INPUT_ERROR;
    } catch (StackOverflowError e) {
      throw new IllegalStateException("stack overflow while processing " + input, e);
    }
    for (SourceFile f : result.sources()) {
      report.file(f);
    }
    report.diagnostics(result.diagnostics());
    boolean warnings =
        result.diagnostics().stream().map(Diagnostic::severity).anyMatch(Severity.WARNING::equals);
    boolean failed = result.template().isEmpty() || (strict && warnings);
    if (!failed) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(PackerModelJson.toJson(result.template().get()));
      out.flush();
    }
    report.finish("inspected 1 input", failed ? 1 : 0);
    return failed ? ExitCodes.INPUT_ERROR : ExitCodes.OK;
  }

  private static List<Path> paths(List<String> names) {
    List<Path> out = new ArrayList<>();
    for (String n : names) {
      out.add(Path.of(n));
    }
    return out;
  }

  /**
   * The run's one clock: {@code SOURCE_DATE_EPOCH} when set (reproducible builds), else now. An
   * invalid value is a usage error rather than a silent fallback.
   */
  private Clock clock(String sourceDateEpoch) {
    if (sourceDateEpoch == null || sourceDateEpoch.isBlank()) {
      return Clock.frozenAt(Instant.now());
    }
    return Clock.fromSourceDateEpoch(sourceDateEpoch)
        .orElseThrow(
            () ->
                new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970"));
  }

  /** The real file system, read-only, for the template's files and its file functions. */
  static final class LocalFiles implements FileSystemView {
    private final Path cwd;

    LocalFiles(Path cwd) {
      this.cwd = cwd;
    }

    @Override
    public String baseDirectory() {
      return cwd.toString().replace('\\', '/');
    }

    @Override
    public String homeDirectory() {
      return System.getProperty("user.home", "/").replace('\\', '/');
    }

    @Override
    public Kind kind(String absolutePath) {
      Path p = Path.of(absolutePath);
      if (Files.isDirectory(p)) {
        return Kind.DIRECTORY;
      }
      return Files.isRegularFile(p) ? Kind.FILE : Kind.MISSING;
    }

    @Override
    public byte[] read(String absolutePath) throws IOException {
      return Files.readAllBytes(Path.of(absolutePath));
    }

    @Override
    public List<String> list(String absoluteDirectory) throws IOException {
      try (Stream<Path> s = Files.list(Path.of(absoluteDirectory))) {
        return s.map(p -> p.getFileName().toString()).toList();
      }
    }
  }
}
