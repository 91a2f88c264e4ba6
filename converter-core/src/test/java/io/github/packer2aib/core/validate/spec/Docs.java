package io.github.packer2aib.core.validate.spec;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
    if (n.isObject()) {
      List<DocMember> members = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        members.add(new DocMember(e.getKey(), null, fromJackson(e.getValue())));
      }
      return new DocObject(members, null);
    }
    if (n.isArray()) {
      List<DocNode> items = new ArrayList<>();
      n.forEach(i -> items.add(fromJackson(i)));
      return new DocArray(items, null);
    }
    if (n.isTextual()) {
      return DocScalar.string(n.asText(), null);
    }
    if (n.isNumber()) {
      return DocScalar.number(n.isBigDecimal() ? n.decimalValue().toString() : n.asText(), null);
    }
    if (n.isBoolean()) {
      return DocScalar.bool(n.asBoolean(), null);
    }
    return DocScalar.nullValue(null);
  }

  /** Reads strict JSON keeping the range of every node and key. */
  public static DocNode parse(String name, String text) {
    Reader r = new Reader(new SourceFile(name, text));
    DocNode n = r.value();
    r.ws();
    if (r.i != text.length()) {
      throw r.fail("trailing text");
    }
    return n;
  }

  private static final class Reader {
    final SourceFile file;
    final String s;
    int i;

    Reader(SourceFile file) {
      this.file = file;
      this.s = file.text();
    }

    DocNode value() {
      ws();
      if (i >= s.length()) {
        throw fail("unexpected end");
      }
      int start = i;
      char c = s.charAt(i);
      if (c == '{') {
        i++;
        List<DocMember> members = new ArrayList<>();
        ws();
        if (peek() == '}') {
          i++;
        } else {
          while (true) {
            ws();
            int ks = i;
            String key = string();
            int ke = i;
            ws();
            expect(':');
            DocNode v = value();
            members.add(new DocMember(key, file.range(ks, ke), v));
            ws();
            if (peek() == ',') {
              i++;
            } else {
              expect('}');
              break;
            }
          }
        }
        return new DocObject(members, file.range(start, i));
      }
      if (c == '[') {
        i++;
        List<DocNode> items = new ArrayList<>();
        ws();
        if (peek() == ']') {
          i++;
        } else {
          while (true) {
            items.add(value());
            ws();
            if (peek() == ',') {
              i++;
            } else {
              expect(']');
              break;
            }
          }
        }
        return new DocArray(items, file.range(start, i));
      }
      if (c == '"') {
        String v = string();
        return DocScalar.string(v, file.range(start, i));
      }
      for (String lit : List.of("true", "false", "null")) {
        if (s.startsWith(lit, i)) {
          i += lit.length();
          return lit.equals("null")
              ? DocScalar.nullValue(file.range(start, i))
              : DocScalar.bool(lit.equals("true"), file.range(start, i));
        }
      }
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      if (i == start) {
        throw fail("unexpected character");
      }
      return DocScalar.number(s.substring(start, i), file.range(start, i));
    }

    String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw fail("unterminated string");
        }
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e);
        }
      }
    }

    char peek() {
      return i < s.length() ? s.charAt(i) : '\0';
    }

    void expect(char c) {
      if (peek() != c) {
        throw fail("expected " + c);
      }
      i++;
    }

    void ws() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    IllegalArgumentException fail(String what) {
      return new IllegalArgumentException(what + " at " + file.position(i));
    }
  }
}
