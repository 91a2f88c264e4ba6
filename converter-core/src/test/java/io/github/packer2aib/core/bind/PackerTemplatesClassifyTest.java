package io.github.packer2aib.core.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.bind.PackerTemplates.Classified;
import io.github.packer2aib.core.bind.PackerTemplates.Form;
import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link PackerTemplates#classify}: what a JSON or YAML file holds, by content. */
class PackerTemplatesClassifyTest {

  private static Classified classify(String name, String text) {
    return PackerTemplates.classify(new SourceFile(name, text));
  }

  @Test
  void legacyTemplatesInJsonAndYaml() {
    assertEquals(
        new Classified(Form.LEGACY, ""),
        classify("t.json", "{\"builders\": [{\"type\": \"azure-arm\"}]}"));
    assertEquals(
        new Classified(Form.LEGACY, ""), classify("t.yaml", "builders:\n  - type: azure-arm\n"));
  }

  /**
   * A YAML stream of legacy templates is a legacy template, which fails with LEGACY-E018 ("put each
   * template in its own file"): it was read as an image template, whose BIND-E002 told the user to
   * give the template as a .yaml file, and a bulk run skipped it as no template.
   */
  @Test
  void aYamlStreamOfLegacyTemplatesIsOneThatSaysToSplitIt() {
    String stream = "builders:\n  - type: azure-arm\n---\nbuilders:\n  - type: azure-arm\n";
    assertEquals(new Classified(Form.LEGACY, ""), classify("t.yaml", stream));
    assertEquals(
        new Classified(Form.LEGACY, ""),
        classify("t.yaml", "description: notes\n---\nbuilders:\n  - type: azure-arm\n"));
    SourceFile file = new SourceFile("t.yaml", stream);
    assertEquals(true, PackerTemplates.isPacker(file, DocReader.read(file)));

    MemoryFileView files = new MemoryFileView("/w").put("/w/t.yaml", stream);
    LoadResult loaded =
        PackerTemplates.load(
            new PackerInput(Path.of("t.yaml"), "t.yaml"),
            PackerOptions.defaults(Path.of("/w"), Clock.frozenAt(Instant.EPOCH)),
            files);
    assertEquals(
        List.of("LEGACY-E018"),
        loaded.diagnostics().stream().map(d -> d.code()).distinct().toList());
  }

  @Test
  void hclJsonNeedsBlocksAndAJsonFile() {
    String hcl = "{\"source\": {\"azure-arm\": {\"u\": {}}}, \"build\": {\"sources\": []}}";
    assertEquals(new Classified(Form.HCL_JSON, ""), classify("t.json", hcl));
    assertEquals(Form.NONE, classify("t.yaml", hcl).form());
    assertEquals(
        new Classified(Form.NONE, "an object of plain values (a variable file)"),
        classify("vars.json", "{\"source\": \"westeurope\", \"build\": \"1\"}"));
  }

  /** Converting one file asks the same question with the same rule. */
  @Test
  void isHclJsonAgreesWithTheClassifier() {
    String hcl = "{\"source\": {\"azure-arm\": {\"u\": {}}}, \"build\": {\"sources\": []}}";
    String vars = "{\"source\": \"westeurope\", \"build\": \"1\"}";
    assertEquals(true, PackerTemplates.isHclJson(new SourceFile("t.json", hcl)));
    assertEquals(false, PackerTemplates.isHclJson(new SourceFile("vars.json", vars)));
    assertEquals(false, PackerTemplates.isHclJson(new SourceFile("t.yaml", hcl)));
  }

  @Test
  void aibTemplatesInEveryShape() {
    String resource =
        "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"properties\": {}}";
    String body = "{\"location\": \"x\", \"properties\": {\"source\": {}}}";
    String arm =
        "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentTemplate.json#\", \"resources\": ["
            + resource
            + "]}";
    assertEquals(new Classified(Form.AIB, ""), classify("a.json", resource));
    assertEquals(new Classified(Form.AIB, ""), classify("b.yaml", body));
    assertEquals(new Classified(Form.AIB, ""), classify("c.json", arm));
  }

  @Test
  void otherFilesSayWhatTheyAre() {
    assertEquals(
        new Classified(Form.NONE, "an ARM parameters file"),
        classify(
            "p.json",
            "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
                + "deploymentParameters.json#\", \"parameters\": {}}"));
    assertEquals(
        new Classified(
            Form.NONE,
            "neither a Packer template (no builders, source or build) nor an AIB image template"),
        classify("ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"));
    assertEquals(new Classified(Form.NONE, "empty"), classify("e.yaml", ""));
    Classified broken = classify("b.json", "{\"a\": ,}");
    assertEquals(Form.NONE, broken.form());
    assertEquals(true, broken.reason().startsWith("not valid JSON or YAML ("), broken.reason());
    assertEquals(true, broken.reason().contains(" at 1:"), broken.reason());
  }

  @Test
  void aTemplateThatDoesNotParseIsStillATemplateWhenItsMarksShow() {
    // Its converter then reports the syntax error: the template fails instead of being skipped.
    assertEquals(
        new Classified(Form.AIB, ""),
        classify(
            "dup.yaml",
            "type: Microsoft.VirtualMachineImages/imageTemplates\nproperties:\n  a: 1\n  a: 2\n"));
    assertEquals(
        new Classified(Form.AIB, ""),
        classify("t.json", "{\"type\": \"microsoft.virtualmachineimages/imagetemplates\", }"));
    assertEquals(
        new Classified(Form.LEGACY, ""),
        classify("p.json", "{\"builders\": [{\"type\": \"azure-arm\",]}"));
    assertEquals(
        new Classified(Form.LEGACY, ""),
        classify("p.yaml", "builders:\n  - type: azure-arm\n    a: 1\n    a: 2\n"));
    // Without those marks a broken file is no template, as before.
    Classified other = classify("ci.yml", "jobs:\n  a: 1\n  a: 2\n");
    assertEquals(Form.NONE, other.form());
    assertEquals("not valid JSON or YAML (duplicate key at 3:3)", other.reason());
  }

  @Test
  void aTemplateAlreadyReadAndParsedIsLoadedAsGivenNotReadAgain() {
    String onDisk = "{\"builders\": [{\"type\": \"azure-arm\", \"location\": \"westeurope\"}]}";
    String given = "{\"builders\": [{\"type\": \"azure-arm\", \"location\": \"eastus\"}]}";
    MemoryFileView files = new MemoryFileView("/w").put("/w/t.json", onDisk);
    PackerOptions options = PackerOptions.defaults(Path.of("/w"), Clock.frozenAt(Instant.EPOCH));
    SourceFile file = new SourceFile("t.json", given);
    PackerInput input =
        new PackerInput(
            Path.of("t.json"),
            "t.json",
            Optional.of(new PackerInput.Document(file, DocReader.read(file))));

    LoadResult fromDocument = PackerTemplates.load(input, options, files);
    LoadResult fromDisk =
        PackerTemplates.load(new PackerInput(Path.of("t.json"), "t.json"), options, files);

    assertEquals(List.of(file), fromDocument.sources());
    assertEquals(onDisk, fromDisk.sources().get(0).text());
    assertEquals(
        fromDisk.template().map(Object::toString).orElseThrow().replace("westeurope", "eastus"),
        fromDocument.template().map(Object::toString).orElseThrow());
  }
}
