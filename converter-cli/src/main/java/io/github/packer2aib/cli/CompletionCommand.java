package io.github.packer2aib.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;

/** {@code packer2aib completion}: prints a bash completion script for all commands and options. */
final class CompletionCommand implements Callable<Integer> {

  private CommandSpec spec;

  private CompletionCommand() {}

  /** The model of {@code completion}, bound to a new command. */
  static CommandSpec spec() {
    CompletionCommand command = new CompletionCommand();
    CommandSpec spec = Packer2AibCommand.subcommand(command, "completion");
    command.spec = spec;
    spec.usageMessage()
        .description(
            "Prints a bash completion script on standard output.",
            "",
            "Load it in the current shell with:",
            "  source <(packer2aib completion)",
            "");
    StandardOptions.addTo(spec);
    return spec;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("packer2aib", spec.root().commandLine()));
    out.flush();
    return ExitCodes.OK;
  }
}
