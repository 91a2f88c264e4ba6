package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The registry, clock, files and table shared by the function tests. */
final class TestFunctions {
  private TestFunctions() {}

  static final Instant NOW = Instant.parse("2024-03-04T05:06:07Z");

  /** A small in-memory file tree under /work/tpl. */
  static final class MemoryFiles extends MemoryFileView {
    MemoryFiles() {
      super("/work/tpl");
      put("/work/tpl/hello.txt", "Hello, file!\n");
      put("/work/tpl/sub/b.txt", "b");
      put("/work/tpl/sub/deep/c.txt", "c");
      put("/work/tpl/sub/deep/d.json", "{}");
      putBytes("/work/tpl/latin1.bin", new byte[] {(byte) 0xe9});
    }
  }

  static FunctionRegistry registry() {
    return FunctionRegistry.packer(Clock.frozenAt(NOW, 42), new MemoryFiles(), null);
  }

  /** One line of the table. */
  record Case(String tag, String expression, String expected, int line) {
    @Override
    public String toString() {
      return tag + " " + expression;
    }
  }

  static List<Case> table() {
    Path p = Paths.get("src/test/resources/hcl/function-calls.tsv");
    try {
      List<Case> cases = new ArrayList<>();
      List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.isBlank() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\t", -1);
        if (parts.length != 3) {
          throw new IllegalStateException("line " + (i + 1) + " needs 3 tab-separated columns: " + l);
        }
        cases.add(new Case(parts[0], parts[1], parts[2], i + 1));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Evaluates {@code jsonencode(expression)} as the table's expected column renders it. */
  static String render(FunctionRegistry registry, String expression) {
    try {
      Value v = new MiniHcl(registry, Map.of()).eval(expression);
      return Json.encode(Values_stripMarks(v));
    } catch (MiniHcl.EvalError e) {
      return "ERROR: " + e.summary + " | " + e.detail.replace("\n", " ").replaceAll(" +", " ").trim();
    } catch (FunctionException e) {
      return "ERROR: " + e.summary() + " | " + e.detail("jsonencode", "val");
    }
  }

  private static Value Values_stripMarks(Value v) {
    return io.github.packer2aib.core.hcl.value.Values.stripMarks(v);
  }
}
