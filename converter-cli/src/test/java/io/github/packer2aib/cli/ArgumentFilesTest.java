package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @file} arguments are split as a shell splits a command line. */
class ArgumentFilesTest {
  @TempDir Path tmp;

  @Test
  void quotesJoinTheirWordAsInAShell() throws Exception {
    assertEquals(
        List.of("--var", "client_secret=a b", "--only", "azure-arm.*", "x y", "it's", "q\"q\\"),
        ArgumentFiles.words(
            "--var client_secret=\"a b\"\n# a comment\n--only 'azure-arm.*' \"x y\"\n"
                + "it\"'\"s \"q\\\"q\\\\\""));
    assertEquals(List.of("a#b", "c"), ArgumentFiles.words("a#b # not c\nc"));
    assertEquals(List.of(""), ArgumentFiles.words("''"));
  }

  @Test
  void anUnclosedQuoteIsAProblemThatShowsNoValue() {
    ArgumentFiles.Problem p =
        assertThrows(ArgumentFiles.Problem.class, () -> ArgumentFiles.words("pw=\"s3cret"));
    assertFalse(p.getMessage().contains("s3cret"), p.getMessage());
  }

  @Test
  void aSecretInAnArgumentFileNeverBecomesAFileName() {
    Path args = Templates.write(tmp, "args.txt", "--var client_secret=\"Fz2-S3cret\"\n");
    Path input = Templates.write(tmp, "t.json", Templates.VALID_AIB);

    CliRun r = CliRun.run("convert", "@" + args, input.toString());

    assertFalse(r.err().contains("Fz2-S3cret"), r.err());
    assertFalse(r.out().contains("Fz2-S3cret"), r.out());
    assertTrue(r.err().contains("--var applies to Packer templates only"), r.err());
  }

  @Test
  void onlyARegularFileOfAtMostAMebibyteIsRead() throws Exception {
    CliRun device = CliRun.run("convert", "@/dev/zero", "x.json");
    assertEquals(2, device.exitCode());
    assertEquals(
        "error: argument file /dev/zero is not a regular file (a character device)\n"
            + "Try 'packer2aib --help' for more information.\n",
        device.err());
    Path big = Templates.write(tmp, "big.txt", "a ".repeat(ArgumentFiles.MAX_BYTES));
    assertEquals(2, CliRun.run("convert", "@" + big).exitCode());
    // @ alone, a missing file and @@ stay arguments.
    assertEquals(
        List.of("@", "@missing-file", "@name"),
        List.of(ArgumentFiles.expand(new String[] {"@", "@missing-file", "@@name"})));
  }
}
