package io.github.packer2aib.core.emit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
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
