package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.ApiVersion;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help, version and completion: the parts of the command line that read no input. */
class MainTest {

  private static final List<String> EXIT_CODE_LINES =
      List.of(
          "   0   OK: every input converted or valid (warnings allowed).",
          "   1   Input error: an input had errors, could not be read or written, or had",
          "   2   Usage error: unknown option, bad option value, no input, or several",
          "  70   Internal error: a bug in packer2aib; please report it with the input");

  @Test
  void theCompletionScriptKeepsEachOptionsValuesApart() {
    // Picocli's script keeps the values of an option in a variable named after its parameter
    // label: two options of one command with the same label offered the last one's values.
    String script = CliRun.run("completion").out();
    Pattern values = Pattern.compile("local (\\w+)_option_args=");
    for (String function : script.split("\nfunction ")) {
      Set<String> seen = new HashSet<>();
      Matcher m = values.matcher(function);
      while (m.find()) {
        assertTrue(seen.add(m.group(1)), m.group(1) + " twice in " + function.lines().findFirst());
      }
    }
    assertTrue(script.contains("(\"explicit\" \"latest\") # --gallery-versioning values"), script);
  }

  @Test
  void versionPrintsTheBuildVersion() {
    CliRun r = CliRun.run("--version");

    assertEquals(0, r.exitCode());
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].matches("packer2aib \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), r.out());
    assertEquals(
        "AIB API versions 2019-05-01-preview to 2025-10-01 (default "
            + ApiVersion.DEFAULT.id()
            + ")",
        lines[1]);
    assertEquals("", r.err());
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    CliRun r = CliRun.run("--help");

    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("Usage: packer2aib [-hV] COMMAND\n"), r.out());
    for (String command : List.of("convert", "validate", "completion", "help")) {
      assertTrue(r.out().contains("\n  " + command + " "), command + " in\n" + r.out());
    }
    assertTrue(r.out().contains("\nExit codes:\n"), r.out());
    for (String line : EXIT_CODE_LINES) {
      assertTrue(r.out().contains(line), line + " in\n" + r.out());
    }
    assertFalse(r.out().contains("--debug"), "hidden option shown");
  }

  @Test
  void subcommandHelpListsItsOptionsAndTheExitCodes() {
    CliRun r = CliRun.run("convert", "--help");

    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("Usage: packer2aib convert "), r.out());
    for (String option :
        List.of(
            "--output=DIR",
            "--format=FORMAT",
            "--api-version=VER",
            "--identity=RESOURCE_ID",
            "--strict",
            "--quiet",
            "--diagnostics-format=KIND",
            "--stdin-name=NAME")) {
      assertTrue(r.out().contains(option), option + " in\n" + r.out());
    }
    for (String line : EXIT_CODE_LINES) {
      assertTrue(r.out().contains(line), line + " in\n" + r.out());
    }
  }

  @Test
  void helpCommandShowsTheHelpOfACommand() {
    CliRun r = CliRun.run("help", "validate");

    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("Usage: packer2aib validate "), r.out());
  }

  @Test
  void completionPrintsABashScriptForAllCommands() {
    CliRun r = CliRun.run("completion");

    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out().substring(0, 80));
    assertTrue(r.out().contains("complete -F _complete_packer2aib"), "complete -F");
    for (String word :
        List.of("convert", "validate", "completion", "--api-version", "--stdin-name")) {
      assertTrue(r.out().contains(word), word);
    }
    assertTrue(r.out().contains("2025-10-01"), "API versions are completion candidates");
    // Each option's values get their own array (named after the parameter label).
    assertTrue(r.out().contains("local FORMAT_option_args=(\"json\" \"yaml\")"), "formats");
    assertTrue(r.out().contains("local KIND_option_args=(\"text\" \"json\" \"sarif\")"), "kinds");
    assertTrue(
        r.out().contains("positionals=$( compgen -f -- \"${curr_word}\" ) # files"), "INPUT");
  }

  @Test
  void aRunOfAWorkCommandBuildsOnlyThatSubcommand() {
    for (String command : List.of("convert", "validate", "inspect")) {
      CommandLine cmd =
          Main.commandLine(
              new String[] {"--debug", command, "x.json"},
              InputStream.nullInputStream(),
              Engine::core,
              Map.of());

      assertEquals(Set.of(command), cmd.getSubcommands().keySet());
    }
  }

  @Test
  void runsThatShowTheCommandsBuildThemAll() {
    for (String[] args :
        List.<String[]>of(
            new String[] {},
            new String[] {"--help"},
            new String[] {"help", "convert"},
            new String[] {"completion"},
            new String[] {"conver", "x.json"},
            new String[] {"@args.txt"})) {
      CommandLine cmd =
          Main.commandLine(args, InputStream.nullInputStream(), Engine::core, Map.of());

      assertEquals(
          List.of("convert", "validate", "inspect", "codes", "completion", "help"),
          List.copyOf(cmd.getSubcommands().keySet()),
          String.join(" ", args));
    }
  }

  @Test
  void aRunThatOnlyAsksForTheVersionBuildsNoSubcommand() {
    for (String[] args :
        List.<String[]>of(
            new String[] {"--version"}, new String[] {"-V"}, new String[] {"--debug", "-V"})) {
      CommandLine cmd =
          Main.commandLine(args, InputStream.nullInputStream(), Engine::core, Map.of());

      assertEquals(Set.of(), cmd.getSubcommands().keySet(), String.join(" ", args));
    }
  }

  @Test
  void versionWithAnythingElseBuildsTheWholeTree() {
    for (String[] args :
        List.<String[]>of(
            new String[] {"-V", "--help"}, new String[] {"-Vh"}, new String[] {"-V", "conver"})) {
      assertEquals(
          List.of("convert", "validate", "inspect", "codes", "completion", "help"),
          Main.subcommandsFor(args),
          String.join(" ", args));
    }
  }

  @Test
  void aMistypedCommandIsStillSuggested() {
    CliRun r = CliRun.run("conver", "x.json");

    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("convert"), r.err());
  }
}
