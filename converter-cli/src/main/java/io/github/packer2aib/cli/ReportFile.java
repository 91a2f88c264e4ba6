package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.report.ConversionReport;
import io.github.packer2aib.core.report.InputReport;
import io.github.packer2aib.core.report.ReportJson;
import io.github.packer2aib.core.report.ReportMarkdown;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code convert --report FILE} and {@code validate --report FILE} (a check only: the same report,
 * nothing written): collects, input by input, what the CLI adds to the core's results (where each
 * template went, and its own problems such as an unreadable input or an unwritable output), then
 * renders the core's {@link ConversionReport} as Markdown or JSON (by the file's extension) and
 * writes it atomically.
 */
final class ReportFile {
  /** The label of a template printed on standard output rather than written to a file. */
  static final String STANDARD_OUTPUT = "standard output";

  enum Format {
    MARKDOWN,
    JSON
  }

  /** One input's part of the report, filled in as the run goes. */
  private static final class Entry {
    final String name;
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<String> outputs = new ArrayList<>();

    Entry(String name) {
      this.name = name;
    }
  }

  private final Path target;
  private final Format format;
  private final boolean checkOnly;
  private final List<Entry> entries = new ArrayList<>();

  ReportFile(Path target, Format format, boolean checkOnly) {
    this.target = target;
    this.format = format;
    this.checkOnly = checkOnly;
  }

  /** The {@code --report FILE} option, bound to {@code get}/{@code set}, described as given. */
  static OptionSpec option(String description, Supplier<Path> get, Consumer<Path> set) {
    return Binding.bind(
            OptionSpec.builder("--report")
                .paramLabel("FILE")
                .type(Path.class)
                .converters(new OptionTypes.PathConverter())
                .description(description),
            get,
            set)
        .build();
  }

  /**
   * The report that {@code --report FILE} asks for, or null without it; usage errors that can be
   * seen before anything is read (a name that is neither Markdown nor JSON, a folder or pipe, a
   * file that is no report of ours) throw. {@code checkOnly}: the report of {@code validate}.
   */
  static ReportFile forOption(CommandSpec spec, Path reportPath, boolean checkOnly) {
    if (reportPath == null) {
      return null;
    }
    Format reportFormat =
        formatOf(reportPath)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "--report "
                            + reportPath
                            + ": the report is Markdown (FILE.md or FILE.markdown) or JSON"
                            + " (FILE.json); name the file with one of these extensions"));
    // A folder, or a named pipe that the report would replace (or, opened, wait on).
    Optional<String> notRegular = FileKinds.whyNotRegular(reportPath);
    if (notRegular.isPresent()) {
      throw new ParameterException(
          spec.commandLine(),
          "--report " + reportPath + " " + notRegular.get() + "; name a file to write");
    }
    if (Files.exists(reportPath) && !isReport(reportPath)) {
      // A template of the tree, an output of the run or any other file would be lost to it.
      throw new ParameterException(
          spec.commandLine(),
          "--report "
              + reportPath
              + " exists and is not a packer2aib report, which would replace it; name another"
              + " file, or delete it first");
    }
    return new ReportFile(reportPath, reportFormat, checkOnly);
  }

  /** Whether this is the report of {@code validate}, which writes nothing else. */
  boolean checkOnly() {
    return checkOnly;
  }

  /**
   * Writes the report once everything else is done, so that it records where every template went;
   * {@code failed} holds the indexes of the inputs that failed. A report that cannot be written is
   * told through {@code report} and fails the run (exit 1) but takes no template back.
   */
  boolean writeOrTell(Report report, Set<Integer> failed) {
    try {
      write(render(failed, report.ignoredCodes(), report.runDiagnostics()));
      return true;
    } catch (IOException e) {
      String reason = InputReader.reason(e);
      report.cli(
          CliCode.UNWRITABLE_OUTPUT,
          "cannot write report " + target + ": " + reason,
          "The report file " + target + " could not be written: " + reason + ".");
      return false;
    }
  }

  /** The format a report file name asks for: {@code .md}/{@code .markdown} or {@code .json}. */
  static Optional<Format> formatOf(Path file) {
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
      return Optional.of(Format.MARKDOWN);
    }
    if (lower.endsWith(".json")) {
      return Optional.of(Format.JSON);
    }
    return Optional.empty();
  }

  Path target() {
    return target;
  }

  /** How a report of either command and format begins. */
  private static final Pattern REPORT_START =
      Pattern.compile("\\A(# packer2aib conversion report\n|\\{\\s*\"(summary|verdicts)\"\\s*:)");

  /**
   * Whether {@code file} (which exists) is a report that packer2aib wrote, by how it begins: a run
   * replaces its earlier report, never another file (a template, an output of the run).
   */
  static boolean isReport(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(64), StandardCharsets.UTF_8);
      return REPORT_START.matcher(head).find();
    } catch (IOException e) {
      return false;
    }
  }

  Format format() {
    return format;
  }

  /** Starts the entry of the next input; inputs are numbered from 0 in the order added. */
  void input(String name, List<Diagnostic> diagnostics) {
    Entry e = new Entry(name);
    e.diagnostics.addAll(diagnostics);
    entries.add(e);
  }

  /** Records that input {@code index} produced {@code output}. */
  void output(int index, String output) {
    entries.get(index).outputs.add(output);
  }

  /** Records a problem of the CLI itself with input {@code index}. */
  void problem(int index, CliCode code, String detail) {
    entries.get(index).diagnostics.add(code.diagnostic(detail));
  }

  /**
   * The rendered report; {@code failed} holds the indexes of the inputs that failed, the decisions
   * of {@code ignored} codes are marked, and {@code run} holds the diagnostics about the run as a
   * whole ({@link Report#runDiagnostics}).
   */
  String render(Set<Integer> failed, IgnoredCodes ignored, List<Diagnostic> run) {
    List<InputReport> inputs = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      inputs.add(
          InputReport.of(e.name, e.diagnostics, failed.contains(i), e.outputs, ignored::ignores));
    }
    ConversionReport report = new ConversionReport(inputs, checkOnly, run);
    return format == Format.JSON ? ReportJson.render(report) : ReportMarkdown.render(report);
  }

  void write(String text) throws IOException {
    createFolder();
    AtomicFiles.write(target, text);
  }

  /** Writes the report that {@code body} writes, without holding it whole in memory. */
  void write(AtomicFiles.Body body) throws IOException {
    createFolder();
    AtomicFiles.write(target, body);
  }

  /**
   * Creates the report's folder when it is missing, as the output folder is: a report in a folder
   * that did not exist failed only after the outputs were written (exit 1 with them in place).
   */
  void createFolder() throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
  }
}
