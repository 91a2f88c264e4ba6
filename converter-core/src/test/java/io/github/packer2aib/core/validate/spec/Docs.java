package io.github.packer2aib.core.validate.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.bind.aib.TestDocs;
import io.github.packer2aib.core.parse.JsonReader;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.source.SourceFile;


/**
 * Test-only document builders: a tiny JSON reader that keeps ranges (so tests can check line:col
 * without the real reader, written elsewhere), and a converter from Jackson trees with no ranges
 * (the shape of documents built by the program).
 */
public final class Docs {
  private Docs() {}

  private static final JsonMapper LENIENT =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /** Reads JSON text (comments and trailing commas allowed) with Jackson. */
  public static JsonNode jackson(String text) {
    try {
      return LENIENT.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("bad test JSON", e);
    }
  }

  /** A Jackson tree as a document without ranges. */
  public static DocNode fromJackson(JsonNode n) {
    return TestDocs.fromTree(n);
  }

  /** Reads JSON keeping the range of every node and key, with the product's reader. */
  public static DocNode parse(String name, String text) {
    ParseResult r = JsonReader.read(new SourceFile(name, text));
    if (r.hasErrors() || r.documents().size() != 1) {
      throw new IllegalArgumentException("bad test JSON: " + r.diagnostics());
    }
    return r.documents().get(0);
  }
}
