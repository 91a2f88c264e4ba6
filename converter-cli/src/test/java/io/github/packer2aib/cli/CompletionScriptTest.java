package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash completion script, run by bash with the words bash hands a completion function. Bash
 * splits a word at '=' (COMP_WORDBREAKS): {@code --format=<TAB>} gives the words {@code --format}
 * and {@code =}, and {@code --format=y<TAB>} the words {@code --format}, {@code =} and {@code y}.
 * picocli's script offered nothing for them.
 */
class CompletionScriptTest {
  @TempDir Path tmp;

  @Test
  void valuesAreCompletedAfterAnEqualsSignAsAfterASpace() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no bash");
    CliRun completion = CliRun.run("completion");
    assertEquals(0, completion.exitCode(), completion.err());
    Path script = Files.writeString(tmp.resolve("completion.bash"), completion.out());
    Files.createDirectories(tmp.resolve("work/dir1"));
    Files.writeString(tmp.resolve("work/a.json"), "{}");
    Path driver =
        Files.writeString(
            tmp.resolve("driver.bash"),
            """
            source "$1"
            compopt() { :; } # only works while bash completes a line
            fn=$(complete -p packer2aib | sed 's/.* -F \\([^ ]*\\) .*/\\1/')
            # t CWORD WORD...: what the completion function offers for these words.
            t() {
              COMP_CWORD=$1; shift; COMP_WORDS=("$@"); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
              COMPREPLY=()
              "$fn" packer2aib "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
              printf '%s\\n' "${COMPREPLY[@]}" | LC_ALL=C sort | paste -sd ' ' -
            }
            t 3 packer2aib convert --format =
            t 4 packer2aib convert --format = y
            t 3 packer2aib convert --format ''
            t 5 packer2aib convert -r --progress = l
            t 4 packer2aib validate --diagnostics-format = s
            t 4 packer2aib convert --api-version = 2022-07
            t 4 packer2aib convert -o = d
            t 3 packer2aib inspect --var-file =
            t 2 packer2aib convert --form
            t 4 packer2aib convert --var location = x
            """);
    Process bash =
        new ProcessBuilder("/bin/bash", driver.toString(), script.toString())
            .directory(tmp.resolve("work").toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash did not finish");

    assertEquals(
        List.of(
            "json yaml",
            "yaml",
            "json yaml",
            "lines",
            "sarif",
            "2022-07-01",
            "dir1",
            "a.json dir1",
            "--format",
            // NAME=VALUE of --var: no option before the '=', so no value list (and no file x)
            ""),
        List.of(out.split("\n", -1)).subList(0, 10),
        out);
  }
}
