package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.Binding.bind;

import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.aib.ApiVersion;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of {@code convert -r} and {@code validate -r}: what to find under the folders and how
 * to run; and the run itself ({@link #run}), the same for both commands but for the outputs.
 */
final class RecursiveOptions {

  /** Which command the options belong to: their help words it, and only convert has --prune. */
  enum Command {
    CONVERT("convert", "Convert"),
    VALIDATE("check", "Check");

    private final String verb;
    private final String capitalVerb;

    Command(String verb, String capitalVerb) {
      this.verb = verb;
      this.capitalVerb = capitalVerb;
    }
  }

  boolean enabled;
  List<String> include = new ArrayList<>();
  List<String> exclude = new ArrayList<>();
  Path settings;
  Integer jobs;

  /**
   * The largest --jobs: far beyond what conversion, which keeps a processor busy per job, can use
   * (and below the thread pools' own limit of 32,767, past which they failed with an internal
   * error).
   */
  static final int MAX_JOBS = 1024;

  Progress.Mode progress = Progress.Mode.AUTO;
  boolean showWarnings;
  boolean prune;

  /** Adds the options of {@code -r} for {@code command}, bound to this object, to {@code spec}. */
  void addTo(CommandSpec spec, Command command) {
    spec.addOption(
        bind(
                OptionSpec.builder("-r", "--recursive")
                    .type(boolean.class)
                    .description(
                        command.capitalVerb
                            + " every template found under the INPUT folders (a folder of"
                            + " *.pkr.hcl/*.pkr.json files is one template; other JSON and YAML"
                            + " files are recognised by content)"
                            + (command == Command.CONVERT
                                ? " into -o DIR, mirroring the folder tree."
                                : ", with a progress display and a summary at the end.")),
                () -> enabled,
                v -> enabled = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--include")
                    .paramLabel("GLOB")
                    .type(List.class)
                    .auxiliaryTypes(String.class)
                    .description(
                        "With -r: "
                            + command.verb
                            + " only templates whose path relative to the INPUT folder matches"
                            + " GLOB (Java glob syntax, '/' separators; repeatable)."),
                () -> include,
                v -> include = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--exclude")
                    .paramLabel("GLOB")
                    .type(List.class)
                    .auxiliaryTypes(String.class)
                    .description(
                        "With -r: skip paths matching GLOB (as --include); an excluded folder is"
                            + " not searched."),
                () -> exclude,
                v -> exclude = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--settings")
                    .paramLabel("FILE")
                    .type(Path.class)
                    .converters(new OptionTypes.PathConverter())
                    .description(
                        "With -r: per-template options (variables, var files, --only/--except,"
                            + " identity, location, base URIs, ...) from a YAML or JSON file, by"
                            + " glob on the template's path; they refine the command line's"
                            + " options."),
                () -> settings,
                v -> settings = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--jobs")
                    .paramLabel("N")
                    .type(Integer.class)
                    .description(
                        "With -r: "
                            + command.verb
                            + " N templates at a time. Default: the number of processors."),
                () -> jobs,
                v -> jobs = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--progress")
                    .paramLabel("MODE")
                    .type(Progress.Mode.class)
                    .converters(new ProgressConverter())
                    .completionCandidates(List.of("auto", "bar", "lines", "none"))
                    .description(
                        "With -r: auto (default: a bar on a terminal, else lines), bar, lines or"
                            + " none."),
                () -> progress,
                v -> progress = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--show-warnings")
                    .type(boolean.class)
                    .description(
                        "With -r: also print the warnings and notes of templates that "
                            + (command == Command.CONVERT ? "converted" : "pass")
                            + " (by default they are only counted)."),
                () -> showWarnings,
                v -> showWarnings = v)
            .build());
    if (command != Command.CONVERT) {
      return;
    }
    spec.addOption(
        bind(
                OptionSpec.builder("--prune")
                    .type(boolean.class)
                    .description(
                        "With -r: delete the image templates in -o DIR that earlier runs wrote"
                            + " and this one did not (their templates were removed, renamed or"
                            + " skipped, or now write another name or format), if unchanged since;"
                            + " others, and those of templates that failed, are only named."),
                () -> prune,
                v -> prune = v)
            .build());
  }

  /**
   * What a run of {@code -r} needs besides these options: the command's own options, and where its
   * outputs go ({@code output} null for {@code validate -r}, which writes none).
   */
  record Launch(
      PackerInputOptions packer,
      MappingOptions mapping,
      Optional<ApiVersion> apiVersion,
      Optional<String> identity,
      OutputFormat format,
      Path output,
      ReportFile report,
      Optional<Path> reportPath,
      boolean check,
      List<String> packerOptionsGiven) {}

  /** Usage errors without -r: the options only -r takes. */
  void checkNotRecursive(CommandSpec spec) {
    List<String> bulkOnly = new ArrayList<>();
    if (!include.isEmpty()) {
      bulkOnly.add("--include");
    }
    if (!exclude.isEmpty()) {
      bulkOnly.add("--exclude");
    }
    if (jobs != null) {
      bulkOnly.add("--jobs");
    }
    if (settings != null) {
      bulkOnly.add("--settings");
    }
    if (showWarnings) {
      bulkOnly.add("--show-warnings");
    }
    if (progress != Progress.Mode.AUTO) {
      bulkOnly.add("--progress");
    }
    if (prune) {
      bulkOnly.add("--prune");
    }
    if (!bulkOnly.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          String.join(", ", bulkOnly)
              + (bulkOnly.size() == 1 ? " applies" : " apply")
              + " only with -r/--recursive");
    }
  }

  /** Usage errors of -r that both commands share. */
  void checkRecursive(CommandSpec spec, InputOptions common) {
    if (common.stdinCount() > 0) {
      throw new ParameterException(
          spec.commandLine(), "standard input ('-') cannot be given with -r/--recursive");
    }
    if (jobs != null && (jobs < 1 || jobs > MAX_JOBS)) {
      throw new ParameterException(
          spec.commandLine(), "--jobs must be between 1 and " + MAX_JOBS + ", not " + jobs);
    }
    overlappingRoots(spec, common.inputs);
  }

  /**
   * Two roots of which one holds the other (or the same one twice) would convert the templates they
   * share twice, into two output folders, and count them twice; also when a symbolic link leads
   * from one to the other, so each root is compared as given and as the file system resolves it.
   */
  private static void overlappingRoots(CommandSpec spec, List<String> inputs) {
    List<List<Path>> searched = new ArrayList<>();
    List<Boolean> folders = new ArrayList<>();
    List<String> named = new ArrayList<>();
    for (String input : inputs) {
      Path p;
      try {
        // Not normalized here: ".." after a symbolic link is the link target's parent, which
        // Discovery.forms resolves as the kernel does (link/../a.json is not a.json).
        p = Path.of(input);
      } catch (InvalidPathException e) {
        // Before the roots are read (validate -r ended in an internal error).
        throw new ParameterException(
            spec.commandLine(), "cannot read '" + input + "': " + PathSpelling.whyInvalid(input));
      }
      List<Path> forms = Discovery.forms(p);
      boolean folder = Files.isDirectory(p);
      for (int i = 0; i < searched.size(); i++) {
        String problem = RepeatedInputs.overlap(forms, folder, searched.get(i), folders.get(i));
        if (problem == null) {
          continue;
        }
        boolean asGiven = forms.get(0).equals(searched.get(i).get(0));
        throw new ParameterException(
            spec.commandLine(),
            problem.equals("same") && asGiven
                ? "the input " + input + " is given twice"
                : "the inputs "
                    + named.get(i)
                    + " and "
                    + input
                    + (problem.equals("same")
                        ? " are the same " + (folder ? "folder" : "file")
                        : " overlap: one holds the other")
                    + (problem.equals("link") || !asGiven && problem.equals("same")
                        ? " (through a symbolic link)"
                        : "")
                    + ", so the templates they share would be converted twice; give "
                    + (problem.equals("same") ? "one of them" : "the outer one")
                    + " only");
      }
      searched.add(forms);
      folders.add(folder);
      named.add(input);
    }
  }

  /** Runs {@code -r}: every template under the input folders, in parallel. */
  int run(CommandSpec spec, Packer2AibCommand parent, InputOptions common, Launch launch) {
    // While the folders are read (one thread on a flat folder), on a core otherwise idle then.
    Preload.start(launch.apiVersion().orElse(ApiVersion.DEFAULT), true);
    List<PathMatcher> includeGlobs = globs(spec, "--include", include);
    List<PathMatcher> excludeGlobs = globs(spec, "--exclude", exclude);
    Optional<BulkSettings> templateSettings = Optional.empty();
    if (settings != null) {
      Report report = common.report(spec.commandLine().getErr());
      templateSettings = BulkSettings.read(settings, report);
      if (templateSettings.isEmpty()) {
        report.finish(
            "nothing "
                + (launch.output() == null ? "checked" : "converted")
                + ": the settings file has errors",
            0);
        return ExitCodes.INPUT_ERROR;
      }
    }
    Progress.Mode mode =
        common.quiet
            ? Progress.Mode.NONE
            : Progress.resolve(progress, ErrorTerminal.detect(), parent.environment().get("TERM"));
    BulkRun.Settings run =
        new BulkRun.Settings(
            common.inputs,
            launch.output(),
            new Discovery(
                includeGlobs,
                excludeGlobs,
                Optional.ofNullable(launch.output()),
                launch.reportPath()),
            options(spec, parent, common, launch, templateSettings),
            jobs != null ? jobs : Runtime.getRuntime().availableProcessors(),
            mode,
            // Only a bar needs the terminal's width (asking may start a process).
            mode == Progress.Mode.BAR
                ? Progress.lineFor(TerminalColumns.detect(parent.environment()))
                : Progress.MAX_LINE,
            new BulkTask.Display(
                common.diagnosticsFormat, common.quiet, showWarnings, launch.report() != null),
            launch.report(),
            prune,
            launch.check(),
            launch.packerOptionsGiven(),
            List.copyOf(include),
            List.copyOf(exclude));
    return new BulkRun(run, parent.engine(), spec.commandLine().getErr()).run();
  }

  private static BulkOptions options(
      CommandSpec spec,
      Packer2AibCommand parent,
      InputOptions common,
      Launch launch,
      Optional<BulkSettings> templateSettings) {
    Path cwd = Path.of("").toAbsolutePath();
    return new BulkOptions(
        launch.packer().toOptions(spec, parent.environment(), cwd),
        launch.mapping().toOptions(launch.identity(), launch.apiVersion()),
        launch.apiVersion(),
        launch.identity(),
        launch.format(),
        common.strict,
        common.ignored(),
        templateSettings);
  }

  private static List<PathMatcher> globs(CommandSpec spec, String option, List<String> patterns) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String g : patterns) {
      try {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
      } catch (IllegalArgumentException e) {
        // PatternSyntaxException is an IllegalArgumentException.
        throw new ParameterException(
            spec.commandLine(), option + " '" + g + "' is not a valid glob: " + firstLine(e));
      }
    }
    return matchers;
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  static final class ProgressConverter implements ITypeConverter<Progress.Mode> {
    @Override
    public Progress.Mode convert(String value) {
      try {
        return Progress.Mode.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected auto, bar, lines or none, not '" + value + "'");
      }
    }
  }
}
