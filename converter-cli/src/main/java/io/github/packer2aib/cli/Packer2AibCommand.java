package io.github.packer2aib.cli;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top command. It does nothing itself (without a subcommand picocli reports a usage error); it
 * holds what the subcommands share: standard input and the engine, reached through
 * {@code @ParentCommand}. Its subcommands are added by {@link Main#commandLine}, which skips the
 * ones a run does not need (see {@link #SUBCOMMANDS}).
 */
@Command(
    name = "packer2aib",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Converts templates into Azure VM Image Builder (AIB) image templates and validates them"
          + " against the AIB REST API specs. Reads AIB templates in JSON (also ARM deployment"
          + " templates) and YAML; Packer input is being added.",
      ""
    },
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nExamples:%n",
    footer = {
      "  packer2aib convert image.yaml > image.json",
      "  packer2aib convert -o out --format yaml a.json b.yaml",
      "  packer2aib validate --strict out/*.json",
      "  packer2aib inspect --var location=westeurope images/ubuntu/",
      "  source <(packer2aib completion)"
    })
final class Packer2AibCommand {

  /**
   * The subcommands in the order --help lists them. Building a subcommand's model from its
   * annotations is a large part of the start-up time, so a run names one of the {@link
   * #WORK_COMMANDS} builds only that one (see {@link Main#commandLine}).
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ConvertCommand.class,
          ValidateCommand.class,
          InspectCommand.class,
          CompletionCommand.class,
          HelpCommand.class);

  /**
   * The subcommands whose runs never look at their siblings (the help and completion commands
   * describe the whole tree), with their classes.
   */
  static final Map<String, Class<?>> WORK_COMMANDS =
      Map.of(
          "convert", ConvertCommand.class,
          "validate", ValidateCommand.class,
          "inspect", InspectCommand.class);

  /** Prints stack traces of internal errors; for bug reports, so it is not in --help. */
  @Option(names = "--debug", hidden = true, scope = ScopeType.INHERIT)
  boolean debug;

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

  /** The process environment ({@code PKR_VAR_*}, {@code SOURCE_DATE_EPOCH}), injectable in tests. */
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
