package io.github.packer2aib.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options that only Packer templates use: variables and data sources, usage filters, and the
 * mapping's settings (--location, the base URIs, --build-timeout, ...). An AIB template is already
 * in Image Builder's terms, so they change nothing for one; a run whose inputs hold no Packer
 * template says so (CLI-W004) rather than ignore what the user asked for without a word.
 */
final class PackerOnlyOptions {
  private final List<OptionSpec> options;

  private PackerOnlyOptions(List<OptionSpec> options) {
    this.options = options;
  }

  /** Adds the Packer input and mapping options to {@code spec} and keeps which they are. */
  static PackerOnlyOptions addTo(
      CommandSpec spec, PackerInputOptions packerInput, MappingOptions mapping) {
    int before = spec.options().size();
    packerInput.addTo(spec);
    mapping.addTo(spec);
    return new PackerOnlyOptions(
        List.copyOf(spec.options().subList(before, spec.options().size())));
  }

  /** The long names of the ones the command line gave, in the order they are declared. */
  List<String> given(ParseResult parsed) {
    List<String> names = new ArrayList<>();
    for (OptionSpec o : options) {
      if (parsed.hasMatchedOption(o)) {
        names.add(o.longestName());
      }
    }
    return names;
  }

  /**
   * Warns that the options given were not used, when no input was a Packer template and {@code
   * aibInput} (the first input read) was an AIB template. A warning about the run, not about an
   * input: it fails none, even under {@code --strict} (as CLI-W003).
   */
  void tellUnused(CommandSpec spec, Report report, String aibInput) {
    List<String> names = given(spec.commandLine().getParseResult());
    if (!names.isEmpty()) {
      report.cli(CliCode.PACKER_OPTIONS_UNUSED, line(names), detail(names, aibInput));
    }
  }

  /** What CLI-W004 says in text mode, after "warning: ". */
  static String line(List<String> names) {
    return list(names)
        + (names.size() == 1 ? " applies" : " apply")
        + " to Packer templates only, and no input is one: not used";
  }

  /** The detail of CLI-W004 about {@code names}, with an AIB input of the run. */
  static String detail(List<String> names, String aibInput) {
    return list(names)
        + (names.size() == 1 ? " applies" : " apply")
        + " to Packer templates only, and no input of this run is one ("
        + aibInput
        + " is an AIB template), so "
        + (names.size() == 1 ? "it changed" : "they changed")
        + " nothing. Set the values in the AIB template itself, or leave the "
        + (names.size() == 1 ? "option" : "options")
        + " out.";
  }

  private static String list(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }
}
