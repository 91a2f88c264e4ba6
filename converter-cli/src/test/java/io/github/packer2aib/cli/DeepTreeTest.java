package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convert -r} walks a folder tree of any depth: discovery reads the top levels on several
 * threads and the rest without recursion. Run in a JVM of its own with small thread stacks
 * ({@code -Xss256k}), so that walking with a stack frame (let alone a task) per level would
 * overflow, however well the test JVM has compiled the code by then.
 */
class DeepTreeTest {
  @TempDir Path tmp;

  @Test
  void aTreeOfAThousandLevelsIsWalkedToTheBottom() throws IOException, InterruptedException {
    Path root = tmp.resolve("r");
    Path deep = root.resolve("a/".repeat(1000));
    Files.createDirectories(deep);
    Files.writeString(deep.resolve("notes.txt"), "not a template\n");
    Path out = tmp.resolve("out");

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xss256k",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "convert",
                    "-r",
                    root.toString(),
                    "-o",
                    out.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running");

    assertFalse(output.contains("internal error"), output);
    assertEquals(0, p.exitValue(), output);
    // The one file at the bottom was found and skipped as what it is.
    assertTrue(output.matches("(?s).*skipped \\(not templates\\) +1\\b.*"), output);
  }
}
