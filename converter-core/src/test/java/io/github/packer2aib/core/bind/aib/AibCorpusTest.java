package io.github.packer2aib.core.bind.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.aib.Distributor;
import io.github.packer2aib.core.aib.ImageSource;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.parse.SurrogateSafeReader;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.SharedFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Locates and binds every AIB template of the shared corpus (skipped when it is absent). */
class AibCorpusTest {

  private static Path corpus() {
    Path dir = SharedFolder.find().map(s -> s.resolve("corpus/aib")).orElse(null);
    Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "shared corpus not found");
    return dir;
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(corpus())) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static SourceFile read(Path p) throws IOException {
    String text = Files.readString(p, StandardCharsets.UTF_8);
    return new SourceFile(
        p.getFileName().toString(), text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  @TestFactory
  Stream<DynamicTest> everyFileHoldsOneTemplateThatBinds() throws IOException {
    return files().stream()
        .map(p -> DynamicTest.dynamicTest(p.getParent().getFileName().toString(), () -> check(p)));
  }

  private static void check(Path p) throws IOException {
    SourceFile file = read(p);
    DocNode root = TestDocs.parse(file);
    AibResourceLocator.Located located = AibResourceLocator.locate(root, file);
    assertEquals(List.of(), located.diagnostics());
    assertEquals(1, located.resources().size());
    ResourceRef ref = located.resources().get(0);
    boolean arm = ((DocObject) root).get("$schema").isPresent();
    assertEquals(arm ? "/resources/0" : "", ref.pointer());

    AibBinder.Bound bound = AibBinder.bind(ref);
    ImageTemplate t = bound.template();
    DocNode props = JsonPointer.resolve(ref.node(), "/properties");
    String sourceType =
        DocScalar.stringValue(JsonPointer.resolve(props, "/source/type")).orElseThrow();
    assertTrue(t.properties().source().type().equalsIgnoreCase(sourceType), sourceType);
    assertEquals(
        size(props, "/customize"),
        t.properties().customize() == null ? 0 : t.properties().customize().size());
    assertEquals(size(props, "/distribute"), t.properties().distribute().size());
    long armKeys =
        ref.node().members().stream()
            .filter(
                m ->
                    List.of("dependson", "comments", "resources")
                        .contains(m.key().toLowerCase(Locale.ROOT)))
            .count();
    assertEquals(
        armKeys, bound.diagnostics().stream().filter(d -> d.code().equals("BIND-N001")).count());
    for (Diagnostic d : bound.diagnostics()) {
      assertTrue(d.subject().isPresent(), d::toString);
    }
  }

  private static int size(DocNode node, String pointer) {
    DocNode n = JsonPointer.resolve(node, pointer);
    return n instanceof DocArray a ? a.items().size() : 0;
  }

  private static ResourceRef only(String caseDir) throws IOException {
    Path dir = corpus().resolve(caseDir);
    Assumptions.assumeTrue(Files.isDirectory(dir), caseDir);
    Path p;
    try (Stream<Path> s = Files.list(dir)) {
      p = s.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    SourceFile file = read(p);
    return AibResourceLocator.locate(TestDocs.parse(file), file).resources().get(0);
  }

  /** The YAML corpus holds image definitions for other tools and a workflow: none is a template. */
  @TestFactory
  Stream<DynamicTest> yamlCorpusHoldsNoTemplate() throws IOException {
    Path dir = corpus().resolveSibling("yaml");
    Assumptions.assumeTrue(Files.isDirectory(dir), "yaml corpus not found");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
    return files.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    dir.relativize(p).toString(),
                    () -> {
                      SourceFile file = read(p);
                      DocNode root =
                          TestDocs.fromTree(
                              p.toString().endsWith(".json")
                                  ? TestDocs.MAPPER.readTree(file.text())
                                  : new YAMLMapper()
                                      .readTree(new SurrogateSafeReader(file.text())));
                      AibResourceLocator.Located l = AibResourceLocator.locate(root, file);
                      assertEquals(List.of(), l.resources());
                      assertEquals(
                          List.of("BIND-E001"),
                          l.diagnostics().stream().map(Diagnostic::code).toList());
                    }));
  }

  @Test
  void placeholderNameFallsBackToTheFileName() throws IOException {
    assertEquals("imageBuildTemplate", only("MA-MSDev__AzureImageBuilder__jsonc").suggestedName());
  }

  @Test
  void wronglyCasedNameKeyStillNamesTheOutput() throws IOException {
    assertEquals(
        "aibImageARM", only("lenvolk__images-using-azure-image-builder__arm-demo").suggestedName());
  }

  @Test
  void oldIsoSampleBindsWithCanonicalDiscriminators() throws IOException {
    ImageTemplate t =
        AibBinder.bind(only("danielsollondon__azvmimagebuilder__raw-rhel73-iso")).template();
    assertEquals("Microsoft.VirtualMachineImages", t.type());
    assertEquals(new ImageSource.Iso("", ""), t.properties().source());
    assertEquals(
        List.of("Shell"), t.properties().customize().stream().map(Customizer::type).toList());
    assertEquals(
        List.of("ManagedImage", "SharedImage"),
        t.properties().distribute().stream().map(Distributor::type).toList());
  }

  @Test
  void bicepOutputKeepsExpressions() throws IOException {
    ImageTemplate t =
        AibBinder.bind(only("kkamegawa__windowsjpimagebuilder__ws2019-jp-bicep-compiled"))
            .template();
    assertEquals(
        IntValue.expression("[parameters('buildMaxTimeout')]"),
        t.properties().buildTimeoutInMinutes());
    assertEquals("[parameters('identityType')]", t.identity().type());
    assertEquals(
        List.of("[format('{0}', variables('userIdentityID'))]"),
        t.identity().userAssignedIdentities());
  }
}
