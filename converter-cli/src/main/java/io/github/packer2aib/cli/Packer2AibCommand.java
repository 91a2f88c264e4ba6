package io.github.packer2aib.cli;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The top command. It does nothing itself (without a subcommand picocli reports a usage error); it
 * holds what the subcommands share: standard input and the engine. Its subcommands are added by
 * {@link Main#commandLine}, which skips the ones a run does not need (see {@link #SUBCOMMANDS}).
 *
 * <p>Every command's model is built by code ({@link #spec}, {@code ConvertCommand.spec}, ...), not
 * from picocli annotations: reading those by reflection took a cold {@code convert} some 90 ms,
 * more than parsing and converting a small template.
 */
final class Packer2AibCommand {

  /**
   * The subcommands in the order --help lists them, each as what {@code addSubcommand} takes. The
   * help command is picocli's own, built from its annotations; it is only in the runs that show the
   * whole tree, never in a run of one of the {@link #WORK_COMMANDS}.
   */
  static final Map<String, Function<Packer2AibCommand, Object>> SUBCOMMANDS = subcommands();

  /**
   * The subcommands whose runs never look at their siblings (the help and completion commands
   * describe the whole tree).
   */
  static final Set<String> WORK_COMMANDS = Set.of("convert", "validate", "inspect");

  private static Map<String, Function<Packer2AibCommand, Object>> subcommands() {
    Map<String, Function<Packer2AibCommand, Object>> commands = new LinkedHashMap<>();
    commands.put("convert", ConvertCommand::spec);
    commands.put("validate", ValidateCommand::spec);
    commands.put("inspect", InspectCommand::spec);
    commands.put("codes", parent -> CodesCommand.spec());
    commands.put("completion", parent -> CompletionCommand.spec());
    commands.put("help", parent -> HelpCommand.class);
    return commands;
  }

  private final InputStream stdin;
  private final Supplier<Engine> engineFactory;
  private final Map<String, String> environment;
  private Engine engine;

  Packer2AibCommand(
      InputStream stdin, Supplier<Engine> engineFactory, Map<String, String> environment) {
    this.stdin = stdin;
    this.engineFactory = engineFactory;
    this.environment = Map.copyOf(environment);
  }

  /** The model of the top command, without its subcommands. */
  CommandSpec spec() {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("packer2aib");
    spec.versionProvider(new VersionProvider());
    spec.usageMessage()
        .description(
            "Converts templates into Azure VM Image Builder (AIB) image templates and validates"
                + " them against the AIB REST API specs. Reads Packer templates (HCL2 files and"
                + " folders, legacy JSON) and AIB templates in JSON (also ARM deployment templates)"
                + " and YAML.",
            "")
        .synopsisSubcommandLabel("COMMAND")
        .footerHeading("%nExamples:%n")
        .footer(
            "  packer2aib convert image.yaml > image.json",
            "  packer2aib convert -o out --format yaml a.json b.yaml",
            "  packer2aib validate --strict out/*.json",
            "  packer2aib inspect --var location=westeurope images/ubuntu/",
            "  source <(packer2aib completion)");
    // Prints stack traces of internal errors; for bug reports, so it is not in --help. Every
    // subcommand inherits it; Main reads it from the parse result.
    spec.addOption(
        OptionSpec.builder("--debug")
            .type(boolean.class)
            .hidden(true)
            .scopeType(ScopeType.INHERIT)
            .initialValue(false)
            .build());
    StandardOptions.addTo(spec);
    return spec;
  }

  /**
   * A new subcommand's model, to be filled in by its class: it runs {@code command} and prints the
   * same version as the top command.
   */
  static CommandSpec subcommand(Object command, String name) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
    spec.versionProvider(new VersionProvider());
    return spec;
  }

  /**
   * The process environment ({@code PKR_VAR_*}, {@code SOURCE_DATE_EPOCH}), injectable in tests.
   */
  Map<String, String> environment() {
    return environment;
  }

  InputStream stdin() {
    return stdin;
  }

  Engine engine() {
    if (engine == null) {
      engine = engineFactory.get();
    }
    return engine;
  }
}
