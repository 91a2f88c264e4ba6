package io.github.packer2aib.core.bind.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases for legacy templates ({@code testdata/.../packer/legacy/<case>/}): {@code
 * input.json} or {@code input.yaml}, optional {@code args} (one option per line: {@code --var
 * NAME=VALUE}, {@code --var-file FILE} (a file of the case), {@code --env NAME=VALUE}, {@code
 * --packer-version V}), and the expected results: {@code expected.model.txt} (the model, see {@link
 * ModelDump}; absent when no template results) and {@code expected.diagnostics.txt} (as {@link
 * TextRenderer} renders them; absent when there are none). Every case runs with the clock frozen at
 * 2023-11-14T22:13:20Z, template folder {@code /templates/<case>} and working folder {@code /work}.
 * A file the runner does not know fails the case. Run with {@code -Dgolden.update=true} to rewrite
 * the expected files, then review the diff.
 */
class LegacyGoldenTest {
  static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
  private static final Set<String> KNOWN =
      Set.of("input.json", "input.yaml", "args", "expected.model.txt", "expected.diagnostics.txt");

  static Path casesRoot() {
    String configured = System.getProperty("packer2aib.testdata");
    Path root =
        configured != null
            ? Paths.get(configured)
            : Paths.get("").toAbsolutePath().getParent().resolve("testdata/src/main/resources");
    Path dir = root.resolve("packer/legacy");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("legacy golden cases not found under " + root);
    }
    return dir;
  }

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(casesRoot())) {
      dirs = s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
    }
    return dirs.stream()
        .flatMap(
            dir ->
                Stream.of(
                    DynamicTest.dynamicTest(dir.getFileName() + ": loads", () -> loads(dir)),
                    DynamicTest.dynamicTest(
                        dir.getFileName() + ": CRLF input loads the same",
                        () -> lineEndingsDoNotMatter(dir))));
  }

  /** A case read from its folder. */
  record Case(Path dir, SourceFile input, LegacyOptions options, Map<String, SourceFile> files) {
    LegacyLoadResult load() {
      return LegacyLoader.load(input, options);
    }

    String render(List<Diagnostic> diagnostics) {
      return new TextRenderer(n -> Optional.ofNullable(files.get(n))).render(diagnostics);
    }
  }

  static Case read(Path dir, boolean crlf) throws IOException {
    Set<String> expected = new HashSet<>(KNOWN);
    Path inputPath =
        Files.exists(dir.resolve("input.json"))
            ? dir.resolve("input.json")
            : dir.resolve("input.yaml");
    if (!Files.exists(inputPath)) {
      fail(dir + " has no input.json or input.yaml");
    }
    Map<String, SourceFile> files = new LinkedHashMap<>();
    SourceFile input = new SourceFile(inputPath.getFileName().toString(), text(inputPath, crlf));
    files.put(input.name(), input);
    LegacyOptions options =
        LegacyOptions.of("/templates/" + dir.getFileName(), "/work", Clock.frozenAt(NOW));
    List<LegacyOptions.Var> vars = new ArrayList<>();
    List<SourceFile> varFiles = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    Optional<String> version = Optional.empty();
    Path args = dir.resolve("args");
    if (Files.exists(args)) {
      for (String line : Files.readAllLines(args, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        int space = line.indexOf(' ');
        String option = line.substring(0, space);
        String value = line.substring(space + 1);
        switch (option) {
          case "--var":
            vars.add(new LegacyOptions.Var(before(value), after(value)));
            break;
          case "--var-file":
            expected.add(value);
            SourceFile f = new SourceFile(value, text(dir.resolve(value), crlf));
            varFiles.add(f);
            files.put(f.name(), f);
            break;
          case "--env":
            env.put(before(value), after(value));
            break;
          case "--packer-version":
            version = Optional.of(value);
            break;
          default:
            fail(dir + "/args: unknown option " + option);
        }
      }
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.collect(Collectors.toList())) {
        assertTrue(
            expected.contains(p.getFileName().toString()),
            dir + " holds " + p.getFileName() + ", which no input, option or expectation uses");
      }
    }
    for (LegacyOptions.Var v : vars) {
      files.put("--var " + v.name(), new SourceFile("--var " + v.name(), v.value()));
    }
    options =
        new LegacyOptions(
            vars,
            varFiles,
            env,
            options.templateDir(),
            options.workingDir(),
            options.clock(),
            version);
    return new Case(dir, input, options, files);
  }

  private static String before(String kv) {
    return kv.substring(0, kv.indexOf('='));
  }

  private static String after(String kv) {
    return kv.substring(kv.indexOf('=') + 1);
  }

  private static String text(Path p, boolean crlf) throws IOException {
    String t = Files.readString(p, StandardCharsets.UTF_8);
    return crlf ? t.replace("\r\n", "\n").replace("\n", "\r\n") : t;
  }

  private void loads(Path dir) throws IOException {
    Case c = read(dir, false);
    LegacyLoadResult result = c.load();
    String diagnostics = c.render(result.diagnostics());
    Optional<String> model = result.template().map(t -> ModelDump.of(t, true));
    Path modelFile = dir.resolve("expected.model.txt");
    Path diagFile = dir.resolve("expected.diagnostics.txt");
    if (Boolean.getBoolean("golden.update")) {
      write(modelFile, model.orElse(null));
      write(diagFile, diagnostics.isEmpty() ? null : diagnostics);
      return;
    }
    assertTrue(Files.exists(modelFile) || Files.exists(diagFile), dir + " has no expected file");
    assertEquals(
        Optional.ofNullable(read(diagFile)).orElse(""),
        diagnostics,
        "diagnostics of " + dir.getFileName());
    assertEquals(
        Optional.ofNullable(read(modelFile)).orElse(""),
        model.orElse(""),
        "model of " + dir.getFileName());
    LegacyLoadResult again = read(dir, false).load();
    assertEquals(
        model, again.template().map(t -> ModelDump.of(t, true)), "loading twice gives the same");
    assertEquals(result.diagnostics(), again.diagnostics());
  }

  private void lineEndingsDoNotMatter(Path dir) throws IOException {
    LegacyLoadResult lf = read(dir, false).load();
    LegacyLoadResult crlf = read(dir, true).load();
    assertEquals(
        lf.template().map(t -> ModelDump.of(t, false)),
        crlf.template().map(t -> ModelDump.of(t, false)));
    assertEquals(summary(lf), summary(crlf));
  }

  private static List<String> summary(LegacyLoadResult r) {
    return r.diagnostics().stream()
        .map(
            d ->
                d.code()
                    + " "
                    + d.path().orElse("")
                    + " "
                    + d.subject().map(x -> x.start().toString()).orElse(""))
        .collect(Collectors.toList());
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path p, String text) throws IOException {
    if (text == null) {
      Files.deleteIfExists(p);
    } else {
      Files.writeString(p, text, StandardCharsets.UTF_8);
    }
  }
}
