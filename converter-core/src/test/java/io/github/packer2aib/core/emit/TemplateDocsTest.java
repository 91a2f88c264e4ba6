package io.github.packer2aib.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.packer2aib.core.bind.aib.TestDocs;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import org.junit.jupiter.api.Test;

class TemplateDocsTest {

  @Test
  void docIsTheTreeOfTheEmittedJson() throws Exception {
    DocNode doc = TemplateDocs.toDoc(Samples.windows());
    DocNode fromText =
        TestDocs.fromTree(TestDocs.MAPPER.readTree(TemplateWriter.toJson(Samples.windows())));
    assertEquals(fromText, doc);
  }

  @Test
  void scalarsKeepTheirKindsAndText() {
    DocNode doc = TemplateDocs.toDoc(Samples.linux());
    assertEquals(
        DocScalar.number("80", null),
        JsonPointer.resolve(doc, "/properties/buildTimeoutInMinutes"));
    assertEquals(
        DocScalar.number("-1", null),
        JsonPointer.resolve(doc, "/properties/distribute/0/versioning/major"));
    assertEquals(
        DocScalar.bool(false, null),
        JsonPointer.resolve(doc, "/properties/distribute/0/excludeFromLatest"));
    assertEquals(DocScalar.string("1.10", null), JsonPointer.resolve(doc, "/tags/version"));
    assertEquals(
        DocScalar.string("[parameters('timeout')]", null),
        JsonPointer.resolve(
            TemplateDocs.toDoc(Samples.windows()), "/properties/buildTimeoutInMinutes"));
    assertNull(doc.range());
    assertEquals(
        java.util.List.of(
            "type", "apiVersion", "name", "location", "tags", "identity", "properties"),
        ((DocObject) doc).members().stream().map(m -> m.key()).toList());
  }
}
