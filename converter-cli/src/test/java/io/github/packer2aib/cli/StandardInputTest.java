package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convert -} with standard input closed ({@code <&-}): the JVM's first opened file, the
 * JDK's {@code lib/modules}, took fd 0, and the run read it ("larger than 64 MiB"). It now says
 * that standard input is closed.
 */
class StandardInputTest {
  @TempDir Path tmp;

  private final String javaHome = System.getProperty("java.home");
  private int links;

  /** A stand-in for /proc/self/fd/0 that leads to {@code target}. */
  private Path fd0(String target) throws IOException {
    Path link = tmp.resolve("fd0-" + links++);
    Files.createSymbolicLink(link, Path.of(target));
    return link;
  }

  @Test
  void aFileOfTheJdkInPlaceOfStandardInputMeansItWasClosed() throws IOException {
    assertTrue(StandardInput.takenByTheJvm(fd0(javaHome + "/lib/modules"), javaHome));
    assertTrue(
        StandardInput.takenByTheJvm(
            fd0(Path.of(javaHome).toRealPath().resolve("lib/modules").toString()), javaHome));
  }

  @Test
  void whatAUserGivesIsStandardInput() throws IOException {
    for (String target :
        List.of("pipe:[26035840]", "/dev/null", "/dev/pts/3", tmp.resolve("t.json").toString())) {
      assertFalse(StandardInput.takenByTheJvm(fd0(target), javaHome), target);
    }
    assertFalse(StandardInput.takenByTheJvm(tmp.resolve("no-such-link"), javaHome));
    assertFalse(StandardInput.takenByTheJvm(fd0(javaHome + "/lib/modules"), ""));
  }

  @Test
  void convertingAClosedStandardInputSaysSo() throws IOException {
    StandardInput closed =
        new StandardInput(
            new ByteArrayInputStream(Templates.VALID_AIB.getBytes(StandardCharsets.UTF_8)),
            fd0(javaHome + "/lib/modules"),
            javaHome);

    CliRun r = CliRun.with().stdin(closed).run("convert", "-");

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err().startsWith("error: cannot read <stdin>: standard input is closed [CLI-E001]\n"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void anOpenStandardInputIsReadAsBefore() throws IOException {
    StandardInput open =
        new StandardInput(
            new ByteArrayInputStream(Templates.VALID_AIB.getBytes(StandardCharsets.UTF_8)),
            fd0("pipe:[1]"),
            javaHome);

    CliRun r = CliRun.with().stdin(open).run("convert", "-");

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\"runOutputName\""), r.out());
  }

  @Test
  void aProcessWhoseStandardInputIsClosedSaysSo() throws Exception {
    assumeTrue(Files.isSymbolicLink(Path.of("/proc/self/fd/0")), "no /proc here");
    Path java = Path.of(javaHome, "bin", "java");
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "exec \"$0\" -XX:TieredStopAtLevel=1 -cp \"$1\" \"$2\" convert - <&-",
                java.toString(),
                System.getProperty("java.class.path"),
                Main.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running");

    assertEquals(1, p.exitValue(), output);
    assertTrue(output.startsWith("error: cannot read <stdin>: standard input is closed [CLI-E001]\n"), output);
  }
}
