package io.github.packer2aib.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code packer2aib completion}: prints a bash completion script for all commands and options. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Prints a bash completion script on standard output.",
      "",
      "Load it in the current shell with:",
      "  source <(packer2aib completion)",
      ""
    })
final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("packer2aib", spec.root().commandLine()));
    out.flush();
    return ExitCodes.OK;
  }
}
