package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.value.BoolValue;
import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.NullValue;
import io.github.packer2aib.core.hcl.value.NumberValue;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.SetValue;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.TupleValue;
import io.github.packer2aib.core.hcl.value.UnknownValue;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.parse.hcl.HclExpressionResult;
import io.github.packer2aib.core.parse.hcl.HclParser;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shared fixtures of the evaluator tests: functions, in-memory files, parsing, rendering. */
final class EvalTesting {
  private EvalTesting() {}

  static final Instant NOW = Instant.parse("2024-03-04T05:06:07Z");

  /** A few files under /work/tpl for file functions and templatefile. */
  static final class MemoryFiles extends MemoryFileView {
    MemoryFiles() {
      super("/work/tpl");
      put("/work/tpl/hello.txt", "Hello, file!\n");
      put("/work/tpl/greeting.tpl", "Hello, ${name}!");
      put("/work/tpl/list.tpl", "%{ for i, x in items ~}\n${i}: ${x}\n%{ endfor ~}\n");
      put("/work/tpl/raw.tpl", "${items}");
      put("/work/tpl/bad.tpl", "Hello, ${nope.x}!");
      put("/work/tpl/broken.tpl", "Hello, ${");
      put("/work/tpl/recursive.tpl", "${templatefile(\"greeting.tpl\", {name = \"x\"})}");
      put("/work/tpl/upper.tpl", "${upper(name)}");
      put("/work/tpl/error.tpl", "${name + 1}");
    }
  }

  static FunctionRegistry registry() {
    return FunctionRegistry.packer(
        Clock.frozenAt(NOW, 42), new MemoryFiles(), Evaluator.templateRenderer());
  }

  static Expression parse(String text) {
    return parse("expr.hcl", text);
  }

  static Expression parse(String fileName, String text) {
    HclExpressionResult r = new HclParser().parseExpression(new SourceFile(fileName, text));
    if (r.hasErrors() || r.expression().isEmpty()) {
      throw new IllegalArgumentException("does not parse: " + text + "\n" + r.diagnostics());
    }
    return r.expression().get();
  }

  static EvalResult eval(String text, Map<String, Value> variables) {
    return Evaluator.evaluate(parse(text), EvalContext.of(variables, registry()));
  }

  static EvalResult eval(String text) {
    return eval(text, Map.of());
  }

  /**
   * A canonical rendering of a value with everything shown: {@code "s"}, {@code 1.5}, {@code true},
   * {@code null}, {@code (unknown)}, sequences {@code [a, b]}, mappings {@code {"k": v}}; a
   * sensitive value is followed by {@code (sensitive)}.
   */
  static String render(Value v) {
    StringBuilder sb = new StringBuilder();
    render(v, sb);
    return sb.toString();
  }

  /** {@code type = value}, the form of the conformance cases. */
  static String typed(Value v) {
    return v.type() + " " + render(v);
  }

  private static void render(Value v, StringBuilder sb) {
    Value u = v.unmarked();
    if (u instanceof StringValue s) {
      quote(s.value(), sb);
    } else if (u instanceof NumberValue || u instanceof BoolValue) {
      sb.append(u instanceof NumberValue ? u.asNumber().toString() : String.valueOf(u.asBoolean()));
    } else if (u instanceof NullValue) {
      sb.append("null");
    } else if (u instanceof UnknownValue) {
      sb.append("(unknown)");
    } else if (u instanceof TupleValue || u instanceof ListValue || u instanceof SetValue) {
      sb.append('[');
      List<Value> elements = u.elements();
      for (int i = 0; i < elements.size(); i++) {
        sb.append(i == 0 ? "" : ", ");
        render(elements.get(i), sb);
      }
      sb.append(']');
    } else {
      Map<String, Value> m =
          u instanceof MapValue map ? map.entries() : ((ObjectValue) u).attributes();
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Value> e : m.entrySet()) {
        sb.append(first ? "" : ", ");
        first = false;
        quote(e.getKey(), sb);
        sb.append(": ");
        render(e.getValue(), sb);
      }
      sb.append('}');
    }
    if (v.isSensitive()) {
      sb.append(" (sensitive)");
    }
  }

  private static void quote(String s, StringBuilder sb) {
    sb.append('"');
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                  if (cp < 0x20) {
                    sb.append(String.format("\\u%04x", cp));
                  } else {
                    sb.appendCodePoint(cp);
                  }
                }
              }
            });
    sb.append('"');
  }
}
