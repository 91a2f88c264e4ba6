package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.packer2aib.core.bind.legacy.LegacyLoadResult;
import io.github.packer2aib.core.bind.legacy.LegacyLoader;
import io.github.packer2aib.core.bind.legacy.LegacyOptions;
import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerHclLoader;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.emit.TemplateWriter;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.SharedFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The real templates of the shared corpus, read by the Packer front ends and mapped: the mapper
 * never throws, is deterministic, shows no sensitive value, and every template it makes validates.
 * The corpus does not hold the scripts the templates refer to, so every missing local file reads as
 * a small placeholder script. Skipped without {@code ../shared}. With {@code
 * -Dmapping.corpus.report=<file>} it writes the diagnostics per case, for review.
 */
class MappingCorpusTest {

  private static final Clock CLOCK = Clock.frozenAt(Instant.parse("2024-05-01T10:00:00Z"));

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    Optional<Path> shared = SharedFolder.find();
    assumeTrue(shared.isPresent(), "../shared is not there");
    List<DynamicTest> tests = new ArrayList<>();
    Map<String, String> report = new TreeMap<>();
    for (String set : List.of("packer-json", "packer-hcl")) {
      Path dir = shared.get().resolve("corpus").resolve(set);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.list(dir)) {
        for (Path c : s.filter(Files::isDirectory).sorted().toList()) {
          tests.add(
              DynamicTest.dynamicTest(set + "/" + c.getFileName(), () -> check(set, c, report)));
        }
      }
    }
    tests.add(DynamicTest.dynamicTest("report", () -> writeReport(report)));
    return tests.stream();
  }

  private static void writeReport(Map<String, String> report) throws IOException {
    String target = System.getProperty("mapping.corpus.report");
    if (target != null) {
      Files.writeString(
          Path.of(target), String.join("\n", report.values()), StandardCharsets.UTF_8);
    }
  }

  private void check(String set, Path dir, Map<String, String> report) throws IOException {
    Optional<PackerTemplate> template = set.equals("packer-json") ? legacy(dir) : hcl(dir);
    if (template.isEmpty()) {
      report.put(dir.toString(), "== " + dir.getFileName() + ": front end refused\n");
      return;
    }
    MapOptions options =
        MappingCases.opts()
            .withSubscription(MappingCases.SUB)
            .withLocation("westeurope")
            .withSkipUnsupported(true);
    FileSystemView files = new Placeholders(dir);
    MapResult first = PackerMapper.map(template.get(), options, files);
    MapResult second = PackerMapper.map(template.get(), options, files);
    assertEquals(first.diagnostics(), second.diagnostics());
    assertEquals(
        first.templates().stream().map(t -> TemplateWriter.toJson(t.template())).toList(),
        second.templates().stream().map(t -> TemplateWriter.toJson(t.template())).toList());
    PackerMapperGoldenTest.assertValid(first, options);
    for (Variable v : template.get().variables()) {
      if (!v.sensitive()) {
        continue;
      }
      for (String secret : Secrets.texts(v.value())) {
        if (secret.length() < 8) {
          continue;
        }
        for (MappedTemplate t : first.templates()) {
          assertFalse(
              PackerMapperGoldenTest.withoutOptions(TemplateWriter.toJson(t.template()), options)
                  .contains(secret));
        }
        for (Diagnostic d : first.diagnostics()) {
          assertFalse(d.detail().contains(secret));
        }
      }
    }
    StringBuilder b = new StringBuilder("== " + dir.getFileName() + ": ");
    b.append(first.templates().size()).append(" template(s)\n");
    for (Diagnostic d : first.diagnostics()) {
      b.append("  ")
          .append(d.code())
          .append(' ')
          .append(d.subject().map(Object::toString).orElse("-"))
          .append(' ')
          .append(d.detail())
          .append('\n');
    }
    for (MappedTemplate t : first.templates()) {
      b.append(TemplateWriter.toJson(t.template()));
    }
    report.put(dir.toString(), b.toString());
  }

  private static Optional<PackerTemplate> legacy(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (!p.toString().endsWith(".json") || !text.contains("\"builders\"")) {
          continue;
        }
        LegacyLoadResult r =
            LegacyLoader.load(
                new SourceFile(p.getFileName().toString(), text),
                LegacyOptions.of(dir.toString(), dir.toString(), CLOCK));
        return r.template();
      }
    }
    return Optional.empty();
  }

  /**
   * Loads an HCL template; variables without a value (most corpus templates expect them on the
   * command line) get placeholder values through {@code PKR_VAR_*}, so the mapper sees more.
   */
  private static Optional<PackerTemplate> hcl(Path dir) {
    PackerHclLoader loader = new PackerHclLoader(new Placeholders(dir).disk());
    LoadResult r = loader.load(PackerInput.of(dir), PackerOptions.defaults(dir, CLOCK));
    if (r.template().isPresent()) {
      return r.template();
    }
    Map<String, String> env = new TreeMap<>();
    java.util.regex.Pattern missing =
        java.util.regex.Pattern.compile("^The variable \"([^\"]+)\" has no default");
    for (Diagnostic d : r.diagnostics()) {
      java.util.regex.Matcher m = missing.matcher(d.detail());
      if (m.find()) {
        String name = m.group(1);
        env.put(
            "PKR_VAR_" + name,
            name.toLowerCase(java.util.Locale.ROOT).contains("subscription")
                ? MappingCases.SUB
                : "placeholder-" + name.replaceAll("[^A-Za-z0-9]", ""));
      }
    }
    if (env.isEmpty()) {
      return Optional.empty();
    }
    return loader
        .load(PackerInput.of(dir), new PackerOptions(List.of(), List.of(), env, dir, CLOCK))
        .template();
  }

  /** The disk, where every missing file reads as a short placeholder script. */
  static final class Placeholders implements FileSystemView {
    private final Path base;
    private final boolean placeholders;

    Placeholders(Path base) {
      this(base, true);
    }

    private Placeholders(Path base, boolean placeholders) {
      this.base = base;
      this.placeholders = placeholders;
    }

    FileSystemView disk() {
      return new Placeholders(base, false);
    }

    @Override
    public String baseDirectory() {
      return base.toString();
    }

    @Override
    public String homeDirectory() {
      return "/nonexistent-home";
    }

    @Override
    public Kind kind(String absolutePath) {
      Path p = Path.of(absolutePath);
      if (Files.isDirectory(p)) {
        return Kind.DIRECTORY;
      }
      if (Files.isRegularFile(p)) {
        return Kind.FILE;
      }
      return placeholders ? Kind.FILE : Kind.MISSING;
    }

    @Override
    public String realPath(String absolutePath) throws IOException {
      return Files.exists(Path.of(absolutePath))
          ? io.github.packer2aib.core.testing.LocalFileView.realPathOnDisk(absolutePath)
          : absolutePath; // a placeholder
    }

    @Override
    public java.util.OptionalInt filePermissions(String absolutePath) {
      return io.github.packer2aib.core.testing.LocalFileView.permissionsOnDisk(absolutePath);
    }

    @Override
    public byte[] read(String absolutePath) throws IOException {
      Path p = Path.of(absolutePath);
      if (Files.isRegularFile(p)) {
        return Files.readAllBytes(p);
      }
      if (!placeholders) {
        throw new java.io.FileNotFoundException(absolutePath);
      }
      return ("#!/bin/sh\necho placeholder for " + p.getFileName() + "\n")
          .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public List<String> list(String absoluteDirectory) throws IOException {
      try (Stream<Path> s = Files.list(Path.of(absoluteDirectory))) {
        return s.map(p -> p.getFileName().toString()).sorted().toList();
      }
    }
  }
}
