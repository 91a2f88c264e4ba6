package io.github.packer2aib.core.bind.aib;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.parse.JsonReader;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Test documents: JSON text through the real reader, and Jackson trees as unlocated documents. */
public final class TestDocs {
  public static final JsonMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

  private TestDocs() {}

  /** The text with its ranges, read by the product's JSON reader; the test input must be valid. */
  public static DocNode parse(SourceFile file) {
    ParseResult r = JsonReader.read(file);
    if (r.hasErrors() || r.documents().size() != 1) {
      throw new IllegalArgumentException("bad test JSON: " + r.diagnostics());
    }
    return r.documents().get(0);
  }

  public static DocNode parse(String name, String json) {
    return parse(new SourceFile(name, json));
  }

  public static JsonNode tree(Path path) {
    try {
      return MAPPER.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Jackson tree as an unlocated document tree; numbers keep their literal text. */
  public static DocNode fromTree(JsonNode node) {
    if (node.isObject()) {
      List<DocMember> members = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        members.add(new DocMember(f.getKey(), null, fromTree(f.getValue())));
      }
      return new DocObject(members, null);
    }
    if (node.isArray()) {
      List<DocNode> items = new ArrayList<>();
      node.forEach(item -> items.add(fromTree(item)));
      return new DocArray(items, null);
    }
    if (node.isNumber()) {
      return DocScalar.number(node.asText(), null);
    }
    if (node.isBoolean()) {
      return DocScalar.bool(node.booleanValue(), null);
    }
    if (node.isNull() || node.isMissingNode()) {
      return DocScalar.nullValue(null);
    }
    return DocScalar.string(node.asText(), null);
  }

  public static DocNode fromJson(String json) {
    try {
      return fromTree(MAPPER.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
