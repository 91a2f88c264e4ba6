package io.github.packer2aib.core.validate.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecJsonTest {

  private static DocNode read(String json) throws IOException {
    return SpecJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static DocMember member(String key, DocNode value) {
    return new DocMember(key, null, value);
  }

  @Test
  void everyKindOfValueWithoutRanges() throws IOException {
    assertEquals(
        new DocObject(
            List.of(
                member("s", DocScalar.string("Zoë", null)),
                member("i", DocScalar.number("-1", null)),
                member("f", DocScalar.number("2.50", null)),
                member(
                    "a",
                    new DocArray(
                        List.of(
                            DocScalar.bool(true, null),
                            DocScalar.bool(false, null),
                            DocScalar.nullValue(null)),
                        null)),
                member("o", new DocObject(List.of(), null))),
            null),
        read("{\"s\": \"Zoë\", \"i\": -1, \"f\": 2.50, \"a\": [true, false, null], \"o\": {}}"));
  }

  /** As Jackson's tree model reads a repeated key: the first position, the last value. */
  @Test
  void aRepeatedKeyKeepsItsFirstPlaceAndItsLastValue() throws IOException {
    assertEquals(
        new DocObject(
            List.of(
                member("a", DocScalar.number("3", null)), member("b", DocScalar.number("2", null))),
            null),
        read("{\"a\": 1, \"b\": 2, \"a\": 3}"));
  }

  @Test
  void aBrokenResourceIsAnError() {
    assertThrows(IOException.class, () -> read(""));
    assertThrows(IOException.class, () -> read("{} {}"));
    assertThrows(IOException.class, () -> read("{\"a\": }"));
  }
}
