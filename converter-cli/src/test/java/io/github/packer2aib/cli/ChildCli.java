package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI in a child JVM with this test's class path, for what a test cannot change in its own
 * JVM: the locale the file names are spelt in, the stack size.
 */
final class ChildCli {
  private ChildCli() {}

  /** The exit code and the output (stdout and stderr together) of one run. */
  record Run(int exitCode, String output) {}

  /**
   * Runs {@code args} with the JVM options {@code jvm}; {@code environment} sets variables, and a
   * null value removes one.
   */
  static Run run(List<String> jvm, Map<String, String> environment, List<String> args)
      throws IOException, InterruptedException {
    return run(null, jvm, environment, args);
  }

  /** {@link #run(List, Map, List)} in the working directory {@code directory} (null: this one). */
  static Run run(
      Path directory, List<String> jvm, Map<String, String> environment, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      pb.directory(directory.toFile());
    }
    environment.forEach(
        (name, value) -> {
          if (value == null) {
            pb.environment().remove(name);
          } else {
            pb.environment().put(name, value);
          }
        });
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running");
    return new Run(p.exitValue(), output);
  }
}
