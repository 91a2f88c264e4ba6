package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bug in the core: exit 70, one line asking for a report, a stack trace only on request. */
class InternalErrorTest {
  @TempDir Path tmp;

  private final FakeEngine failing =
      new FakeEngine(
          f -> {
            throw new IllegalStateException("boom in the mapper");
          });

  private static final String LINE =
      "internal error: boom in the mapper — please report this with the input that caused it\n";

  @Test
  void exceptionIsExit70WithoutStackTrace() throws IOException {
    Path a = Templates.write(tmp, "a.json", "x");
    Path out = tmp.resolve("out");

    CliRun r = CliRun.with().engine(failing).run("convert", "-o", out.toString(), a.toString());

    assertEquals(70, r.exitCode());
    assertEquals("", r.out());
    assertEquals(
        LINE + "(set PACKER2AIB_DEBUG=1 or pass --debug to see the stack trace)\n", r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void runningOutOfMemoryIsExit70WithOneLineAndNoStackTrace() throws IOException {
    Path a = Templates.write(tmp, "a.json", "x");
    FakeEngine exhausted =
        new FakeEngine(
            f -> {
              throw new OutOfMemoryError("Java heap space");
            });

    CliRun r = CliRun.with().engine(exhausted).run("convert", a.toString());

    assertEquals(70, r.exitCode());
    assertTrue(r.err().startsWith("internal error: out of memory: the Java heap ("), r.err());
    // More than this JVM had: twice its heap in whole GiB, at least 4.
    long heapMib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    long advised = Math.max(4, (2 * heapMib + 1023) / 1024);
    assertTrue(advised * 1024 > heapMib);
    assertTrue(r.err().contains("give the JVM more with JAVA_OPTS=-Xmx" + advised + "g,"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void debugFlagAddsTheStackTrace() {
    Path a = Templates.write(tmp, "a.json", "x");

    CliRun r = CliRun.with().engine(failing).run("convert", "--debug", a.toString());

    assertEquals(70, r.exitCode());
    assertTrue(
        r.err().startsWith(LINE + "java.lang.IllegalStateException: boom in the mapper\n"),
        r.err());
    assertTrue(r.err().contains("\tat "), r.err());
  }

  @Test
  void debugFlagBeforeTheCommandWorksToo() {
    Path a = Templates.write(tmp, "a.json", "x");

    CliRun r = CliRun.with().engine(failing).run("--debug", "validate", a.toString());

    assertEquals(70, r.exitCode());
    assertTrue(r.err().contains("\tat "), r.err());
  }

  @Test
  void debugEnvironmentVariableAddsTheStackTrace() {
    Path a = Templates.write(tmp, "a.json", "x");

    CliRun r =
        CliRun.with()
            .engine(failing)
            .env(Map.of("PACKER2AIB_DEBUG", "1"))
            .run("validate", a.toString());

    assertEquals(70, r.exitCode());
    assertTrue(r.err().startsWith(LINE), r.err());
    assertTrue(r.err().contains("\tat "), r.err());
  }

  @Test
  void stackOverflowInTheCoreIsAnInternalErrorNamingTheInput() {
    Path a = Templates.write(tmp, "deep.json", "x");
    FakeEngine overflowing =
        new FakeEngine(
            f -> {
              throw new StackOverflowError();
            });

    CliRun r = CliRun.with().engine(overflowing).run("convert", a.toString());

    assertEquals(70, r.exitCode());
    assertTrue(
        r.err().startsWith("internal error: stack overflow while processing " + a + " — "),
        r.err());
  }

  @Test
  void secretsInTheMessageAreScrubbed() {
    Path a = Templates.write(tmp, "a.json", "x");
    FakeEngine leaking =
        new FakeEngine(
            f -> {
              throw new IllegalStateException("bad value client_secret = \"hunter2\"");
            });

    CliRun r = CliRun.with().engine(leaking).run("convert", a.toString());

    assertEquals(70, r.exitCode());
    assertFalse(r.err().contains("hunter2"), r.err());
  }
}
