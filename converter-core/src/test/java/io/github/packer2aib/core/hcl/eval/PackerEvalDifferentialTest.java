package io.github.packer2aib.core.hcl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.parse.hcl.HclParseResult;
import io.github.packer2aib.core.parse.hcl.HclParser;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.SharedFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator against Packer 1.6.6's own ({@code packer console} through {@code
 * ../shared/tools/packer-eval.sh}) on the table {@code hcl/eval-differential.tsv}, in the context
 * of the variables and locals of {@code hcl/eval-differential.pkr.hcl}.
 *
 * <p>{@link #tableMatchesOurEvaluator} always runs: our result for every line must be the table's
 * expected column ({@code -Dgolden.update=true} rewrites that column). {@link
 * #packerAgreesWithTheTable} runs when packer is installed: Packer must give the expected column
 * for every {@code p} line (successful ones batched 50 per process as {@code
 * jsonencode([jsonencode(e1), …])}, failing ones one per process, since one error stops Packer's
 * whole expression), and must still differ on every {@code d} line (a documented deviation).
 */
class PackerEvalDifferentialTest {
  private static final Path TABLE = Paths.get("src/test/resources/hcl/eval-differential.tsv");
  private static final Path TEMPLATE =
      Paths.get("src/test/resources/hcl/eval-differential.pkr.hcl");
  private static final int BATCH = 50;

  @TempDir Path work;

  record Line(int number, String tag, String expression, String expected) {}

  static List<Line> table() throws IOException {
    List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("\t", -1);
      if (parts.length != 3 || !(parts[0].equals("p") || parts[0].equals("d"))) {
        throw new IllegalStateException("line " + (i + 1) + ": want tag, expression, expected");
      }
      if (parts[0].equals("d") && !lines.get(i - 1).startsWith("# deviation:")) {
        throw new IllegalStateException(
            "line " + (i + 1) + ": a d line needs a # deviation: reason");
      }
      out.add(new Line(i + 1, parts[0], parts[1], parts[2]));
    }
    return out;
  }

  // ---- our side ---------------------------------------------------------------------------------

  /** The template's variables and locals, bound the simple way Packer binds them. */
  static EvalContext templateContext(FunctionRegistry functions) throws IOException {
    String text = Files.readString(TEMPLATE, StandardCharsets.UTF_8);
    HclParseResult parsed = new HclParser().parse(new SourceFile("template.pkr.hcl", text));
    assertEquals(List.of(), parsed.diagnostics());
    Map<String, Value> vars = new LinkedHashMap<>();
    for (Block b : parsed.body().blocks("variable")) {
      EvalContext none = EvalContext.of(Map.of(), functions);
      Value v =
          Evaluator.evaluate(b.body().attribute("default").orElseThrow().expression(), none)
              .value();
      Optional<Attribute> type = b.body().attribute("type");
      if (type.isPresent()) {
        v =
            Evaluator.typeConstraint(type.get().expression())
                .constraint()
                .orElseThrow()
                .apply(v)
                .value();
      }
      vars.put(b.labelValues().get(0), v);
    }
    Map<String, Value> locals = new LinkedHashMap<>();
    for (Block b : parsed.body().blocks("locals")) {
      for (Attribute a : b.body().attributes()) {
        EvalContext ctx =
            EvalContext.of(
                Map.of("var", Value.object(vars), "local", Value.object(locals)), functions);
        EvalResult r = Evaluator.evaluate(a.expression(), ctx);
        assertEquals(List.of(), r.diagnostics(), "local." + a.name());
        locals.put(a.name(), r.value());
      }
    }
    return EvalContext.of(
        Map.of("var", Value.object(vars), "local", Value.object(locals)), functions);
  }

  /**
   * Our result as the table writes it: {@code jsonencode(expression)} evaluated by us, as Packer
   * evaluates it, in a file named as Packer names console input.
   */
  static String ours(EvalContext ctx, String expression) {
    EvalResult r =
        Evaluator.evaluate(
            EvalTesting.parse("<console-input>", "jsonencode(" + expression + ")"), ctx);
    Optional<Diagnostic> error = r.diagnostics().stream().filter(Diagnostic::isError).findFirst();
    if (error.isPresent()) {
      return "ERROR: " + error.get().summary() + " | " + oneLine(error.get().detail());
    }
    return r.value().unmarked().asString();
  }

  private static String oneLine(String s) {
    return s.replace("\n", " ").replaceAll(" +", " ").trim();
  }

  @Test
  void tableMatchesOurEvaluator() throws IOException {
    EvalContext ctx = templateContext(EvalTesting.registry());
    List<Line> table = table();
    if (Boolean.getBoolean("golden.update")) {
      List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
      for (Line l : table) {
        lines.set(
            l.number() - 1, l.tag() + "\t" + l.expression() + "\t" + ours(ctx, l.expression()));
      }
      Files.writeString(TABLE, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      return;
    }
    List<String> mismatches = new ArrayList<>();
    for (Line l : table) {
      String actual = ours(ctx, l.expression());
      if (!actual.equals(l.expected())) {
        mismatches.add(
            "line "
                + l.number()
                + " "
                + l.expression()
                + "\n  table: "
                + l.expected()
                + "\n  ours:  "
                + actual);
      }
    }
    assertEquals(List.of(), mismatches);
    assertEquals(true, table.size() >= 100, "the table needs at least 100 expressions");
  }

  // ---- Packer's side ----------------------------------------------------------------------------

  private Path script() {
    return SharedFolder.find()
        .map(shared -> shared.resolve("tools").resolve("packer-eval.sh"))
        .filter(Files::isRegularFile)
        .orElse(null);
  }

  private static boolean packerInstalled() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, "packer"))) {
        return true;
      }
    }
    return false;
  }

  /** Packer's stdout for one expression, and whether it succeeded. */
  private String[] packer(Path script, Path template, String expression)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder("bash", script.toString(), template.toString(), expression);
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

  /**
   * Packer's error as the table writes it: {@code ERROR: summary | detail}, the detail's wrapped
   * lines joined, without the "with x as …" paragraph naming the values involved; only the first
   * error when there are several.
   */
  static String packerError(String out) {
    String[] lines = out.split("\n", -1);
    String summary = lines[0].startsWith("Error: ") ? lines[0].substring(7) : lines[0];
    int i = 0;
    while (i < lines.length && !lines[i].contains("source code not available")) {
      i++;
    }
    List<List<String>> paragraphs = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (int k = i + 1; k < lines.length && !lines[k].startsWith("Error: "); k++) {
      if (lines[k].isBlank()) {
        if (!current.isEmpty()) {
          paragraphs.add(current);
          current = new ArrayList<>();
        }
      } else {
        current.add(lines[k].trim());
      }
    }
    if (!current.isEmpty()) {
      paragraphs.add(current);
    }
    if (paragraphs.size() > 1 && paragraphs.get(0).get(0).startsWith("with ")) {
      paragraphs.remove(0);
    }
    String detail =
        paragraphs.stream().map(p -> String.join(" ", p)).collect(Collectors.joining(" "));
    return "ERROR: " + summary + " | " + detail;
  }

  @Test
  void packerAgreesWithTheTable() throws Exception {
    Path script = script();
    assumeTrue(
        script != null, "../shared/tools/packer-eval.sh not found: differential test skipped");
    assumeTrue(
        packerInstalled(),
        "packer is not installed (run .ci/install-oracles): differential test skipped");
    Path template = work.resolve("template.pkr.hcl");
    Files.copy(TEMPLATE, template);

    List<Line> table = table();
    List<String> mismatches = new ArrayList<>();
    List<Line> successes =
        table.stream().filter(l -> !l.expected().startsWith("ERROR:")).collect(Collectors.toList());
    for (int start = 0; start < successes.size(); start += BATCH) {
      List<Line> batch = successes.subList(start, Math.min(successes.size(), start + BATCH));
      String expr =
          batch.stream()
              .map(l -> "jsonencode(" + l.expression() + ")")
              .collect(Collectors.joining(", ", "jsonencode([", "])"));
      String[] result = packer(script, template, expr);
      // An unknown element (Packer 1.6.6's null[*]) makes the whole batch "<unknown>", not JSON.
      if (!result[0].equals("ok") || !result[1].trim().startsWith("[")) {
        // Some line of the batch fails in Packer: find it one by one.
        for (Line l : batch) {
          compare(l, packerResult(script, template, l.expression()), mismatches);
        }
        continue;
      }
      JsonNode rendered = new ObjectMapper().readTree(result[1].trim());
      assertEquals(batch.size(), rendered.size());
      for (int i = 0; i < batch.size(); i++) {
        compare(batch.get(i), rendered.get(i).asText(), mismatches);
      }
    }
    for (Line l : table) {
      if (l.expected().startsWith("ERROR:")) {
        compare(l, packerResult(script, template, l.expression()), mismatches);
      }
    }
    assertEquals(List.of(), mismatches, "results that differ from Packer 1.6.6");
  }

  private String packerResult(Path script, Path template, String expression) throws Exception {
    String[] result = packer(script, template, "jsonencode(" + expression + ")");
    if (result[0].equals("ok")) {
      return result[1].trim();
    }
    return packerError(result[1]);
  }

  private static void compare(Line l, String theirs, List<String> mismatches) {
    boolean same = theirs.equals(l.expected());
    if (l.tag().equals("p") && !same) {
      mismatches.add(
          "line "
              + l.number()
              + " "
              + l.expression()
              + "\n  packer: "
              + theirs
              + "\n  table:  "
              + l.expected());
    } else if (l.tag().equals("d") && same) {
      mismatches.add(
          "line " + l.number() + " is marked as a deviation but Packer agrees: " + l.expression());
    }
  }
}
