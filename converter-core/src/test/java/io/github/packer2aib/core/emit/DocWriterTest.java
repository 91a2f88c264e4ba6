package io.github.packer2aib.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocWriterTest {

  private static DocMember member(String key, DocNode value) {
    return new DocMember(key, null, value);
  }

  /** Every kind of node; numbers as written (a YAML reader's {@code 1.10} stays 1.10). */
  private static final DocObject DOC =
      new DocObject(
          List.of(
              member("s", DocScalar.string("Zoë \"q\"", null)),
              member("n", DocScalar.number("1.10", null)),
              member("e", DocScalar.number("-1e3", null)),
              member("b", DocScalar.bool(true, null)),
              member("B", new DocScalar(DocScalar.Type.BOOLEAN, "False", true, null)),
              member("z", DocScalar.nullValue(null)),
              member("o", new DocObject(List.of(), null)),
              member("a", new DocArray(List.of(), null)),
              member(
                  "l",
                  new DocArray(
                      List.of(
                          DocScalar.string("yes", null),
                          new DocObject(List.of(member("k", DocScalar.string("v", null))), null)),
                      null))),
          null);

  @Test
  void json() {
    assertEquals(
        "{\n"
            + "  \"s\": \"Zoë \\\"q\\\"\",\n"
            + "  \"n\": 1.10,\n"
            + "  \"e\": -1e3,\n"
            + "  \"b\": true,\n"
            + "  \"B\": false,\n"
            + "  \"z\": null,\n"
            + "  \"o\": {},\n"
            + "  \"a\": [],\n"
            + "  \"l\": [\n"
            + "    \"yes\",\n"
            + "    {\n"
            + "      \"k\": \"v\"\n"
            + "    }\n"
            + "  ]\n"
            + "}\n",
        DocWriter.toJson(DOC));
  }

  /** Keys follow the scalar rules too: {@code n} is a YAML 1.1 boolean. */
  @Test
  void yaml() {
    assertEquals(
        "s: Zoë \"q\"\n"
            + "\"n\": 1.10\n"
            + "e: -1e3\n"
            + "b: true\n"
            + "B: false\n"
            + "z: null\n"
            + "o: {}\n"
            + "a: []\n"
            + "l:\n"
            + "  - \"yes\"\n"
            + "  - k: v\n",
        DocWriter.toYaml(DOC));
  }

  @Test
  void aScalarAlone() {
    assertEquals("\"x\"\n", DocWriter.toJson(DocScalar.string("x", null)));
    assertEquals("x\n", DocWriter.toYaml(DocScalar.string("x", null)));
  }
}
