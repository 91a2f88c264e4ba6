package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.Binding.bind;

import io.github.packer2aib.core.DiagnosticCatalogue;
import io.github.packer2aib.core.diag.DiagnosticCode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code packer2aib codes}: lists every diagnostic code, with its severity and summary, so that a
 * team can look one up, or find the codes to pass to {@code --ignore} (which takes the library's
 * warnings and notes) without waiting for a template to show them.
 */
final class CodesCommand implements Callable<Integer> {
  /**
   * Codes that only a program calling the library can meet: the CLI checks the same input itself
   * first and refuses it with its own message, so no run reports them. They stay listed, marked, as
   * README mentions them and a library caller looks them up here too.
   */
  static final Set<String> LIBRARY_ONLY =
      Set.of(
          "PKR-E024", // a --var without NAME= is a usage error; a settings file's vars: SET-E011
          "PKRMAP-E312"); // a bad --script/file-base-uri is a usage error; in settings: SET-E009

  private CommandSpec spec;
  private List<String> prefixes = new ArrayList<>();

  private CodesCommand() {}

  /** The model of {@code codes}, bound to a new command. */
  static CommandSpec spec() {
    CodesCommand command = new CodesCommand();
    CommandSpec spec = Packer2AibCommand.subcommand(command, "codes");
    command.spec = spec;
    spec.usageMessage()
        .description(
            "Lists the diagnostic codes: code, severity, whether --ignore takes it, and summary.",
            "",
            "A code marked \"(library callers only)\" is not reported by any run: the CLI"
                + " refuses that input itself first (a usage error, or a settings file's own"
                + " code); a program that calls the library can meet it.",
            "")
        .footerHeading("%nExamples:%n")
        .footer("  packer2aib codes", "  packer2aib codes PKRMAP-W RULE-", "");
    spec.addPositional(
        bind(
                PositionalParamSpec.builder()
                    .index("0..*")
                    .paramLabel("PREFIX")
                    .arity("0..*")
                    .type(List.class)
                    .auxiliaryTypes(String.class)
                    .description(
                        "List only the codes that start with one of these (in any case), such as"
                            + " PKRMAP-W or RULE-."),
                () -> command.prefixes,
                v -> command.prefixes = v)
            .build());
    StandardOptions.addTo(spec);
    return spec;
  }

  @Override
  public Integer call() {
    List<DiagnosticCode> codes = new ArrayList<>(DiagnosticCatalogue.all());
    codes.addAll(List.of(CliCode.values()));
    // By area, then number: an area's errors, warnings and notes share one series of numbers.
    codes.sort(
        Comparator.comparing((DiagnosticCode c) -> c.id().substring(0, c.id().indexOf('-')))
            .thenComparing(c -> c.id().substring(c.id().indexOf('-') + 2)));
    List<DiagnosticCode> shown = new ArrayList<>();
    for (DiagnosticCode c : codes) {
      if (prefixes.isEmpty() || prefixes.stream().anyMatch(p -> starts(c.id(), p))) {
        shown.add(c);
      }
    }
    if (shown.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "no diagnostic code starts with "
              + String.join(" or ", prefixes.stream().map(p -> "'" + p + "'").toList())
              + "; codes look like PKRMAP-W301 (area, E/W/N for error, warning or note, number)");
    }
    int width = 0;
    for (DiagnosticCode c : shown) {
      width = Math.max(width, c.id().length());
    }
    PrintWriter out = spec.commandLine().getOut();
    for (DiagnosticCode c : shown) {
      boolean ignorable = DiagnosticCatalogue.whyNotIgnorable(c.id()).isEmpty();
      out.print(
          String.format(
              Locale.ROOT,
              "%-" + width + "s  %-7s  %-9s  %s%s%n",
              c.id(),
              c.severity().label(),
              ignorable ? "ignorable" : "",
              c.summary(),
              LIBRARY_ONLY.contains(c.id()) ? " (library callers only)" : ""));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static boolean starts(String id, String prefix) {
    return id.regionMatches(true, 0, prefix.trim(), 0, prefix.trim().length());
  }
}
