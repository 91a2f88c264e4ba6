package io.github.packer2aib.core.validate.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a shipped spec file into a document tree without ranges, with Jackson's streaming parser:
 * the spec is our own resource, so it needs neither the located reader's positions nor its
 * diagnostics, and an object mapper would cost a cold start more than the whole read. A key that
 * appears twice keeps its first position and its last value, as Jackson's tree model reads it.
 */
final class SpecJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private SpecJson() {}

  static DocNode read(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      if (p.nextToken() == null) {
        throw new IOException("empty spec file");
      }
      DocNode node = value(p);
      if (p.nextToken() != null) {
        throw new IOException("more than one value in a spec file");
      }
      return node;
    }
  }

  private static DocNode value(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT:
        {
          Map<String, DocNode> members = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            members.put(name, value(p));
          }
          List<DocMember> list = new ArrayList<>(members.size());
          members.forEach((k, v) -> list.add(new DocMember(k, null, v)));
          return new DocObject(list, null);
        }
      case START_ARRAY:
        {
          List<DocNode> items = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(p));
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
      case VALUE_STRING:
        return DocScalar.string(p.getText(), null);
      default:
        throw new IOException("unexpected " + p.currentToken() + " in a spec file");
    }
  }
}
