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
    out.print(script(AutoComplete.bash("packer2aib", spec.root().commandLine())));
    out.flush();
    return ExitCodes.OK;
  }

  /** The line of picocli's script that registers its entry point for our names. */
  static final String PICOCLI_COMPLETE =
      "complete -F _complete_packer2aib -o default packer2aib packer2aib.sh packer2aib.bash";

  /**
   * Bash splits a word at '=' (it is in {@code COMP_WORDBREAKS}), so {@code --format=<TAB>} gave
   * picocli's functions the words {@code --format} and {@code =}, the current word being {@code =}
   * (and {@code --format=js} three words): they found no option before the current word and offered
   * nothing, for the very form the help's synopsis shows ({@code [--format=FORMAT]}). The script's
   * entry point is now a function that hands them the words as if a space had been typed instead of
   * the '=' after an option; bash still replaces only what follows the '='.
   */
  static String script(String picocli) {
    int at = picocli.lastIndexOf(PICOCLI_COMPLETE);
    if (at < 0) {
      throw new IllegalStateException(
          "picocli's completion script has no line: " + PICOCLI_COMPLETE);
    }
    // Before the comment that explains the registration, which then names the new function.
    int comment = picocli.lastIndexOf("\n# Define a completion specification", at) + 1;
    int wrapper = comment > 0 ? comment : at;
    return picocli.substring(0, wrapper)
        + EQUALS_WRAPPER
        + picocli
            .substring(wrapper, at)
            .replace("`_complete_packer2aib`", "`_complete_packer2aib_values`")
        + PICOCLI_COMPLETE.replace("_complete_packer2aib", "_complete_packer2aib_values")
        + picocli.substring(at + PICOCLI_COMPLETE.length());
  }

  private static final String EQUALS_WRAPPER =
      """
      # Completes the value of an option written with '=' (--format=<TAB>, -o=di<TAB>) as after a
      # space: bash splits such a word at '=' (COMP_WORDBREAKS), and _complete_packer2aib gets the
      # words as if a space had been typed instead of that '='.
      function _complete_packer2aib_values() {
        local -a COMP_WORDS=("${COMP_WORDS[@]}")
        local COMP_CWORD=$COMP_CWORD
        local equals=$((COMP_CWORD - 1))
        if [[ ${COMP_WORDS[COMP_CWORD]} == "=" ]]; then
          equals=$COMP_CWORD
        fi
        if (( equals >= 1 )) && [[ ${COMP_WORDS[equals]} == "=" && ${COMP_WORDS[equals-1]} == -* ]]; then
          if (( equals == COMP_CWORD )); then
            COMP_WORDS[COMP_CWORD]=""
          else
            COMP_WORDS=("${COMP_WORDS[@]:0:equals}" "${COMP_WORDS[@]:COMP_CWORD}")
            COMP_CWORD=$equals
          fi
        fi
        _complete_packer2aib "$@"
      }

      """;
}
