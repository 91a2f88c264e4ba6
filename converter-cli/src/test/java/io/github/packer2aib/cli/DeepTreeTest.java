package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convert -r} walks a folder tree of any depth: discovery reads the top levels on several
 * threads and the rest without recursion. Run in a JVM of its own with small thread stacks ({@code
 * -Xss256k}), so that walking with a stack frame (let alone a task) per level would overflow,
 * however well the test JVM has compiled the code by then.
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

    ChildCli.Run run =
        ChildCli.run(
            List.of("-Xss256k"),
            Map.of(),
            List.of("convert", "-r", root.toString(), "-o", out.toString()));
    String output = run.output();

    assertFalse(output.contains("internal error"), output);
    assertEquals(0, run.exitCode(), output);
    // The one file at the bottom was found and skipped as what it is.
    assertTrue(output.matches("(?s).*skipped \\(not templates\\) +1\\b.*"), output);
  }
}
