package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.packer.json.PackerModelJson;
import io.github.packer2aib.core.packer.UsageSelection;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the Packer HCL2 conformance cases in {@code testdata/.../packer/hcl/<case>/}. A case holds a
 * template's files (mounted at {@code /work/template/}, the working directory being {@code /work}),
 * an optional {@code args} file, and what loading gives: {@code expected.inspect.json} (the model,
 * when there is no error) and {@code expected.diagnostics.txt} (every diagnostic, rendered; absent
 * when there is none). A case must have at least one of them.
 *
 * <p>{@code args} lines: {@code input: PATH} (relative to {@code /work}; default {@code template}),
 * {@code var: NAME=VALUE}, {@code var-file: PATH}, {@code env: NAME=VALUE}, {@code data:
 * data.TYPE.NAME.ATTRIBUTE=VALUE}, {@code unset-variables: allowed} (as {@code inspect} loads: a
 * variable without a value is unknown, with a note), {@code only: GLOB} and {@code except: GLOB}
 * (a conversion's --only/--except, which leave the bodies of left-out usages unchecked); {@code #}
 * starts a comment. The clock is frozen at 2024-01-02T03:04:05Z.
 *
 * <p>Run with {@code -Dgolden.update=true} to rewrite the expected files (then review the diff).
 */
class PackerHclConformanceTest {
  static final String ROOT = "packer/hcl";
  static final String ARGS = "args";
  static final String MODEL = "expected.inspect.json";
  static final String DIAGNOSTICS = "expected.diagnostics.txt";
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");

  @TestFactory
  Stream<DynamicTest> conformanceCases() throws IOException {
    return readCases().entrySet().stream()
        .map(c -> DynamicTest.dynamicTest(c.getKey(), () -> check(c.getKey(), c.getValue())));
  }

  /** Every diagnostic code of the reader is produced by at least one case. */
  @Test
  void everyCodeHasACase() throws IOException {
    String all =
        readCases().values().stream()
            .map(files -> files.getOrDefault(DIAGNOSTICS, ""))
            .collect(Collectors.joining("\n"));
    Set<String> missing = new TreeSet<>();
    for (PackerCode code : PackerCode.values()) {
      if (!all.contains("[" + code.id() + "]") && !UNTESTABLE.contains(code)) {
        missing.add(code.id() + " " + code.summary());
      }
    }
    assertEquals(Set.of(), missing, "codes without a conformance case");
  }

  /**
   * Codes the cases do not produce, each covered by a unit test instead: a --var without a name
   * (the CLI refuses it before the core sees it), and a file of the converting machine (a link to
   * {@code /proc/self/environ}, which the in-memory files of a case cannot hold: {@code
   * TemplateHostFilesTest} reads real ones).
   */
  private static final Set<PackerCode> UNTESTABLE =
      Set.of(PackerCode.MALFORMED_VAR_ARGUMENT, PackerCode.HOST_FILE);

  /** The result of loading one case. */
  record Outcome(String model, String diagnostics) {}

  static Outcome load(Map<String, String> files) {
    MemoryFiles fs = new MemoryFiles("/work");
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (!f.getKey().equals(ARGS) && !f.getKey().startsWith("expected.")) {
        fs.put("/work/template/" + f.getKey(), f.getValue());
      }
    }
    String input = "template";
    List<String> vars = new ArrayList<>();
    List<Path> varFiles = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> data = new LinkedHashMap<>();
    List<PackerOptions.SettingVar> settingVars = new ArrayList<>();
    boolean unsetAllowed = false;
    List<String> only = new ArrayList<>();
    List<String> except = new ArrayList<>();
    for (String line : files.getOrDefault(ARGS, "").split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int colon = l.indexOf(':');
      String key = l.substring(0, colon).strip();
      String value = l.substring(colon + 1).strip();
      switch (key) {
        case "input":
          input = value;
          break;
        case "var":
          vars.add(value);
          break;
        case "var-file":
          varFiles.add(Path.of(value));
          break;
        case "env":
          env.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
          break;
        case "data":
          data.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
          break;
        case "settings-var": // a settings file's templates entry
        case "settings-default-var": // its defaults, for every template
          settingVars.add(
              new PackerOptions.SettingVar(
                  value.substring(0, value.indexOf('=')),
                  value.substring(value.indexOf('=') + 1),
                  Optional.empty(),
                  Optional.empty(),
                  key.equals("settings-default-var")));
          break;
        case "only":
          only.add(value);
          break;
        case "except":
          except.add(value);
          break;
        case "unset-variables":
          if (!value.equals("allowed")) {
            throw new IllegalArgumentException("unset-variables takes only allowed: " + line);
          }
          unsetAllowed = true;
          break;
        default:
          throw new IllegalArgumentException("unknown args line: " + line);
      }
    }
    PackerOptions options =
        new PackerOptions(
            vars, varFiles, env, Path.of("/work"), Clock.frozenAt(NOW), data, settingVars);
    if (unsetAllowed) {
      options = options.withUnsetVariablesAllowed();
    }
    LoadResult result =
        new PackerHclLoader(fs)
            .load(
                new PackerInput(Path.of(input), input),
                options,
                new UsageSelection(only, except));
    Map<String, SourceFile> sources = new TreeMap<>();
    for (SourceFile s : result.sources()) {
      sources.put(s.name(), s);
    }
    String diagnostics =
        new TextRenderer(n -> Optional.ofNullable(sources.get(n))).render(result.diagnostics());
    return new Outcome(result.template().map(PackerModelJson::toJson).orElse(null), diagnostics);
  }

  private void check(String name, Map<String, String> files) throws IOException {
    assertTrue(
        UPDATE || files.containsKey(MODEL) || files.containsKey(DIAGNOSTICS),
        "case " + name + " has no " + MODEL + " or " + DIAGNOSTICS + " (unpaired input)");
    for (String f : files.keySet()) {
      assertTrue(
          f.equals(ARGS) || f.equals(MODEL) || f.equals(DIAGNOSTICS) || !f.startsWith("expected."),
          "unknown expected file " + f + " in case " + name);
    }
    Outcome o = load(files);
    if (UPDATE) {
      update(name, MODEL, o.model());
      update(name, DIAGNOSTICS, o.diagnostics().isEmpty() ? null : o.diagnostics());
      return;
    }
    assertEquals(
        files.getOrDefault(DIAGNOSTICS, ""), o.diagnostics(), "diagnostics of case " + name);
    assertEquals(files.get(MODEL), o.model(), "model of case " + name);
  }

  // ---- case discovery and golden update ---------------------------------------------------

  static Map<String, Map<String, String>> readCases() throws IOException {
    URL url = PackerHclConformanceTest.class.getClassLoader().getResource(ROOT);
    if (url == null) {
      fail("no " + ROOT + " on the test classpath (the testdata module)");
    }
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if ("jar".equals(uri.getScheme())) {
      try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
        return readCases(fs.getPath(ROOT));
      }
    }
    return readCases(Path.of(uri));
  }

  private static Map<String, Map<String, String>> readCases(Path root) throws IOException {
    Map<String, Map<String, String>> cases = new TreeMap<>();
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    try (Stream<Path> s = Files.list(root)) {
      List<String> stray =
          s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
      assertEquals(List.of(), stray, "files directly under " + ROOT);
    }
    for (Path dir : dirs) {
      Map<String, String> files = new TreeMap<>();
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path file : s.filter(Files::isRegularFile).sorted().toList()) {
          String relative = dir.relativize(file).toString().replace('\\', '/');
          files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
        }
      }
      cases.put(dir.getFileName().toString(), files);
    }
    return cases;
  }

  private static void update(String name, String file, String content) throws IOException {
    Path target = sourceRoot().resolve(name).resolve(file);
    if (content == null) {
      Files.deleteIfExists(target);
    } else {
      Files.writeString(target, content, StandardCharsets.UTF_8);
    }
  }

  /** The case folder in the testdata module's sources (not the copy on the classpath). */
  static Path sourceRoot() {
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    for (Path candidate :
        List.of(
            module.resolve("../testdata/src/main/resources").resolve(ROOT),
            module.resolve("testdata/src/main/resources").resolve(ROOT))) {
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
    }
    throw new IllegalStateException("cannot find the testdata sources from " + module);
  }
}
