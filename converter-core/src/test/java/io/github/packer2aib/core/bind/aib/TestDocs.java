package io.github.packer2aib.core.bind.aib;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test stand-ins for the project's JSON reader (written elsewhere): JSON text to a located document
 * tree with Jackson's streaming parser, and a Jackson tree to an unlocated one.
 */
public final class TestDocs {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .build();

  public static final JsonMapper MAPPER = JsonMapper.builder(FACTORY).build();

  private TestDocs() {}

  /** The text with its ranges; comments and trailing commas allowed (as in ARM templates). */
  public static DocNode parse(SourceFile file) {
    try (JsonParser p = FACTORY.createParser(file.text())) {
      p.nextToken();
      return read(p, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  private static int start(JsonParser p) {
    return (int) p.currentTokenLocation().getCharOffset();
  }

  private static int end(JsonParser p) {
    JsonLocation l = p.currentLocation();
    return (int) l.getCharOffset();
  }

  private static DocNode read(JsonParser p, SourceFile file) throws IOException {
    JsonToken t = p.currentToken();
    int start = start(p);
    switch (t) {
      case START_OBJECT -> {
        List<DocMember> members = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int ks = start(p);
          int ke = ks + key.length() + 2;
          p.nextToken();
          DocNode value = read(p, file);
          members.add(new DocMember(key, file.range(ks, ke), value));
        }
        return new DocObject(members, file.range(start, end(p)));
      }
      case START_ARRAY -> {
        List<DocNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, file));
        }
        return new DocArray(items, file.range(start, end(p)));
      }
      case VALUE_STRING -> {
        return DocScalar.string(p.getText(), file.range(start, end(p)));
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return DocScalar.number(p.getText(), file.range(start, end(p)));
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return DocScalar.bool(t == JsonToken.VALUE_TRUE, file.range(start, end(p)));
      }
      default -> {
        return DocScalar.nullValue(file.range(start, end(p)));
      }
    }
  }

  /** A Jackson tree as an unlocated document tree. */
  public static DocNode fromTree(JsonNode node) {
    if (node.isObject()) {
      List<DocMember> members = new ArrayList<>();
      for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        members.add(new DocMember(f.getKey(), null, fromTree(f.getValue())));
      }
      return new DocObject(members, null);
    }
    if (node.isArray()) {
      List<DocNode> items = new ArrayList<>();
      node.forEach(n -> items.add(fromTree(n)));
      return new DocArray(items, null);
    }
    if (node.isNumber()) {
      return DocScalar.number(node.asText(), null);
    }
    if (node.isBoolean()) {
      return DocScalar.bool(node.booleanValue(), null);
    }
    if (node.isNull()) {
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
