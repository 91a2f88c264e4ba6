package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arguments that start with '-' but are no options. picocli reads {@code -abc} as the short options
 * {@code -a -b -c} clustered, so a file {@code -hosts.yaml} was {@code -h -o sts.yaml}: the help
 * was printed and nothing validated, exit 0, and {@code validate --strict $(git ls-files '*.yaml')}
 * passed in CI. Such arguments are usage errors that say how to name the file; clusters of real
 * options keep working.
 */
class DashArgumentsTest {
  @TempDir Path tmp;

  private static final String TRY_VALIDATE =
      "Try 'packer2aib validate --help' for more information.\n";

  @Test
  void anArgumentThatClustersHelpWithOtherLettersIsAUsageErrorNotTheHelp() {
    CliRun r = CliRun.run("validate", "--strict", "-hosts.yaml");

    assertEquals(2, r.exitCode(), r.err());
    assertEquals("", r.out(), "no help printed");
    assertEquals(
        "error: Unknown option: '-hosts.yaml'; for a file or folder whose name starts with '-',"
            + " write ./-hosts.yaml, or put -- before the file names\n"
            + TRY_VALIDATE,
        r.err());
  }

  @Test
  void helpOrVersionClusteredWithOptionsThatExistIsAUsageErrorToo() {
    // -hosts.yaml in convert, which has -o: -h -o sts.yaml, all of them options.
    CliRun help = CliRun.run("convert", "-hosts.yaml");
    CliRun version = CliRun.run("convert", "-Vosts.yaml");

    assertEquals(2, help.exitCode(), help.err());
    assertEquals("", help.out());
    assertEquals(
        "error: '-hosts.yaml' is read as -h (--help) with other options, which would print the"
            + " help and do nothing else: write -h alone; for a file or folder whose name starts"
            + " with '-', write ./-hosts.yaml, or put -- before the file names\n"
            + "Try 'packer2aib convert --help' for more information.\n",
        help.err());
    assertEquals(2, version.exitCode(), version.err());
    assertEquals("", version.out());
    assertTrue(
        version.err().startsWith("error: '-Vosts.yaml' is read as -V (--version) with other"),
        version.err());
    assertEquals(2, CliRun.run("-Vx").exitCode());
    assertEquals(2, CliRun.run("validate", "-qh").exitCode());
    // -h and -V alone together: the help, as -V --help.
    CliRun both = CliRun.run("-Vh");
    assertEquals(0, both.exitCode(), both.err());
    assertTrue(both.out().startsWith("Usage: packer2aib"), both.out());
  }

  @Test
  void anUnknownShortOptionBesideAnInputIsNamedNotAMissingInput() {
    CliRun alone = CliRun.run("validate", "-x.yaml");

    assertEquals(2, alone.exitCode());
    assertEquals(
        "error: Unknown option: '-x.yaml'; for a file or folder whose name starts with '-', write"
            + " ./-x.yaml, or put -- before the file names\n"
            + TRY_VALIDATE,
        alone.err());
  }

  @Test
  void aMistypedOptionWithOneDashKeepsItsSuggestionAndNoFileAdvice() {
    CliRun r = CliRun.run("validate", "-strict", "t.yaml");

    assertEquals(2, r.exitCode());
    assertEquals(
        "error: Unknown option: '-strict'\nDid you mean: --strict?\n" + TRY_VALIDATE, r.err());
  }

  @Test
  void theValueOfAnUnknownClusterIsNotEchoed() {
    CliRun r = CliRun.run("validate", "-pw=hunter2", "t.yaml");

    assertEquals(2, r.exitCode());
    assertFalse(r.err().contains("hunter2"), r.err());
    assertTrue(r.err().startsWith("error: Unknown option: '-pw'\n"), r.err());
  }

  @Test
  void clustersOfRealOptionsValuesAndFilesAfterTwoDashesStillWork() throws Exception {
    Path in = Templates.write(tmp, "web.json", Templates.VALID_AIB);
    Path out = tmp.resolve("out");

    // -rq: -r -q; -qo OUT: -o's value is the next argument; -oOUT: attached.
    assertEquals(0, CliRun.run("validate", "-rq", tmp.toString()).exitCode());
    CliRun next = CliRun.run("convert", "-qo", out.toString(), in.toString());
    assertEquals(0, next.exitCode(), next.err());
    assertTrue(Files.isRegularFile(out.resolve("web.json")));
    CliRun attached = CliRun.run("convert", "-qo" + tmp.resolve("o2"), in.toString());
    assertEquals(0, attached.exitCode(), attached.err());
    // An option's value is not taken for a cluster (picocli refuses one that looks like an
    // option, with its own message; the help is never printed).
    CliRun value = CliRun.run("validate", "--stdin-name", "-hx", "-");
    assertEquals(2, value.exitCode(), value.err());
    assertEquals("", value.out());
    assertTrue(value.err().contains("'--stdin-name'"), value.err());
    // After --, an argument is an input whatever it looks like.
    CliRun after = CliRun.run("validate", "-q", "--", "-hosts.yaml");
    assertEquals(1, after.exitCode(), after.err());
    assertTrue(after.err().contains("cannot read -hosts.yaml"), after.err());
  }

  @Test
  void anArgumentThatNamesAFileHereSaysSo() throws Exception {
    Files.writeString(tmp.resolve("-hosts.yaml"), "x: [\n");
    Files.createDirectories(tmp.resolve("-hcl"));

    ChildCli.Run file =
        ChildCli.run(tmp, List.of(), Map.of(), List.of("validate", "--strict", "-hosts.yaml"));
    ChildCli.Run folder = ChildCli.run(tmp, List.of(), Map.of(), List.of("convert", "-hcl"));

    assertEquals(2, file.exitCode(), file.output());
    assertEquals(
        "error: '-hosts.yaml' is read as options, but no option is spelt so, and it names a file"
            + " here: write ./-hosts.yaml, or put -- before the file names\n"
            + TRY_VALIDATE,
        file.output());
    assertEquals(2, folder.exitCode(), folder.output());
    assertTrue(
        folder.output().contains("and it names a folder here: write ./-hcl,"), folder.output());
  }
}
