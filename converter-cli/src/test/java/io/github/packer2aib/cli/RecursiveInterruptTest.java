package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** JSON files beside the templates that are no templates: candidates, skipped once read. */
  private static final int OTHER_JSON = TEMPLATES / 10;

  /**
   * The templates to convert, each with a warning (an unknown field), and every tenth with a JSON
   * file beside it that is no template.
   */
  private Path inputs() {
    Path in = tmp.resolve("in");
    for (int i = 0; i < TEMPLATES; i++) {
      String name = String.format(Locale.ROOT, "t%04d", i);
      BulkTrees.put(
          in,
          name + ".json",
          BulkTrees.legacy(name).replace("\"os_type\"", "\"no_such_field\": 1, \"os_type\""));
      if (i % 10 == 0) {
        BulkTrees.put(in, name + "-package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}\n");
      }
    }
    return in;
  }

  /**
   * Runs {@code convert -r} on {@code in} into {@code out} with {@code extra} options in a child
   * JVM, and stops it by SIGTERM once it has written some outputs (and, with {@code waitForStderr},
   * something on stderr); returns its stderr.
   */
  private String stopped(Path in, Path out, boolean waitForStderr, String... extra)
      throws Exception {
    Path stderr = tmp.resolve("stderr.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "io.github.packer2aib.cli.Main",
                "convert",
                "-r",
                "--identity",
                BulkTrees.IDENTITY,
                "--jobs",
                "2"));
    command.addAll(List.of(extra));
    command.addAll(List.of("-o", out.toString(), in.toString()));
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile())
            .start();
    // Stop it once it has written something, while it still has most of the work before it.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (p.isAlive()
        && (countFiles(out) < 20 || (waitForStderr && Files.size(stderr) == 0))
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    p.destroy(); // SIGTERM: the same shutdown hooks as Ctrl-C's SIGINT
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run did not stop");
    assumeTrue(p.exitValue() != 0, "the run finished before it could be stopped");
    assertEquals(128 + 15, p.exitValue());
    return Files.readString(stderr, StandardCharsets.UTF_8);
  }

  @Test
  void aStoppedRunLeavesWholeFilesAndSaysHowFarItGot() throws Exception {
    assumeTrue(File.separatorChar == '/', "signals as on POSIX systems");
    Path in = inputs();
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");

    String err = stopped(in, out, false, "--progress", "lines", "--report", report.toString());

    // Candidates, as the progress line counts them, and of those finished the inputs and their
    // templates: "of 3300 templates" counted the JSON files that are no templates.
    Matcher notice =
        Pattern.compile(
                "(?s)(?:.*\n)?interrupted: (\\d+) of "
                    + (TEMPLATES + OTHER_JSON)
                    + " candidates finished \\((\\d+) inputs?, (\\d+) templates?\\); the output"
                    + " files written so far are complete, and no report was written\n")
            .matcher(err);
    assertTrue(notice.matches(), err);
    int finished = Integer.parseInt(notice.group(1));
    int inputs = Integer.parseInt(notice.group(2));
    assertTrue(inputs <= finished, err);
    // Each of these inputs holds one template (none fails).
    assertEquals(inputs, Integer.parseInt(notice.group(3)), err);
    assertFalse(Files.exists(report));
    // Nor the report's parts written so far (hidden files beside it).
    try (Stream<Path> beside = Files.list(tmp)) {
      assertEquals(
          List.of("in", "out", "stderr.txt"),
          beside.map(f -> f.getFileName().toString()).sorted().toList());
    }
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

  /** The inputs finished and their templates apart, as the summary counts them. */
  @Test
  void theNoticeCountsCandidatesAsTheProgressLineDoesAndTheInputsAndTemplatesApart() {
    assertEquals(
        "interrupted: 7 of 602 candidates finished (6 inputs, 9 templates); the output files"
            + " written so far are complete",
        BulkRun.interrupted(7, 6, 9, 602, false, false));
    assertEquals(
        "interrupted: 1 of 2 candidates checked (1 input, 1 template); nothing was written, and no"
            + " report was written",
        BulkRun.interrupted(1, 1, 1, 2, true, true));
  }

  @Test
  void aStoppedRunWithJsonDiagnosticsLeavesOneWholeJsonArrayOnStderr() throws Exception {
    assumeTrue(File.separatorChar == '/', "signals as on POSIX systems");

    String err =
        stopped(
            inputs(), tmp.resolve("out"), true, "--diagnostics-format", "json", "--show-warnings");

    // The diagnostics of the templates reported before the stop, streamed, and the array closed.
    JsonNode array = new ObjectMapper().readTree(err);
    assertTrue(array.isArray(), err);
    assertTrue(array.size() > 0, err);
    Set<String> codes = new TreeSet<>();
    array.forEach(d -> codes.add(d.get("code").asText()));
    // Each template's note on its VM size, and warnings on its lack of a generalization step and
    // on its unknown field.
    assertEquals(Set.of("PKRMAP-N121", "PKRMAP-W407", "PKRMAP-W101"), codes);
    assertEquals(0, array.size() % 3, err);
    assertTrue(err.endsWith("\n]\n"), err);
  }

  @Test
  void aStoppedRunWithSarifDiagnosticsLeavesOneWholeLogOnStderr() throws Exception {
    assumeTrue(File.separatorChar == '/', "signals as on POSIX systems");

    String err =
        stopped(
            inputs(), tmp.resolve("out"), true, "--diagnostics-format", "sarif", "--show-warnings");

    // The results of the templates reported before the stop, and the log ended with its rules.
    JsonNode run = new ObjectMapper().readTree(err).get("runs").get(0);
    JsonNode results = run.get("results");
    assertTrue(results.size() > 0, err);
    assertEquals(0, results.size() % 3, err);
    Set<String> rules = new TreeSet<>();
    run.get("tool").get("driver").get("rules").forEach(r -> rules.add(r.get("id").asText()));
    assertEquals(Set.of("PKRMAP-N121", "PKRMAP-W407", "PKRMAP-W101"), rules);
    assertTrue(err.endsWith("}\n"), err);
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
