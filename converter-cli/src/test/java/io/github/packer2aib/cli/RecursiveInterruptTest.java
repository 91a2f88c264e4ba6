package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convert -r} stopped by a termination signal while it writes (the JVM's shutdown hooks are
 * what Ctrl-C runs too): it says how far it got, and leaves only whole output files, each the one
 * an uninterrupted run writes, and no temporary file. Runs the real launcher class in a child JVM.
 */
class RecursiveInterruptTest {
  @TempDir Path tmp;

  private static final int TEMPLATES = 3000;

  @Test
  void aStoppedRunLeavesWholeFilesAndSaysHowFarItGot() throws Exception {
    assumeTrue(File.separatorChar == '/', "signals as on POSIX systems");
    Path in = tmp.resolve("in");
    for (int i = 0; i < TEMPLATES; i++) {
      String name = String.format("t%04d", i);
      BulkTrees.put(in, name + ".json", BulkTrees.legacy(name));
    }
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");
    Path stderr = tmp.resolve("stderr.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "io.github.packer2aib.cli.Main",
                "convert",
                "-r",
                "--identity",
                BulkTrees.IDENTITY,
                "--jobs",
                "2",
                "--progress",
                "lines",
                "--report",
                report.toString(),
                "-o",
                out.toString(),
                in.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile())
            .start();
    // Stop it once it has written something, while it still has most of the work before it.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (p.isAlive() && countFiles(out) < 20 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    p.destroy(); // SIGTERM: the same shutdown hooks as Ctrl-C's SIGINT
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run did not stop");
    assumeTrue(p.exitValue() != 0, "the run finished before it could be stopped");

    assertEquals(128 + 15, p.exitValue());
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertTrue(
        err.matches(
            "(?s)(.*\n"
                + ")?interrupted: \\d+ of 3000 templates finished; the output files written so far"
                + " are complete, and no report was written\n"),
        err);
    assertFalse(Files.exists(report));
    TreeMap<String, String> left = BulkTrees.files(out);
    assertTrue(left.size() < TEMPLATES, "stopped early: " + left.size());
    List<String> temporary = new ArrayList<>();
    for (String name : left.keySet()) {
      if (!name.matches("t\\d{4}\\.json")) {
        temporary.add(name);
      }
    }
    assertEquals(List.of(), temporary);
    // Each file left is exactly what a complete run writes for its template.
    Path whole = tmp.resolve("whole");
    Path some = tmp.resolve("some");
    for (Map.Entry<String, String> f : left.entrySet()) {
      Files.copy(in.resolve(f.getKey()), Files.createDirectories(some).resolve(f.getKey()));
    }
    CliRun complete =
        CliRun.run(
            "convert",
            "-r",
            "--identity",
            BulkTrees.IDENTITY,
            "-o",
            whole.toString(),
            some.toString());
    assertEquals(0, complete.exitCode(), complete.err());
    assertEquals(BulkTrees.files(whole), left);
  }

  private static long countFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }
}
