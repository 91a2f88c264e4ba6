package io.github.packer2aib.core.emit;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes any document tree as canonical JSON or YAML text: JSON by {@link CanonicalJson}, which
 * writes what Jackson's generator would, YAML with Jackson's streaming generator (no object
 * mapping). Members come in the tree's order; numbers are written as their literal text, so
 * for JSON output a number's text must be a JSON number (as the model's numbers always are).
 *
 * <p>JSON: the layout of {@link TemplateWriter#prettyPrinter()}, {@code \n} line ends and one final
 * line break, non-ASCII text as is. YAML: through {@link CanonicalYamlFactory}'s generator, which
 * chooses each string's style (see {@link YamlScalars}); no {@code ---}.
 */
public final class DocWriter {
  /**
   * The YAML side, loaded on first use: most runs write JSON, and loading SnakeYAML's emitter is a
   * noticeable part of a single conversion's start-up time. (Code that handles a YAML generator
   * makes the JVM load its class to verify the caller, so that code lives here too.)
   */
  private static final class Yaml {
    private Yaml() {}

    static final CanonicalYamlFactory FACTORY = new CanonicalYamlFactory();

    static String write(DocNode doc) {
      StringWriter out = new StringWriter();
      try (JsonGenerator g = FACTORY.createGenerator(out)) {
        DocWriter.write(g, doc);
      } catch (IOException e) {
        throw new UncheckedIOException("writing to a string failed", e);
      }
      return out.toString();
    }
  }

  private DocWriter() {}

  public static String toJson(DocNode doc) {
    Objects.requireNonNull(doc, "doc");
    return CanonicalJson.write(doc);
  }

  /**
   * {@code s} as it stands between the quotes of a JSON string {@link #toJson} writes (escapes
   * included): the form in which to look a text up in the JSON output.
   */
  public static String jsonStringContent(String s) {
    return CanonicalJson.stringContent(s);
  }

  public static String toYaml(DocNode doc) {
    Objects.requireNonNull(doc, "doc");
    return Yaml.write(doc);
  }

  /** The generator events of a tree; the generator alone decides layout and scalar styles. */
  private static void write(JsonGenerator g, DocNode node) throws IOException {
    if (node instanceof DocObject o) {
      g.writeStartObject();
      for (DocMember m : o.members()) {
        g.writeFieldName(m.key());
        write(g, m.value());
      }
      g.writeEndObject();
    } else if (node instanceof DocArray a) {
      g.writeStartArray();
      for (DocNode item : a.items()) {
        write(g, item);
      }
      g.writeEndArray();
    } else {
      scalar(g, (DocScalar) node);
    }
  }

  private static void scalar(JsonGenerator g, DocScalar s) throws IOException {
    switch (s.type()) {
      case STRING:
        g.writeString(s.text());
        break;
      case NUMBER:
        g.writeNumber(s.text());
        break;
      case BOOLEAN:
        g.writeBoolean(Boolean.parseBoolean(s.text()));
        break;
      default:
        g.writeNull();
        break;
    }
  }
}
