package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shell and PowerShell text the mapper writes: quoting and byte-exact file writes. */
class TextWritersTest {

  @Test
  void shellQuotesOnlyWhatNeedsIt() {
    assertEquals("/etc/app.conf", ShellText.quote("/etc/app.conf"));
    assertEquals("'a b'", ShellText.quote("a b"));
    assertEquals("'it'\\''s'", ShellText.quote("it's"));
    assertEquals("''", ShellText.quote(""));
    assertEquals("'$HOME'", ShellText.quote("$HOME"));
  }

  @Test
  void pathVariablesExpandOnlyWhereScpExpandsThem() {
    assertEquals("/home/\"$USER\"/x.conf", ShellText.quotePath("/home/$USER/x.conf", 11));
    assertEquals("\"${APP}\"/bin/run", ShellText.quotePath("${APP}/bin/run", 10));
    assertEquals("~/\"$D\"'/a b'", ShellText.quotePath("~/$D/a b", 4));
    // The file's own name (past the expandable part) and any other $ stay text.
    assertEquals("/etc/\"$A\"'/$B.conf'", ShellText.quotePath("/etc/$A/$B.conf", 7));
    assertEquals("'/etc/$(id)/x'", ShellText.quotePath("/etc/$(id)/x", 10));
    assertEquals("'/etc/$1/x'", ShellText.quotePath("/etc/$1/x", 7));
  }

  @Test
  void hereDocumentDelimiterAvoidsContentLines() {
    assertEquals("PACKER2AIB_EOF", ShellText.delimiter(List.of("a", "b")));
    assertEquals(
        "PACKER2AIB_EOF_2", ShellText.delimiter(List.of("PACKER2AIB_EOF", "PACKER2AIB_EOF_1")));
  }

  /** Runs the generated lines with /bin/sh -e (as Image Builder runs inline commands). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain\n",
        "no final newline",
        "",
        "\n",
        "\n\n",
        "quotes ' \" and $HOME and `date` and \\ backslash\n",
        "PACKER2AIB_EOF\nafter\n",
        "crlf line\r\nsecond\r\n",
        "unicode é € 漢字\n\ttab\n",
        "trailing spaces   \n  \n"
      })
  void shellWritesFilesByteForByte(String content, @TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    Path target = dir.resolve("out file");
    List<String> lines = ShellText.writeFile(target.toString(), content);
    run(String.join("\n", lines) + "\n", dir);
    assertArrayEquals(content.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
  }

  private static void run(String script, Path dir) throws IOException, InterruptedException {
    Path file = dir.resolve("step.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder("/bin/sh", "-e", file.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "shell did not finish");
    assertEquals(0, p.exitValue(), output);
  }

  @Test
  void powerShellQuotesSingleAndTypographicQuotes() {
    assertEquals("'it''s'", PowerShellText.quote("it's"));
    assertEquals("'a\u2019\u2019b'", PowerShellText.quote("a\u2019b"));
    assertEquals("'$env:X'", PowerShellText.quote("$env:X"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain\n",
        "no final newline",
        "crlf\r\nlines\r\n",
        "quote 'x' and ''\n",
        "",
        "\n",
        "unicode é\n",
        "mixed\r\nendings\n",
        "lone\rcarriage\n",
        "tab\tand \u0001 control\n"
      })
  void powerShellWritesFilesByteForByte(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    List<String> lines = PowerShellText.writeFile("C:\\out.txt", bytes);
    assertArrayEquals(bytes, simulate(lines));
  }

  /**
   * A tiny interpreter for exactly the two forms {@link PowerShellText#writeFile} produces, so the
   * test checks what PowerShell would write without needing PowerShell.
   */
  private static byte[] simulate(List<String> lines) {
    String last = lines.get(lines.size() - 1);
    if (lines.size() == 1) {
      assertEquals("[IO.File]::WriteAllText('C:\\out.txt', '')", last);
      return new byte[0];
    }
    List<String> literals = new ArrayList<>();
    for (int i = 1; i < lines.size() - 2; i++) {
      literals.add(unquote(lines.get(i).trim()));
    }
    if (lines.get(0).startsWith("$packer2aibBytes")) {
      assertEquals("[IO.File]::WriteAllBytes('C:\\out.txt', $packer2aibBytes)", last);
      return Base64.getDecoder().decode(String.join("", literals));
    }
    assertEquals("$packer2aibLines = @(", lines.get(0));
    assertEquals(")", lines.get(lines.size() - 2));
    String joiner = last.contains("\"`r`n\"") ? "\r\n" : "\n";
    String text =
        String.join(joiner, literals)
            + (last.endsWith(" + \"`n\")") || last.endsWith(" + \"`r`n\")") ? joiner : "");
    for (char c : text.toCharArray()) {
      if (c > 0x7E) {
        throw new AssertionError("readable form must be ASCII");
      }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String unquote(String literal) {
    assertEquals('\'', literal.charAt(0));
    assertEquals('\'', literal.charAt(literal.length() - 1));
    return literal.substring(1, literal.length() - 1).replace("''", "'");
  }
}
