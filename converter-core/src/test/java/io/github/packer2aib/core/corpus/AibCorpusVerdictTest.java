package io.github.packer2aib.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.ConvertOptions;
import io.github.packer2aib.core.Converter;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every AIB template of the shared corpus ({@code ../shared/corpus/aib}) is read and validated
 * (against its own API version, or the default where its version is an ARM parameter), and the
 * verdict is pinned here with the reason. Most failures are real: the public samples keep
 * placeholders such as {@code <runOutputName>} that Image Builder rejects, or predate rules that
 * API 2024-02-01 enforces.
 */
class AibCorpusVerdictTest {

  /** case folder → the sorted error codes expected ("" for a valid template), and why. */
  private static final Map<String, Verdict> PINNED = new TreeMap<>();

  private record Verdict(String errors, String reason) {}

  private static void pin(String folder, String errors, String reason) {
    PINNED.put(folder, new Verdict(errors, reason));
  }

  static {
    pin("JimMoyle__CloudImageBuilder__new-template", "RULE-E313 SPEC-E112",
        "runOutputName is the placeholder \"<runOutputName>\", the identity's id \"<imgBuilderId>\"");
    pin("MA-MSDev__AzureImageBuilder__jsonc", "VER-E001",
        "apiVersion is the placeholder \"<apiVersion>\" (its comments are read fine)");
    pin("RZomerman__AzureImageBuilder__vscode", "", "valid ARM deployment template");
    pin("akashrsgh__azure-image-builder__win", "", "valid 2020-02-14 resource");
    pin("casa-de-vops__azvmimagebuilder__golden-linux", "RULE-E313 SPEC-E112 SPEC-E130",
        "type lacks /imageTemplates; stagingResourceGroup and runOutputName are placeholders");
    pin("casa-de-vops__azvmimagebuilder__golden-rhel", "RULE-E313 SPEC-E112 SPEC-E130",
        "type lacks /imageTemplates; stagingResourceGroup and runOutputName are placeholders");
    pin("casa-de-vops__azvmimagebuilder__golden-windows", "RULE-E313 RULE-E313 SPEC-E112",
        "runOutputName, stagingResourceGroup and the identity's id are placeholders");
    pin("danielsollondon__azvmimagebuilder__devops-env", "", "valid ARM deployment template");
    pin("danielsollondon__azvmimagebuilder__linux-existing-vnet", "RULE-E313 SPEC-E112",
        "runOutputName and the identity's id are placeholders");
    pin("danielsollondon__azvmimagebuilder__msi-storage", "RULE-E313 SPEC-E112",
        "runOutputName and the identity's id are placeholders");
    pin("danielsollondon__azvmimagebuilder__platform-sig-mdi", "SPEC-E100 SPEC-E101 SPEC-E101",
        "no identity (required from 2020-02-14); distributors carry \"tags\" and the misspelt"
            + " \"aritfactTags\", which 2024-02-01 rejects");
    pin("danielsollondon__azvmimagebuilder__raw-rhel73-iso", "VER-E001",
        "apiVersion 2018-02-01-preview is older than any version with a published spec");
    pin("danielsollondon__azvmimagebuilder__sles-managed", "RULE-E305 SPEC-E112 SPEC-E130",
        "type lacks /imageTemplates; the Shell step has \"script\" (unknown) so nothing to run;"
            + " runOutputName is a placeholder");
    pin("danielsollondon__azvmimagebuilder__win-managed-image", "RULE-E313 SPEC-E112",
        "runOutputName and the identity's id are placeholders");
    pin("danielsollondon__azvmimagebuilder__win-unit-test", "SPEC-E100 SPEC-E112",
        "no identity (required from 2020-02-14); runOutputName is a placeholder");
    pin("danielsollondon__azvmimagebuilder__win-vnet-access-storage", "RULE-E313 SPEC-E112",
        "runOutputName and the identity's id are placeholders");
    pin("danielsollondon__azvmimagebuilder__wvd", "RULE-E313 SPEC-E112",
        "runOutputName and the identity's id are placeholders");
    pin("kkamegawa__windowsjpimagebuilder__ws2019-jp-bicep-compiled", "RULE-E303",
        "two customizers are both named \"InstallLanguagePack\"");
    pin("knowledgebaseit__Azure-Image-Builder__nl-NL", "RULE-E313 SPEC-E112",
        "runOutputName and the identity's id are placeholders");
    pin("krwittmer__azure-devops-azure-image-builder__with-comments", "",
        "valid; keeps ARM \"comments\" keys, which are dropped with a note");
    pin("lenvolk__images-using-azure-image-builder__arm-demo", "", "valid ARM deployment template");
    pin("mahendra-shinde__azure-image-builder__linux-jenkins", "SPEC-E130",
        "type is \"Microsoft.VirtualMachineImages\" without /imageTemplates");
    pin("sny0421__Azure-Image-Builder-Japanese__win10-evd-21h1", "", "valid ARM deployment template");
    pin("sny0421__Azure-Image-Builder-Japanese__ws2019", "", "valid ARM deployment template");
    pin("tylerd__azure-image-builder-wvd__win-10", "VER-E001",
        "apiVersion is the placeholder \"<APIVERSION>\"");
  }

  private static Optional<Path> corpus() {
    return SharedFolder.find().map(s -> s.resolve("corpus/aib")).filter(Files::isDirectory);
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusTemplateHasItsPinnedVerdict() throws IOException {
    Optional<Path> corpus = corpus();
    assumeTrue(corpus.isPresent(), "../shared/corpus/aib is absent: corpus verdicts not checked");
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus.get())) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getParent().getFileName().toString(),
                    () -> {
                      String folder = f.getParent().getFileName().toString();
                      Verdict pinned = PINNED.get(folder);
                      assertEquals(true, pinned != null, "no verdict pinned for " + folder);
                      ConversionResult r =
                          new Converter()
                              .validate(
                                  new SourceFile(f.getFileName().toString(), Files.readString(f)),
                                  ConvertOptions.defaults());
                      String errors =
                          r.diagnostics().stream()
                              .filter(Diagnostic::isError)
                              .map(Diagnostic::code)
                              .sorted()
                              .collect(Collectors.joining(" "));
                      assertEquals(pinned.errors(), errors, folder + ": " + pinned.reason());
                    }));
  }

  /**
   * The pinned verdicts keyed by the template file's path relative to the corpus, for the CLI's
   * bulk run over the whole corpus (golden file {@code testdata/.../corpus/aib-verdicts.json};
   * {@code -Dgolden.update=true} rewrites it).
   */
  @Test
  void pinnedVerdictsAreExportedForTheBulkRun() throws IOException {
    Optional<Path> corpus = corpus();
    assumeTrue(corpus.isPresent(), "../shared/corpus/aib is absent");
    Map<String, Object> verdicts = new java.util.LinkedHashMap<>();
    try (Stream<Path> s = Files.walk(corpus.get())) {
      for (Path f :
          s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList())) {
        Verdict v = PINNED.get(f.getParent().getFileName().toString());
        Map<String, String> verdict = new java.util.LinkedHashMap<>();
        verdict.put("errors", v.errors());
        verdict.put("reason", v.reason());
        verdicts.put("aib/" + corpus.get().relativize(f).toString().replace('\\', '/'), verdict);
      }
    }
    PackerCorpusVerdictTest.checkExported(
        PackerCorpusVerdictTest.testdata().resolve("corpus/aib-verdicts.json"),
        new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(verdicts)
            + "\n");
  }

  @Test
  void everyPinnedCaseStillExists() throws IOException {
    Optional<Path> corpus = corpus();
    assumeTrue(corpus.isPresent(), "../shared/corpus/aib is absent");
    try (Stream<Path> s = Files.list(corpus.get())) {
      assertEquals(
          new TreeSet<>(PINNED.keySet()),
          s.filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .collect(Collectors.toCollection(TreeSet::new)));
    }
  }
}
