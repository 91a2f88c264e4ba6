package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A stable, indented text dump of a syntax tree without ranges, for golden files and test failures.
 * Scalars print on the node's line ({@code Attribute name="a"}), child nodes and lists on indented
 * lines named after their component:
 *
 * <pre>
 * Body
 *   items[0]: Attribute name="a"
 *     expression: LiteralValue kind=NUMBER text="1"
 * </pre>
 */
public final class SyntaxDump {
  private static final String INDENT = "  ";

  private SyntaxDump() {}

  public static String dump(Object node) {
    StringBuilder out = new StringBuilder();
    write(node, "", 0, out);
    return out.toString();
  }

  private static void write(Object value, String label, int depth, StringBuilder out) {
    String prefix = INDENT.repeat(depth) + label;
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append(prefix).append(": []\n");
      }
      for (int i = 0; i < list.size(); i++) {
        write(list.get(i), label + "[" + i + "]", depth, out);
      }
      return;
    }
    if (value instanceof Optional<?> optional) {
      if (optional.isPresent()) {
        write(optional.get(), label, depth, out);
      }
      return;
    }
    if (value == null || !value.getClass().isRecord()) {
      out.append(prefix).append(": ").append(scalar(value)).append('\n');
      return;
    }
    out.append(prefix).append(label.isEmpty() ? "" : ": ").append(value.getClass().getSimpleName());
    List<RecordComponent> children = new ArrayList<>();
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      Object v = SyntaxEquality.value(component, value);
      if (v instanceof Range) {
        continue;
      }
      if (isScalar(v)) {
        out.append(' ').append(component.getName()).append('=').append(scalar(v));
      } else if (!(v instanceof Optional<?> o && o.isEmpty())) {
        children.add(component);
      }
    }
    out.append('\n');
    for (RecordComponent component : children) {
      write(SyntaxEquality.value(component, value), component.getName(), depth + 1, out);
    }
  }

  private static boolean isScalar(Object v) {
    if (v instanceof Optional<?> o) {
      return o.isPresent() && isScalar(o.get());
    }
    return v instanceof String
        || v instanceof Boolean
        || v instanceof Number
        || v instanceof Enum
        || v instanceof Strip;
  }

  private static String scalar(Object v) {
    if (v instanceof Optional<?> o) {
      return o.isPresent() ? scalar(o.get()) : "<none>";
    }
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    if (v instanceof Strip strip) {
      return strip.left() ? (strip.right() ? "both" : "left") : (strip.right() ? "right" : "none");
    }
    return String.valueOf(v);
  }

  /**
   * A Java-style quoted string: control characters and non-ASCII spaces escaped, so dumps diff
   * well.
   */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (cp < 0x20 || cp == 0x7f || (Character.isSpaceChar(cp) && cp != ' ')) {
                    out.append(String.format(Locale.ROOT, "\\u%04X", cp));
                  } else {
                    out.appendCodePoint(cp);
                  }
                }
              }
            });
    return out.append('"').toString();
  }
}
