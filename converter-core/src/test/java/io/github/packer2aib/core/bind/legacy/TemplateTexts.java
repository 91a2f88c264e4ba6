package io.github.packer2aib.core.bind.legacy;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Renders plain Java data (maps in order, lists, strings, longs, doubles, booleans, null) as JSON
 * and as YAML, for property tests that write the same legacy template in both syntaxes. JSON
 * strings escape some characters as {@code \\uXXXX} at random, so string offsets are tested too.
 */
final class TemplateTexts {
  private TemplateTexts() {}

  static String json(Object value, Random escapes) {
    StringBuilder sb = new StringBuilder();
    json(value, sb, escapes, 0);
    return sb.append('\n').toString();
  }

  @SuppressWarnings("unchecked")
  private static void json(Object v, StringBuilder sb, Random escapes, int depth) {
    if (v instanceof Map) {
      Map<String, Object> m = (Map<String, Object>) v;
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      int i = 0;
      for (Map.Entry<String, Object> e : m.entrySet()) {
        indent(sb, depth + 1);
        jsonString(e.getKey(), sb, escapes);
        sb.append(": ");
        json(e.getValue(), sb, escapes, depth + 1);
        sb.append(++i < m.size() ? ",\n" : "\n");
      }
      indent(sb, depth);
      sb.append('}');
    } else if (v instanceof List) {
      List<Object> l = (List<Object>) v;
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        json(l.get(i), sb, escapes, depth + 1);
      }
      sb.append(']');
    } else if (v instanceof String s) {
      jsonString(s, sb, escapes);
    } else {
      sb.append(v);
    }
  }

  private static void jsonString(String s, StringBuilder sb, Random escapes) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || escapes.nextInt(8) == 0) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  static String yaml(Object value) {
    StringBuilder sb = new StringBuilder();
    yaml(value, sb, 0, false);
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static void yaml(Object v, StringBuilder sb, int depth, boolean inline) {
    if (v instanceof Map && !((Map<String, Object>) v).isEmpty()) {
      Map<String, Object> m = (Map<String, Object>) v;
      boolean first = true;
      for (Map.Entry<String, Object> e : m.entrySet()) {
        if (!(first && inline)) {
          indent(sb, depth);
        }
        first = false;
        yamlString(e.getKey(), sb);
        sb.append(':');
        child(e.getValue(), sb, depth);
      }
    } else if (v instanceof List && !((List<Object>) v).isEmpty()) {
      for (Object item : (List<Object>) v) {
        indent(sb, depth);
        sb.append("- ");
        if (item instanceof Map && !((Map<?, ?>) item).isEmpty()) {
          yaml(item, sb, depth + 1, true);
        } else if (item instanceof List && !((List<?>) item).isEmpty()) {
          sb.append('\n');
          yaml(item, sb, depth + 1, false);
        } else {
          scalar(item, sb);
          sb.append('\n');
        }
      }
    } else {
      scalar(v, sb);
      sb.append('\n');
    }
  }

  private static void child(Object v, StringBuilder sb, int depth) {
    if ((v instanceof Map && !((Map<?, ?>) v).isEmpty())
        || (v instanceof List && !((List<?>) v).isEmpty())) {
      sb.append('\n');
      yaml(v, sb, depth + 1, false);
    } else {
      sb.append(' ');
      scalar(v, sb);
      sb.append('\n');
    }
  }

  private static void scalar(Object v, StringBuilder sb) {
    if (v instanceof String s) {
      yamlString(s, sb);
    } else if (v instanceof Map) {
      sb.append("{}");
    } else if (v instanceof List) {
      sb.append("[]");
    } else {
      sb.append(v == null ? "null" : v.toString());
    }
  }

  /** A double-quoted YAML scalar; YAML's escapes agree with JSON's for what we write. */
  private static void yamlString(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xfeff) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  private static void indent(StringBuilder sb, int depth) {
    sb.append("  ".repeat(depth));
  }
}
