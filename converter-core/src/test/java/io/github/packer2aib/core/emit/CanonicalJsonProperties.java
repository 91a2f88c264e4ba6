package io.github.packer2aib.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link CanonicalJson} writes exactly what Jackson's generator writes, as DocWriter once did. */
class CanonicalJsonProperties {

  /** The former {@code DocWriter.toJson}: Jackson's generator with the canonical pretty printer. */
  private static String jackson(DocNode doc) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.setPrettyPrinter(TemplateWriter.prettyPrinter());
      events(g, doc);
    }
    return out.append('\n').toString();
  }

  private static void events(JsonGenerator g, DocNode node) throws IOException {
    if (node instanceof DocObject o) {
      g.writeStartObject();
      for (DocMember m : o.members()) {
        g.writeFieldName(m.key());
        events(g, m.value());
      }
      g.writeEndObject();
    } else if (node instanceof DocArray a) {
      g.writeStartArray();
      for (DocNode item : a.items()) {
        events(g, item);
      }
      g.writeEndArray();
    } else {
      DocScalar s = (DocScalar) node;
      switch (s.type()) {
        case STRING -> g.writeString(s.text());
        case NUMBER -> g.writeNumber(s.text());
        case BOOLEAN -> g.writeBoolean(Boolean.parseBoolean(s.text()));
        default -> g.writeNull();
      }
    }
  }

  @Property(tries = 500)
  void sameTextAsJackson(@ForAll("trees") DocNode doc) throws IOException {
    assertEquals(jackson(doc), CanonicalJson.write(doc));
  }

  /** What the mapper looks a secret up by is exactly what stands between a string's quotes. */
  @Property(tries = 500)
  void aStringsContentIsWhatStandsBetweenItsQuotes(@ForAll("text") String text) {
    assertEquals(
        "\"" + DocWriter.jsonStringContent(text) + "\"\n",
        DocWriter.toJson(DocScalar.string(text, null)));
  }

  @Test
  void everyCharacterBelowU0100IsWrittenAsJacksonWritesIt() throws IOException {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x100; c++) {
      all.append(c);
    }
    all.append("\u2028\u2029\ud83d\ude00\ud800x\udc00\uffff");
    DocObject doc =
        new DocObject(
            List.of(new DocMember(all.toString(), null, DocScalar.string(all.toString(), null))),
            null);
    assertEquals(jackson(doc), CanonicalJson.write(doc));
  }

  @Provide
  Arbitrary<DocNode> trees() {
    return Arbitraries.recursive(this::scalar, this::container, 0, 4);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.strings().withChars("\"\\\b\t\n\f\r\u0000\u001f\u007fa/é").ofMaxLength(12),
        Arbitraries.strings().alpha().ofMaxLength(12),
        // Long enough for the eight-byte steps of the escape scan, with a few specials (and
        // characters beyond U+00FF whose low byte is one: U+0122, U+015C, U+010A) anywhere.
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars("\"\\\n\u001f\u0122\u015c\u010aé\u00ff")
            .ofMinLength(7)
            .ofMaxLength(70));
  }

  /** Levels beyond the prepared line starts are indented as any other. */
  @Test
  void deepNestingIsWrittenAsJacksonWritesIt() throws IOException {
    DocNode doc = DocScalar.string("deep \"x\"", null);
    for (int level = 0; level < 40; level++) {
      doc =
          level % 2 == 0
              ? new DocArray(List.of(DocScalar.number("1", null), doc), null)
              : new DocObject(
                  List.of(
                      new DocMember("k", null, DocScalar.string("v", null)),
                      new DocMember("n" + level, null, doc)),
                  null);
    }
    assertEquals(jackson(doc), CanonicalJson.write(doc));
  }

  private Arbitrary<DocNode> scalar() {
    return Arbitraries.oneOf(
        text().map(s -> DocScalar.string(s, null)),
        Arbitraries.of("0", "-1", "1.10", "-1e3", "12345678901234567890")
            .map(n -> DocScalar.number(n, null)),
        Arbitraries.of("true", "false", "False", "TRUE", "yes")
            .map(b -> new DocScalar(DocScalar.Type.BOOLEAN, b, false, null)),
        Arbitraries.just(DocScalar.nullValue(null)));
  }

  /** An array or object of elements from {@code inner}. */
  private Arbitrary<DocNode> container(Arbitrary<DocNode> inner) {
    Arbitrary<DocNode> array = inner.list().ofMaxSize(4).map(items -> new DocArray(items, null));
    Arbitrary<DocMember> member =
        Combinators.combine(text(), inner).as((k, v) -> new DocMember(k, null, v));
    Arbitrary<DocNode> object = member.list().ofMaxSize(4).map(ms -> new DocObject(ms, null));
    return Arbitraries.oneOf(array, object);
  }
}
