package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write to standard output that fails (a full disk, {@code > /dev/full}): every command that
 * prints a result says so and exits 1, where it said "converted" and exited 0 with an empty file. A
 * reader that went away ({@code | head -1}) is no error.
 */
class StandardOutputTest {
  @TempDir Path tmp;

  /** Standard output whose every write fails with {@code message}. */
  private static final class Failing extends OutputStream {
    private final String message;

    Failing(String message) {
      this.message = message;
    }

    @Override
    public void write(int b) throws IOException {
      throw new IOException(message);
    }
  }

  private record Run(int exitCode, String err) {}

  private Run run(OutputStream stdout, String stdin, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.runProcess(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            stdout,
            err,
            Map.of(),
            Engine::core);
    return new Run(code, err.toString(StandardCharsets.UTF_8));
  }

  private List<List<String>> commandsThatPrint() {
    Path hcl =
        Templates.write(
            tmp,
            "main.pkr.hcl",
            "source \"azure-arm\" \"a\" {\n  location = \"westeurope\"\n}\n"
                + "build {\n  sources = [\"source.azure-arm.a\"]\n}\n");
    return List.of(
        List.of("convert", "-"),
        List.of("validate", "-"),
        List.of("inspect", hcl.toString()),
        List.of("codes"),
        List.of("completion"),
        List.of("--help"));
  }

  @Test
  void aFullDiskOnStandardOutputIsAnErrorOfEveryCommand() {
    for (List<String> args : commandsThatPrint()) {
      Run r =
          run(
              new Failing("No space left on device"),
              Templates.VALID_AIB,
              args.toArray(String[]::new));

      assertEquals(1, r.exitCode(), args + ": " + r.err());
      assertTrue(
          r.err().endsWith("error: cannot write standard output: No space left on device\n"),
          args + ": " + r.err());
      assertFalse(r.err().contains("Exception"), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void aReaderThatWentAwayIsNoError() {
    for (List<String> args : commandsThatPrint()) {
      Run r = run(new Failing("Broken pipe"), Templates.VALID_AIB, args.toArray(String[]::new));

      assertEquals(0, r.exitCode(), args + ": " + r.err());
      assertFalse(r.err().contains("standard output"), args + ": " + r.err());
    }
  }

  @Test
  void aRunThatFailedAnywayKeepsItsExitCode() {
    Run r = run(new Failing("No space left on device"), Templates.BROKEN_JSON, "convert", "-");

    assertEquals(1, r.exitCode(), r.err());
    Run usage = run(new Failing("No space left on device"), "", "convert", "--no-such-option");
    assertEquals(2, usage.exitCode(), usage.err());
  }

  @Test
  void aWholeProcessWritingIntoDevFullExitsOne() throws Exception {
    // The real standard output, as the shell gives it: what the JVM's own streams do with it.
    File full = new File("/dev/full");
    assumeTrue(full.exists(), "no /dev/full here");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("completion");
    Path errFile = tmp.resolve("err.txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(full)
            .redirectError(errFile.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running");

    assertEquals(1, p.exitValue());
    assertEquals(
        "error: cannot write standard output: No space left on device\n",
        Files.readString(errFile));
  }
}
