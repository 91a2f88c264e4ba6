package io.github.packer2aib.core.parse.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.hcl.syntax.HclPrinter;
import io.github.packer2aib.core.hcl.syntax.SyntaxDump;
import io.github.packer2aib.core.hcl.syntax.SyntaxEquality;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the HCL syntax conformance cases in {@code testdata/.../hcl/syntax/<case>/}. A case holds
 * one input ({@code input.hcl} a configuration file, {@code input.expr} a standalone expression or
 * {@code input.tmpl} a standalone template) and what parsing it must give: {@code
 * expected.tree.txt} (the tree, dumped without ranges) and/or {@code expected.diagnostics.txt}
 * (rendered with {@link TextRenderer}; an input without it must parse cleanly). Clean configuration
 * cases without strip markers must also survive printing and parsing again unchanged.
 *
 * <p>Run with {@code -Dgolden.update=true} to rewrite the expected files from the current output
 * (then review the diff).
 */
class HclSyntaxConformanceTest {
  private static final String ROOT = "hcl/syntax";
  private static final Set<String> INPUTS = Set.of("input.hcl", "input.expr", "input.tmpl");
  private static final String TREE = "expected.tree.txt";
  private static final String DIAGNOSTICS = "expected.diagnostics.txt";
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private final HclParser parser = new HclParser();

  @TestFactory
  Stream<DynamicTest> conformanceCases() throws IOException {
    Map<String, Map<String, String>> cases = readCases();
    return cases.entrySet().stream()
        .map(c -> DynamicTest.dynamicTest(c.getKey(), () -> check(c.getKey(), c.getValue())));
  }

  /**
   * Every diagnostic code is exercised by at least one case, except the fallback for an error no
   * specific rule describes (none is known; fuzzing found none).
   */
  @Test
  void everyCodeHasACase() throws IOException {
    String all =
        readCases().values().stream()
            .map(files -> files.getOrDefault(DIAGNOSTICS, ""))
            .collect(Collectors.joining("\n"));
    Set<String> missing = new TreeSet<>();
    for (HclSyntaxCode code : HclSyntaxCode.values()) {
      if (code != HclSyntaxCode.SYNTAX_ERROR && !all.contains("[" + code.id() + "]")) {
        missing.add(code.id() + " " + code.summary());
      }
    }
    assertEquals(Set.of(), missing, "codes without a conformance case");
  }

  private void check(String name, Map<String, String> files) throws IOException {
    Set<String> unknown = new TreeSet<>(files.keySet());
    unknown.removeAll(INPUTS);
    unknown.remove(TREE);
    unknown.remove(DIAGNOSTICS);
    assertEquals(Set.of(), unknown, "unknown files in case " + name);
    List<String> inputs = files.keySet().stream().filter(INPUTS::contains).sorted().toList();
    assertEquals(1, inputs.size(), "a case needs exactly one input file: " + name);
    String input = inputs.get(0);
    assertTrue(
        UPDATE || files.containsKey(TREE) || files.containsKey(DIAGNOSTICS),
        "case " + name + " has no expected.tree.txt or expected.diagnostics.txt (unpaired input)");

    SourceFile source = new SourceFile(input, files.get(input));
    Object tree;
    List<Diagnostic> diagnostics;
    switch (input) {
      case "input.expr":
        HclExpressionResult expression = parser.parseExpression(source);
        tree = expression.expression().orElse(null);
        diagnostics = expression.diagnostics();
        break;
      case "input.tmpl":
        HclTemplateResult template = parser.parseTemplate(source);
        tree = template.template();
        diagnostics = template.diagnostics();
        break;
      default:
        HclParseResult config = parser.parse(source);
        tree = config.body();
        diagnostics = config.diagnostics();
    }
    String renderedTree = tree == null ? "" : SyntaxDump.dump(tree);
    String renderedDiagnostics = new TextRenderer(n -> Optional.of(source)).render(diagnostics);

    if (UPDATE) {
      update(name, TREE, diagnostics.isEmpty() || files.containsKey(TREE) ? renderedTree : null);
      update(name, DIAGNOSTICS, diagnostics.isEmpty() ? null : renderedDiagnostics);
      return;
    }
    if (files.containsKey(DIAGNOSTICS)) {
      assertEquals(files.get(DIAGNOSTICS), renderedDiagnostics, "diagnostics of " + name);
    } else {
      assertEquals("", renderedDiagnostics, "case " + name + " should parse without diagnostics");
    }
    if (files.containsKey(TREE)) {
      assertEquals(files.get(TREE), renderedTree, "tree of " + name);
    }
    // Whitespace next to a strip marker cannot always be printed back (see HclPrinter).
    if (diagnostics.isEmpty() && input.equals("input.hcl") && !files.get(input).contains("~")) {
      String printed = HclPrinter.print(parser.parse(source).body());
      HclParseResult again = parser.parse(new SourceFile("printed.hcl", printed));
      assertEquals(List.of(), again.diagnostics(), "printed form of " + name + ":\n" + printed);
      if (!SyntaxEquality.equalIgnoringRanges(tree, again.body())) {
        assertEquals(renderedTree, SyntaxDump.dump(again.body()), "round trip of " + name);
      }
    }
  }

  // ---- case discovery and golden update ---------------------------------------------------

  private static Map<String, Map<String, String>> readCases() throws IOException {
    URL url = HclSyntaxConformanceTest.class.getClassLoader().getResource(ROOT);
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
    Map<String, Map<String, String>> cases = new java.util.TreeMap<>();
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
      Map<String, String> files = new java.util.TreeMap<>();
      try (Stream<Path> s = Files.list(dir)) {
        for (Path file : s.sorted().toList()) {
          try {
            files.put(
                file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      cases.put(dir.getFileName().toString(), files);
    }
    return cases;
  }

  private static void update(String name, String file, String content) throws IOException {
    Path dir = sourceRoot().resolve(name);
    Path target = dir.resolve(file);
    if (content == null) {
      Files.deleteIfExists(target);
    } else {
      Files.writeString(target, content, StandardCharsets.UTF_8);
    }
  }

  /** The case folder in the testdata module's sources (not the copy on the classpath). */
  private static Path sourceRoot() {
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    List<Path> candidates = new ArrayList<>();
    candidates.add(module.resolve("../testdata/src/main/resources").resolve(ROOT));
    candidates.add(module.resolve("testdata/src/main/resources").resolve(ROOT));
    for (Path candidate : candidates) {
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
    }
    throw new IllegalStateException("cannot find the testdata sources from " + module);
  }
}
