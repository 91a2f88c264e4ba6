package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.testing.SharedFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.packer2aib.core.hcl.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against Packer 1.6.6's own evaluator ({@code packer console}, through {@code
 * ../shared/tools/packer-eval.sh}): every {@code p} line of the function table is evaluated by
 * Packer and by us, and both must give the same rendering. Successful calls are batched, 50 per
 * process, as {@code [jsonencode(e1), ..., jsonencode(e50)]}; failing calls run one per process
 * (one error stops Packer's whole expression). Skips when packer or the shared folder is missing.
 */
class PackerDifferentialTest {
  private static final int BATCH = 50;

  private static Path evalScript;

  @TempDir static Path templateDir;

  @BeforeAll
  static void locateTools() throws IOException {
    evalScript =
        SharedFolder.find()
            .map(shared -> shared.resolve("tools").resolve("packer-eval.sh"))
            .filter(Files::isRegularFile)
            .orElse(null);
    Files.writeString(
        templateDir.resolve("t.pkr.hcl"),
        "variable \"x\" {\n  type    = string\n  default = \"a\"\n}\n",
        StandardCharsets.UTF_8);
  }

  private static boolean packerInstalled() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, "packer"))) {
        return true;
      }
    }
    return false;
  }

  private static void assumeOracle() {
    assumeTrue(evalScript != null, "../shared/tools/packer-eval.sh not found: differential test skipped");
    assumeTrue(packerInstalled(), "packer is not installed (run .ci/install-oracles): differential test skipped");
  }

  /** Runs packer-eval on one expression; returns stdout and whether it succeeded. */
  private static String[] packer(String expression) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder("bash", evalScript.toString(), templateDir.resolve("t.pkr.hcl").toString(), expression);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("packer console timed out");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    return new String[] {p.exitValue() == 0 && !text.startsWith("Error:") ? "ok" : "error", text};
  }

  /** Packer's error output as the table writes it: {@code ERROR: summary | detail}. */
  static String packerError(String out) {
    String[] lines = out.split("\n", -1);
    String summary = lines[0].startsWith("Error: ") ? lines[0].substring(7) : lines[0];
    int i = 0;
    while (i < lines.length && !lines[i].contains("source code not available")) {
      i++;
    }
    List<String> detail = new ArrayList<>();
    for (int k = i + 1; k < lines.length; k++) {
      if (!lines[k].isBlank()) {
        detail.add(lines[k].trim());
      }
    }
    return "ERROR: " + summary + " | " + String.join(" ", detail);
  }

  @Test
  void successfulCallsAgreeWithPacker() throws Exception {
    assumeOracle();
    FunctionRegistry registry = TestFunctions.registry();
    List<TestFunctions.Case> cases =
        TestFunctions.table().stream()
            .filter(c -> c.tag().equals("p") && !c.expected().startsWith("ERROR:"))
            .collect(Collectors.toList());
    List<String> mismatches = new ArrayList<>();
    for (int start = 0; start < cases.size(); start += BATCH) {
      List<TestFunctions.Case> batch = cases.subList(start, Math.min(cases.size(), start + BATCH));
      String expr =
          batch.stream()
              .map(c -> "jsonencode(" + c.expression() + ")")
              .collect(Collectors.joining(", ", "jsonencode([", "])"));
      String[] result = packer(expr);
      assertEquals("ok", result[0], "packer failed on a batch: " + result[1]);
      List<Value> rendered = Json.decode(result[1].trim(), -1).elements();
      assertEquals(batch.size(), rendered.size());
      for (int i = 0; i < batch.size(); i++) {
        TestFunctions.Case c = batch.get(i);
        String theirs = rendered.get(i).asString();
        String ours = TestFunctions.render(registry, c.expression());
        if (!theirs.equals(ours)) {
          mismatches.add("line " + c.line() + " " + c.expression() + "\n  packer: " + theirs + "\n  ours:   " + ours);
        }
      }
    }
    assertEquals(List.of(), mismatches, "results that differ from Packer 1.6.6");
  }

  @Test
  void failingCallsFailLikePacker() throws Exception {
    assumeOracle();
    FunctionRegistry registry = TestFunctions.registry();
    List<String> mismatches = new ArrayList<>();
    for (TestFunctions.Case c : TestFunctions.table()) {
      if (!c.tag().equals("p") || !c.expected().startsWith("ERROR:")) {
        continue;
      }
      String[] result = packer("jsonencode(" + c.expression() + ")");
      String theirs = result[0].equals("ok") ? result[1].trim() : packerError(result[1]);
      String ours = TestFunctions.render(registry, c.expression());
      if (!theirs.equals(ours)) {
        mismatches.add("line " + c.line() + " " + c.expression() + "\n  packer: " + theirs + "\n  ours:   " + ours);
      }
    }
    assertEquals(List.of(), mismatches, "errors that differ from Packer 1.6.6");
  }
}
