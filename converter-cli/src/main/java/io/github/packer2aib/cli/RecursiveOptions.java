package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.Binding.bind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/** The options of {@code convert -r}: what to find under the folders and how to run. */
final class RecursiveOptions {

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

  /** Adds the options of {@code -r}, bound to this object, to {@code spec}. */
  void addTo(CommandSpec spec) {
    spec.addOption(
        bind(
                OptionSpec.builder("-r", "--recursive")
                    .type(boolean.class)
                    .description(
                        "Convert every template found under the INPUT folders (a folder of"
                            + " *.pkr.hcl/*.pkr.json files is one template; other JSON and YAML"
                            + " files are recognised by content) into -o DIR, mirroring the folder"
                            + " tree."),
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
                        "With -r: convert only templates whose path relative to the INPUT folder"
                            + " matches GLOB (Java glob syntax, '/' separators; repeatable)."),
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
                        "With -r: convert N templates at a time. Default: the number of"
                            + " processors."),
                () -> jobs,
                v -> jobs = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--progress")
                    .paramLabel("MODE")
                    .type(Progress.Mode.class)
                    .converters(new ProgressConverter())
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
                        "With -r: also print the warnings and notes of templates that converted"
                            + " (by default they are only counted)."),
                () -> showWarnings,
                v -> showWarnings = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--prune")
                    .type(boolean.class)
                    .description(
                        "With -r: delete the image templates in -o DIR that earlier runs wrote"
                            + " and this one did not (their templates were removed, renamed or"
                            + " skipped, failed, or now write another name or format), if unchanged"
                            + " since; others are only named."),
                () -> prune,
                v -> prune = v)
            .build());
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
