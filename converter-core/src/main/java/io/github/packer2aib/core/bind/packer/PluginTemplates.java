package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.TupleValue;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.legacy.template.Evaluation;
import io.github.packer2aib.core.legacy.template.Scope;
import io.github.packer2aib.core.legacy.template.TemplateEvaluator;
import io.github.packer2aib.core.legacy.template.TemplateProblem;
import io.github.packer2aib.core.legacy.template.UserVariables;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the Go templates in the evaluated body of a source, provisioner or post-processor, as
 * Packer's plugins do: HCL2 evaluates the body, then the plugin decodes it with interpolation on
 * ({@code config.Decode} with {@code Interpolate: true}), so {@code managed_image_name =
 * "img-{{timestamp}}"} builds an image named with the Unix time, and {@code {{ nosuch }}} fails
 * {@code packer validate}. Strings without {@code "{{"} (nearly all) are left as they are, and
 * provisioner-time data such as {@code {{ .Path }}} stays for the mapper, as in legacy templates.
 *
 * <p>A problem is reported at the argument's expression: the string may have come from a variable,
 * so a column inside it could point at the wrong text.
 */
final class PluginTemplates {
  private final TemplateEvaluator evaluator;
  private final List<Diagnostic> out;

  PluginTemplates(TemplateEvaluator evaluator, List<Diagnostic> out) {
    this.evaluator = evaluator;
    this.out = out;
  }

  /**
   * {@code config} with its strings rendered in {@code scope}; the same object when none changes.
   */
  Config render(Config config, Scope scope) {
    List<Setting> settings = null;
    List<Setting> given = config.settings();
    for (int i = 0; i < given.size(); i++) {
      Setting s = given.get(i);
      Value v = value(s.value(), scope, s.valueRange());
      if (v != s.value()) {
        if (settings == null) {
          settings = new ArrayList<>(given);
        }
        settings.set(i, s.withValue(v));
      }
    }
    List<Config.NestedBlock> blocks = null;
    List<Config.NestedBlock> nested = config.blocks();
    for (int i = 0; i < nested.size(); i++) {
      Config.NestedBlock b = nested.get(i);
      Config body = render(b.body(), scope);
      if (body != b.body()) {
        if (blocks == null) {
          blocks = new ArrayList<>(nested);
        }
        blocks.set(i, new Config.NestedBlock(b.type(), b.labels(), body, b.range()));
      }
    }
    if (settings == null && blocks == null) {
      return config;
    }
    return new Config(
        settings == null ? given : settings, blocks == null ? nested : blocks, config.range());
  }

  private Value value(Value marked, Scope scope, Range at) {
    // Every setting of every plugin body comes here: a plain string without "{{" (nearly all) is
    // settled without unmarking it (a record per value in C1 code).
    if (marked instanceof StringValue plain && !plain.value().contains("{{")) {
      return marked;
    }
    Value.Unmarked u = marked.unmark();
    Value v = u.value();
    Value rendered = v;
    if (v instanceof StringValue s) {
      if (!s.value().contains("{{")) {
        return marked;
      }
      Evaluation e = evaluator.evaluate(s.value(), scope, UserVariables.unavailable());
      for (TemplateProblem p : e.problems()) {
        // A secret's text is never shown: the problem's own detail names no value.
        out.add(Diagnostic.of(p.code(), at, p.detail()));
      }
      rendered = e.value();
    } else if (v instanceof TupleValue t) {
      List<Value> items = elements(t.elements(), scope, at);
      rendered = items == null ? v : Value.tuple(items);
    } else if (v instanceof ListValue l) {
      List<Value> items = elements(l.elements(), scope, at);
      rendered = items == null ? v : new ListValue(l.elementType(), items);
    } else if (v instanceof ObjectValue o) {
      Map<String, Value> m = members(o.attributes(), scope, at);
      rendered = m == null ? v : Value.object(m);
    } else if (v instanceof MapValue m) {
      Map<String, Value> entries = members(m.entries(), scope, at);
      rendered = entries == null ? v : new MapValue(m.elementType(), new TreeMap<>(entries));
    }
    if (rendered == v) {
      return marked;
    }
    return u.marks().isEmpty() ? rendered : rendered.withMarks(u.marks());
  }

  private List<Value> elements(List<Value> given, Scope scope, Range at) {
    List<Value> items = null;
    for (int i = 0; i < given.size(); i++) {
      Value r = value(given.get(i), scope, at);
      if (r != given.get(i)) {
        if (items == null) {
          items = new ArrayList<>(given);
        }
        items.set(i, r);
      }
    }
    return items;
  }

  private Map<String, Value> members(Map<String, Value> given, Scope scope, Range at) {
    Map<String, Value> result = null;
    for (Map.Entry<String, Value> e : given.entrySet()) {
      Value r = value(e.getValue(), scope, at);
      if (r != e.getValue()) {
        if (result == null) {
          result = new LinkedHashMap<>(given);
        }
        result.put(e.getKey(), r);
      }
    }
    return result;
  }
}
