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
  void yamlStreamsKeepAllDocuments() {
    ParseResult result = DocReader.read(new SourceFile("in", "a: 1\n---\nb: 2\n"));
    assertEquals(
        List.of("{\"a\":1}", "{\"b\":2}"),
        result.documents().stream().map(DocText::render).toList());
  }
}
