package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The help's lines are broken at spaces only: picocli broke after a '.', ',' or '[' ({@code *.} /
 * {@code pkr.hcl}, {@code --data data.} / {@code hcp-packer-image.base.id=ID}, {@code
 * [--ignore=CODE[,} / {@code CODE...]]...}), and an example went on without a {@code \}.
 */
class HelpTextTest {

  /**
   * Every command's help holds the very words picocli lays out on unbroken lines, in the same
   * order: breaking lines changed only the spaces (and added {@code \} to broken examples).
   */
  @Test
  void everyHelpKeepsEveryWordWhole() {
    CommandLine top =
        Main.commandLine(new String[0], InputStream.nullInputStream(), () -> null, Map.of());
    List<CommandLine> commands = new ArrayList<>(List.of(top));
    commands.addAll(top.getSubcommands().values());
    for (CommandLine c : commands) {
      String name = c.getCommandSpec().qualifiedName();
      String broken = c.getUsageMessage();
      // picocli's own sections, at the width HelpText gives it: each paragraph on one line.
      c.getCommandSpec()
          .usageMessage()
          .width(HelpText.UNWRAPPED)
          .sectionMap(new UsageMessageSpec().sectionMap());
      String unbroken = c.getUsageMessage();

      assertEquals(words(unbroken), words(broken.replace(" \\\n", "\n")), name);
      for (String line : broken.split("\n")) {
        assertTrue(
            line.length() <= HelpText.WIDTH || !line.strip().contains(" "),
            name + ": a line longer than " + HelpText.WIDTH + ": " + line);
      }
    }
  }

  private static List<String> words(String text) {
    return Arrays.asList(text.strip().split("\\s+"));
  }

  @Test
  void theInspectHelpKeepsWhatUsersCopyOnOneLine() {
    CliRun r = CliRun.run("inspect", "--help");

    List<String> lines = List.of(r.out().split("\n"));
    for (String whole :
        List.of(
            "[--ignore=CODE[,CODE...]]...",
            "*.auto.pkrvars.hcl",
            "--data data.hcp-packer-image.base.id=ID.",
            "--ignore PKRMAP-W301,PKRMAP-N102):",
            "*.auto.pkrvars.* files.")) {
      assertTrue(lines.stream().anyMatch(l -> l.contains(whole)), whole + " in\n" + r.out());
    }
    assertTrue(
        r.out()
            .contains(
                "  packer2aib inspect --var location=westeurope --var-file prod.pkrvars.hcl \\\n"
                    + "    images/ubuntu/\n"),
        r.out());
  }

  @Test
  void aCommandIsBrokenWithABackslashAndAWordTooLongIsLeftWhole() {
    String example = "  packer2aib convert " + "--var x=1 ".repeat(8) + "in.json";
    List<String> lines = HelpText.wrap(example, 2, 4, " \\");

    assertEquals(
        List.of(
            "  packer2aib convert --var x=1 --var x=1 --var x=1 --var x=1 --var x=1 \\",
            "    --var x=1 --var x=1 --var x=1 in.json"),
        lines);
    String glob = "x".repeat(90) + "/*.pkr.hcl";
    assertEquals(
        List.of("Files such as", glob, "are read."),
        HelpText.wrap("Files such as " + glob + " are read.", 0, 0, ""));
    assertFalse(HelpText.wrap("short line", 0, 0, "").size() > 1);
  }
}
