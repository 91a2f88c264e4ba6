package io.github.packer2aib.core.emit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The emitted JSON form of a template as a document tree (without ranges), so the spec validator
 * can check converted output the same way it checks input.
 */
public final class TemplateDocs {
  private TemplateDocs() {}

  public static DocNode toDoc(ImageTemplate template) {
    Objects.requireNonNull(template, "template");
    return fromJsonTree(TemplateWriter.JSON.valueToTree(template));
  }

  /**
   * The document tree of a template already written as JSON ({@link TemplateWriter#toJson}), read
   * with Jackson's streaming parser: cheaper than serialising the model a second time into a tree.
   */
  public static DocNode fromJson(String json) {
    try (JsonParser p = TemplateWriter.JSON.getFactory().createParser(json)) {
      p.nextToken();
      return read(p);
    } catch (IOException e) {
      throw new IllegalStateException("the converter's own JSON output does not parse", e);
    }
  }

  private static DocNode read(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT:
        {
          List<DocMember> members = new ArrayList<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            members.add(new DocMember(name, null, read(p)));
          }
          return new DocObject(members, null);
        }
      case START_ARRAY:
        {
          List<DocNode> items = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(read(p));
          }
          return new DocArray(items, null);
        }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return DocScalar.number(p.getText(), null);
      case VALUE_TRUE:
        return DocScalar.bool(true, null);
      case VALUE_FALSE:
        return DocScalar.bool(false, null);
      case VALUE_NULL:
        return DocScalar.nullValue(null);
      default:
        return DocScalar.string(p.getText(), null);
    }
  }

  /** A Jackson tree as a document tree; numbers keep their literal text. */
  public static DocNode fromJsonTree(JsonNode node) {
    if (node.isObject()) {
      List<DocMember> members = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        members.add(new DocMember(f.getKey(), null, fromJsonTree(f.getValue())));
      }
      return new DocObject(members, null);
    }
    if (node.isArray()) {
      List<DocNode> items = new ArrayList<>();
      node.forEach(item -> items.add(fromJsonTree(item)));
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
    // Text, and anything else Jackson can hold (binary, POJO), as its text.
    return DocScalar.string(node.asText(), null);
  }
}
