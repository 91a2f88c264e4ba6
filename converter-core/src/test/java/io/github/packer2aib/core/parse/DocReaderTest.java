package io.github.packer2aib.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocReaderTest {

  /** Input that reads differently as JSON and YAML, so the first diagnostic shows the choice. */
  private static String codeFor(String name, String text) {
    ParseResult result = DocReader.read(new SourceFile(name, text));
    return result.diagnostics().isEmpty() ? "ok" : result.diagnostics().get(0).code();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // name | text | expected first code
        "t.json      | a: 1          | JSON-E010",
        "t.JSONC     | a: 1          | JSON-E010",
        "t.yaml      | {'a': 1}      | ok",
        "t.yml       | {'a': 1}      | ok",
        "t.txt       | {'a': 1}      | JSON-E007",
        "<stdin>     | '  [1, 2'     | JSON-E005",
        "<stdin>     | a: 1          | ok",
        "template    | '# c\n{\"a\": 1}' | JSON-E019",
        "template    | '// c\n{\"a\": 1}' | ok",
        "template    | '/* c */ [1]' | ok",
        "template    | ''            | YAML-E001",
        "template    | '\uFEFF{\"a\":1}' | ok",
      })
  void choosesTheReaderByExtensionThenByFirstCharacter(String name, String text, String code) {
    assertEquals(code, codeFor(name, text.replace("\\n", "\n")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'  {'                 | true",
        "'# comment\n['        | true",
        "'// x\n/* y */ {'     | true",
        "'/* unclosed {'       | false",
        "'key: {'              | false",
        "'- [1]'               | false",
        "''                    | false",
      })
  void sniffsJsonByTheFirstSignificantCharacter(String text, boolean json) {
    assertEquals(json, DocReader.looksLikeJson(new SourceFile("in", text.replace("\\n", "\n"))));
  }

  @org.junit.jupiter.api.Test
  void bicepSourceIsNamedAsSuch() {
    // A .bicep file was a YAML "Unexpected colon" at its first name: line, a .bicepparam one "no
    // image template: the document is a string".
    ParseResult bicep =
        DocReader.read(
            new SourceFile(
                "infra/Main.Bicep",
                "param location string = resourceGroup().location\nresource tpl"
                    + " 'Microsoft.VirtualMachineImages/imageTemplates@2022-07-01' = {\n  name:"
                    + " 'it'\n}\n"));
    assertEquals(List.of(), bicep.documents());
    assertEquals(1, bicep.diagnostics().size());
    var d = bicep.diagnostics().get(0);
    assertEquals("BICEP-E001", d.code());
    assertEquals(io.github.packer2aib.core.diag.Severity.ERROR, d.severity());
    assertEquals("infra/Main.Bicep:1:1", d.subject().orElseThrow().toString());
    assertEquals(
        "This is Bicep source, which packer2aib does not read. Compile it to an ARM template with"
            + " az bicep build --file infra/Main.Bicep and give the JSON file that writes"
            + " (infra/Main.json).",
        d.detail());
    var params =
        DocReader.read(
                new SourceFile(
                    "main.bicepparam", "// values\nusing './main.bicep'\nparam location = 'x'\n"))
            .diagnostics();
    assertEquals("BICEP-E001", params.get(0).code());
    assertEquals(
        "This is a Bicep parameters file, which packer2aib does not read: it holds values for a"
            + " template, not the image template (az bicep build-params would make an ARM"
            + " parameters file of it, which holds none either). Compile the Bicep file that its"
            + " using line names (./main.bicep, from this file's folder) with az bicep build"
            + " --file and give the JSON file that writes.",
        params.get(0).detail());
    // By name only: the same text under another name is read as YAML.
    assertEquals("YAML-E004", codeFor("main.txt", "resource x 'a@b' = {\n  name: 'it'\n}\n"));
  }

  @org.junit.jupiter.api.Test
  void yamlStreamsKeepAllDocuments() {
    ParseResult result = DocReader.read(new SourceFile("in", "a: 1\n---\nb: 2\n"));
    assertEquals(
        List.of("{\"a\":1}", "{\"b\":2}"),
        result.documents().stream().map(DocText::render).toList());
  }
}
