package io.github.packer2aib.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocTextTest {

  @Test
  void rendersCompactJsonInMemberOrder() {
    DocNode tree =
        new DocObject(
            List.of(
                new DocMember("z", null, DocScalar.string("a\"b\\c\n\t\u0001é😀", null)),
                new DocMember(
                    "a",
                    null,
                    new DocArray(
                        List.of(
                            DocScalar.bool(true, null),
                            DocScalar.nullValue(null),
                            DocScalar.number("1.10", null)),
                        null)),
                new DocMember("e", null, new DocObject(List.of(), null))),
            null);
    assertEquals(
        "{\"z\":\"a\\\"b\\\\c\\n\\t\\u0001é😀\",\"a\":[true,null,1.10],\"e\":{}}",
        DocText.render(tree));
  }

  @Test
  void loneSurrogatesAreEscaped() {
    assertEquals("\"\\ud800x\\udc00\"", DocText.render(DocScalar.string("\ud800x\udc00", null)));
  }

  @ParameterizedTest
  @CsvSource({
    "1.10, 1.10",
    "-0, -0",
    "1E+5, 1E+5",
    "+1, 1",
    "007, 7",
    "-007, -7",
    "0x1F, 31",
    "0x1f, 31",
    "0o17, 15",
    ".5, 0.5",
    "-.5e3, -0.5e3",
    "1., 1.0",
    "+01.50, 1.50",
    "1.e5, 1.0e5",
  })
  void canonicalNumbers(String literal, String json) {
    assertEquals(json, DocText.canonicalNumber(literal));
  }

  @ParameterizedTest
  @CsvSource({".inf", "-.inf", ".nan", "abc", "0x", "."})
  void numbersWithoutJsonForm(String literal) {
    assertNull(DocText.canonicalNumber(literal));
  }

  @Test
  void nonFiniteNumbersRenderAsStrings() {
    assertEquals(
        "[\"Infinity\",\"-Infinity\",\"NaN\",\"Infinity\"]",
        DocText.render(
            new DocArray(
                List.of(
                    DocScalar.number(".inf", null),
                    DocScalar.number("-.Inf", null),
                    DocScalar.number(".NaN", null),
                    DocScalar.number("+.INF", null)),
                null)));
  }

  @Test
  void equalityIgnoresRangesAndUntypedButNotTypesOrOrder() {
    DocNode json =
        JsonReader.read(new SourceFile("a.json", "{\"a\": [1, true, null, \"x\"], \"n\": 31}"))
            .documents()
            .get(0);
    DocNode yaml =
        YamlReader.read(new SourceFile("b.yaml", "a:\n  - 1\n  - True\n  - ~\n  - x\nn: 0x1F\n"))
            .documents()
            .get(0);
    assertTrue(DocEquality.equalIgnoringRanges(json, yaml));
    DocNode reordered =
        YamlReader.read(new SourceFile("c.yaml", "n: 31\na: [1, true, null, x]\n"))
            .documents()
            .get(0);
    assertFalse(DocEquality.equalIgnoringRanges(json, reordered));
    assertFalse(
        DocEquality.equalIgnoringRanges(DocScalar.string("1", null), DocScalar.number("1", null)));
    assertFalse(
        DocEquality.equalIgnoringRanges(
            DocScalar.number("1.10", null), DocScalar.number("1.1", null)));
    assertFalse(
        DocEquality.equalIgnoringRanges(
            DocScalar.string("Infinity", null), DocScalar.number(".inf", null)));
    assertFalse(
        DocEquality.equalIgnoringRanges(
            new DocArray(List.of(), null), new DocObject(List.of(), null)));
  }
}
