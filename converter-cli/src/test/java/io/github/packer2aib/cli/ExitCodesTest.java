package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command's --help lists the codes it can exit with, those of Ctrl-C and SIGTERM too: CI
 * authors read --help for them, and it listed 0, 1, 2 and 70 as if complete (codes, completion and
 * help listed none).
 */
class ExitCodesTest {
  @Test
  void everyCommandsHelpListsEveryExitCodeWithTheSignals() {
    List<List<String>> helps = new ArrayList<>(List.of(List.of("--help")));
    for (String command : Packer2AibCommand.SUBCOMMANDS.keySet()) {
      helps.add(List.of(command, "--help"));
    }
    for (List<String> args : helps) {
      String help = CliRun.run(args.toArray(String[]::new)).out();
      int list = help.indexOf("\nExit codes:\n");
      assertTrue(list >= 0, args + ":\n" + help);
      String codes = help.substring(list);
      for (String code : List.of("0", "1", "2", "70", "130", "143")) {
        assertTrue(codes.matches("(?s).*\n +" + code + "   [A-Z].*"), args + ": " + code + codes);
      }
    }
  }
}
