package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The export lines of a shell step whose env_var_format puts the values in double quotes ({@code
 * %s="%s" }) or leaves them unquoted ({@code %s=%s }): run by real shells, each line gives the
 * variable the value Packer's command line {@code NAME="value" /tmp/script.sh} gives it.
 */
class ShellEnvFormatTest {

  /** The shells a Linux VM runs steps with: dash as /bin/sh on Ubuntu, and bash. */
  private static final List<String> SHELLS = List.of("/bin/sh", "/bin/bash");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$HOME/bin:$PATH",
        "${HOME}/x",
        "${UNSET:-fallback value}",
        "${#HOME}",
        "\\$HOME stays",
        "a\\b and \\\\ and \\\" quoted",
        "`echo back`ticks",
        "$(echo a b) $((1 + 2))",
        "$(printf '%s' ')')",
        "a\\\nb",
        "line\nbreak",
        "* ? [a] ~ # ! { , }",
        "tail $",
        "tab\tand unicode é",
        ""
      })
  void doubleQuotedValuesExpandAsOnPackersCommandLine(String value, @TempDir Path dir)
      throws Exception {
    String marked = ShellText.markExpansions(value, true);
    String export = "export K=" + ShellText.exportValue(marked);
    for (String shell : SHELLS) {
      assertEquals(
          run(shell, "K=\"" + value + "\" " + printK(dir), dir),
          run(shell, export + "\n" + printK(dir), dir),
          shell + ": " + export);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$HOME/bin:$PATH",
        "${HOME}/x",
        "$(echo a b)",
        "`date +%Y`",
        "a\\ b\\$c",
        "a~b",
        "*?[a]#!{x,y}",
        "plain-1.2"
      })
  void unquotedValuesExpandAsOnPackersCommandLine(String value, @TempDir Path dir)
      throws Exception {
    String marked = ShellText.markExpansions(value, false);
    String export = "export K=" + ShellText.exportValue(marked);
    for (String shell : SHELLS) {
      assertEquals(
          run(shell, "K=" + value + " " + printK(dir), dir),
          run(shell, export + "\n" + printK(dir), dir),
          shell + ": " + export);
    }
  }

  @Test
  void valuesThatMakeNoOneWordAreNotRewritten() {
    // Double quotes: a " ends them; a construct left open or holding what is not rewritten.
    assertNull(ShellText.markExpansions("a\"b", true));
    assertNull(ShellText.markExpansions("ends in \\", true));
    assertNull(ShellText.markExpansions("$(echo", true));
    assertNull(ShellText.markExpansions("${X", true));
    assertNull(ShellText.markExpansions("`date", true));
    assertNull(ShellText.markExpansions("$(dirname \"$0\")", true));
    assertNull(ShellText.markExpansions("${X:-'a'}", true));
    // Unquoted: blanks, quotes, operators, a ~ the shell expands.
    assertNull(ShellText.markExpansions("a b", false));
    assertNull(ShellText.markExpansions("it's", false));
    assertNull(ShellText.markExpansions("a;b", false));
    assertNull(ShellText.markExpansions("~/bin", false));
    assertNull(ShellText.markExpansions("/a:~/bin", false));
  }

  /** A command that runs a script printing K, as Packer's {@code {{ .Vars }} {{ .Path }}}. */
  private static String printK(Path dir) throws IOException {
    Path script = dir.resolve("print.sh");
    Files.writeString(script, "printf '[%s]' \"$K\"\n", StandardCharsets.UTF_8);
    return "sh " + script;
  }

  private static String run(String shell, String script, Path dir)
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of(shell)), "needs " + shell);
    Path file = dir.resolve("step.sh");
    Files.writeString(file, script + "\n", StandardCharsets.UTF_8);
    ProcessBuilder b = new ProcessBuilder(shell, "-e", file.toString()).directory(dir.toFile());
    b.environment().put("HOME", "/home/packer");
    b.environment().put("PATH", "/usr/bin:/bin");
    b.environment().remove("UNSET");
    Process p = b.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "shell did not finish");
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
