package io.github.packer2aib.core.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.ConvertOptions;
import io.github.packer2aib.core.ConvertedTemplate;
import io.github.packer2aib.core.Converter;
import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.bind.aib.AibResourceLocator;
import io.github.packer2aib.core.bind.aib.ResourceRef;
import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases for AIB input ({@code testdata/.../cases/aib/<case>/}): {@code input.json|yaml},
 * optional {@code args} (one option per line), and the expected results: {@code expected.json} /
 * {@code expected.yaml} (one template) or {@code expected/<name>.<ext>} (several), and {@code
 * expected.diagnostics.txt} (rendered; absent means no diagnostics at all). Run with {@code
 * -Dgolden.update=true} to rewrite the expected files, then review the diff.
 */
class AibGoldenTest {
  private static final Set<String> KNOWN =
      Set.of(
          "input.json",
          "input.yaml",
          "args",
          "expected.json",
          "expected.yaml",
          "expected",
          "expected.diagnostics.txt");

  private final Converter converter = new Converter();

  @TestFactory
  Stream<DynamicTest> cases() {
    return GoldenCases.cases("aib").stream()
        .flatMap(
            dir ->
                Stream.of(
                    DynamicTest.dynamicTest(dir.getFileName() + ": converts", () -> converts(dir)),
                    DynamicTest.dynamicTest(
                        dir.getFileName() + ": CRLF input gives the same result",
                        () -> lineEndingsDoNotMatter(dir)),
                    DynamicTest.dynamicTest(
                        dir.getFileName() + ": output converts to itself",
                        () -> outputIsAFixpoint(dir)),
                    DynamicTest.dynamicTest(
                        dir.getFileName() + ": nothing is dropped silently",
                        () -> nothingIsDroppedSilently(dir))));
  }

  private void converts(Path dir) throws IOException {
    Path input = input(dir);
    ConvertOptions options = options(dir);
    SourceFile file = new SourceFile(input.getFileName().toString(), Files.readString(input));
    ConversionResult result = converter.convert(file, options);
    String diagnostics =
        new TextRenderer(n -> n.equals(file.name()) ? Optional.of(file) : Optional.empty())
            .render(result.diagnostics());
    Map<String, String> outputs = new TreeMap<>();
    for (ConvertedTemplate t : result.templates()) {
      outputs.put(t.name() + "." + options.format().extension(), t.text());
    }
    if (GoldenCases.updating()) {
      update(dir, outputs, diagnostics, options);
      return;
    }
    assertEquals(read(dir.resolve("expected.diagnostics.txt")), diagnostics, "diagnostics");
    Map<String, String> expected = expectedOutputs(dir, options);
    if (expected.containsKey("*")) {
      assertEquals(1, outputs.size(), "one output");
      assertEquals(expected.get("*"), outputs.values().iterator().next(), "output");
    } else {
      assertEquals(expected, outputs, "outputs");
    }
    assertEquals(
        result, converter.convert(file, options), "converting twice gives the same result");
  }

  private void lineEndingsDoNotMatter(Path dir) throws IOException {
    Path input = input(dir);
    String text = Files.readString(input);
    ConvertOptions options = options(dir);
    String name = input.getFileName().toString();
    ConversionResult lf = converter.convert(new SourceFile(name, text), options);
    ConversionResult crlf =
        converter.convert(new SourceFile(name, text.replace("\n", "\r\n")), options);
    assertEquals(texts(lf), texts(crlf));
    assertEquals(
        lf.diagnostics().stream().map(d -> d.code() + d.path()).collect(Collectors.toList()),
        crlf.diagnostics().stream().map(d -> d.code() + d.path()).collect(Collectors.toList()));
  }

  /** Canonical output read back and converted again (same version, no options) is unchanged. */
  private void outputIsAFixpoint(Path dir) throws IOException {
    Path input = input(dir);
    ConvertOptions options = options(dir);
    ConversionResult first =
        converter.convert(new SourceFile(input.getFileName().toString(), Files.readString(input)), options);
    for (ConvertedTemplate t : first.templates()) {
      String name = "out." + options.format().extension();
      ConversionResult again =
          converter.convert(
              new SourceFile(name, t.text()),
              new ConvertOptions(Optional.empty(), Optional.empty(), options.format()));
      assertFalse(again.hasErrors(), () -> name + " of " + dir + ": " + again.diagnostics());
      assertEquals(1, again.templates().size());
      assertEquals(t.text(), again.templates().get(0).text());
    }
  }

  /**
   * Every value of the input reaches the output unchanged, unless a diagnostic names it (or one of
   * its ancestors): a dropped field, a rewritten value or a normalised spelling is always said.
   */
  private void nothingIsDroppedSilently(Path dir) throws IOException {
    Path input = input(dir);
    ConvertOptions options = options(dir).withFormat(OutputFormat.JSON);
    SourceFile file = new SourceFile(input.getFileName().toString(), Files.readString(input));
    ConversionResult result = converter.convert(file, options);
    if (result.hasErrors()) {
      return;
    }
    List<DocNode> documents = DocReader.read(file).documents();
    List<ResourceRef> refs = new ArrayList<>();
    for (DocNode d : documents) {
      refs.addAll(AibResourceLocator.locate(d, file).resources());
    }
    assertEquals(refs.size(), result.templates().size());
    for (int i = 0; i < refs.size(); i++) {
      ResourceRef ref = refs.get(i);
      DocNode out =
          DocReader.read(new SourceFile("out.json", result.templates().get(i).text()))
              .documents()
              .get(0);
      List<String> said =
          result.diagnostics().stream()
              .map(d -> d.path().orElse(null))
              .filter(p -> p != null)
              .collect(Collectors.toCollection(ArrayList::new));
      if (options.apiVersion().isPresent()) {
        said.add(ref.pointer() + "/apiVersion"); // changed on request
      }
      List<String> lost = new ArrayList<>();
      compare(ref.node(), out, ref.pointer(), "", said, lost);
      assertEquals(List.of(), lost, "values changed or dropped without a diagnostic");
    }
  }

  private static void compare(
      DocNode in, DocNode out, String base, String rel, List<String> said, List<String> lost) {
    String abs = base + rel;
    if (said.stream().anyMatch(p -> abs.equals(p) || abs.startsWith(p + "/"))) {
      return;
    }
    if (in instanceof DocObject o) {
      for (DocMember m : o.members()) {
        DocNode counterpart = out instanceof DocObject oo ? oo.get(m.key()).orElse(null) : null;
        String child = JsonPointer.append(rel, m.key());
        if (counterpart == null) {
          if (!said.stream().anyMatch(p -> (base + child).startsWith(p))) {
            lost.add(base + child);
          }
        } else {
          compare(m.value(), counterpart, base, child, said, lost);
        }
      }
    } else if (in instanceof DocArray a) {
      if (!(out instanceof DocArray b) || b.items().size() != a.items().size()) {
        lost.add(abs);
        return;
      }
      for (int i = 0; i < a.items().size(); i++) {
        compare(a.items().get(i), b.items().get(i), base, JsonPointer.append(rel, i), said, lost);
      }
    } else if (in instanceof DocScalar x) {
      if (!(out instanceof DocScalar y) || !sameScalar(x, y)) {
        lost.add(abs);
      }
    }
  }

  /** Same value, allowing YAML's plain scalars and number spellings their JSON form. */
  private static boolean sameScalar(DocScalar x, DocScalar y) {
    if (x.type() == DocScalar.Type.NUMBER && y.type() == DocScalar.Type.NUMBER) {
      return x.asNumber().equals(y.asNumber());
    }
    if (y.type() == DocScalar.Type.STRING) {
      return x.asString().equals(y.asString());
    }
    return x.type() == y.type() && x.text().equalsIgnoreCase(y.text());
  }

  private static List<String> texts(ConversionResult r) {
    return r.templates().stream().map(ConvertedTemplate::text).collect(Collectors.toList());
  }

  private static Path input(Path dir) throws IOException {
    List<Path> inputs = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        String n = p.getFileName().toString();
        if (!KNOWN.contains(n)) {
          fail("unknown file in golden case " + dir + ": " + n);
        }
        if (n.startsWith("input.")) {
          inputs.add(p);
        }
      }
    }
    assertEquals(1, inputs.size(), "exactly one input.* in " + dir);
    return inputs.get(0);
  }

  static ConvertOptions options(Path dir) throws IOException {
    ConvertOptions options = ConvertOptions.defaults();
    Path args = dir.resolve("args");
    if (!Files.exists(args)) {
      return options;
    }
    for (String line : Files.readAllLines(args)) {
      if (line.isBlank()) {
        continue;
      }
      String[] kv = line.trim().split("\\s+", 2);
      switch (kv[0]) {
        case "--api-version" ->
            options = options.withApiVersion(ApiVersion.parse(kv[1]).orElseThrow());
        case "--identity" -> options = options.withIdentity(kv[1]);
        case "--format" -> options = options.withFormat(OutputFormat.valueOf(kv[1].toUpperCase()));
        default -> fail("unknown option in " + args + ": " + line);
      }
    }
    return options;
  }

  private static Map<String, String> expectedOutputs(Path dir, ConvertOptions options)
      throws IOException {
    Map<String, String> expected = new TreeMap<>();
    Path many = dir.resolve("expected");
    if (Files.isDirectory(many)) {
      try (Stream<Path> s = Files.list(many)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          expected.put(p.getFileName().toString(), Files.readString(p));
        }
      }
      return expected;
    }
    Path one = dir.resolve("expected." + options.format().extension());
    if (Files.exists(one)) {
      // A single output's file name is not pinned by expected.<ext>; compare the text only.
      expected.put("*", Files.readString(one));
    }
    return expected;
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p) : "";
  }

  private static void update(
      Path dir, Map<String, String> outputs, String diagnostics, ConvertOptions options)
      throws IOException {
    Path diag = dir.resolve("expected.diagnostics.txt");
    if (diagnostics.isEmpty()) {
      Files.deleteIfExists(diag);
    } else {
      Files.writeString(diag, diagnostics, StandardCharsets.UTF_8);
    }
    Path many = dir.resolve("expected");
    if (Files.isDirectory(many)) {
      try (Stream<Path> s = Files.list(many)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          Files.delete(p);
        }
      }
      Files.delete(many);
    }
    Files.deleteIfExists(dir.resolve("expected.json"));
    Files.deleteIfExists(dir.resolve("expected.yaml"));
    if (outputs.size() == 1) {
      Files.writeString(
          dir.resolve("expected." + options.format().extension()),
          outputs.values().iterator().next(),
          StandardCharsets.UTF_8);
    } else if (outputs.size() > 1) {
      Files.createDirectories(many);
      for (Map.Entry<String, String> e : new LinkedHashMap<>(outputs).entrySet()) {
        Files.writeString(many.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
    }
  }
}
