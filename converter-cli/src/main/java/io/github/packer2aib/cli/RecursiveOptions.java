package io.github.packer2aib.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options of {@code convert -r}: what to find under the folders and how to run. */
final class RecursiveOptions {

  @Option(
      names = {"-r", "--recursive"},
      description =
          "Convert every template found under the INPUT folders (a folder of *.pkr.hcl/*.pkr.json"
              + " files is one template; other JSON and YAML files are recognised by content)"
              + " into -o DIR, mirroring the folder tree.")
  boolean enabled;

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description =
          "With -r: convert only templates whose path relative to the INPUT folder matches GLOB"
              + " (Java glob syntax, '/' separators; repeatable).")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description =
          "With -r: skip paths matching GLOB (as --include); an excluded folder is not searched.")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--settings",
      paramLabel = "FILE",
      description =
          "With -r: per-template options (variables, var files, --only/--except, identity,"
              + " location, base URIs, ...) from a YAML or JSON file, by glob on the template's"
              + " path; they refine the command line's options.")
  java.nio.file.Path settings;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "With -r: convert N templates at a time. Default: the number of processors.")
  Integer jobs;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      converter = ProgressConverter.class,
      description = "With -r: auto (default: a bar on a terminal, else lines), bar, lines or none.")
  Progress.Mode progress = Progress.Mode.AUTO;

  @Option(
      names = "--show-warnings",
      description =
          "With -r: also print the warnings and notes of templates that converted (by default"
              + " they are only counted).")
  boolean showWarnings;

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
