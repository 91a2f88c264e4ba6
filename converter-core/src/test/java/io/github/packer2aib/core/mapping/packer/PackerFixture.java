package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.emit.DocWriter;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Build;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.PostProcessor;
import io.github.packer2aib.core.packer.Provisioner;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.Source;
import io.github.packer2aib.core.packer.SourceUsage;
import io.github.packer2aib.core.packer.ValueLayout;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds Packer models for tests the way a front end would, and writes the template text they stand
 * for (HCL2 or legacy JSON) so that every setting, block and provisioner has a real range in a
 * {@link SourceFile} and diagnostics render with source snippets.
 *
 * <pre>
 * PackerFixture.hcl()
 *     .source("azure-arm", "ubuntu", s -&gt; s.set("os_type", "Linux"))
 *     .build(b -&gt; b.sources("azure-arm.ubuntu").provisioner("shell", p -&gt; p.set("inline", List.of("x"))))
 *     .template();
 * </pre>
 */
final class PackerFixture {
  enum Syntax {
    HCL,
    JSON
  }

  static final String FOLDER = "/work/templates";

  private final Syntax syntax;
  private final List<VariableSpec> variables = new ArrayList<>();
  private final List<SourceSpec> sources = new ArrayList<>();
  private final List<BuildSpec> builds = new ArrayList<>();

  private PackerFixture(Syntax syntax) {
    this.syntax = syntax;
  }

  static PackerFixture hcl() {
    return new PackerFixture(Syntax.HCL);
  }

  static PackerFixture json() {
    return new PackerFixture(Syntax.JSON);
  }

  String fileName() {
    return syntax == Syntax.HCL ? "template.pkr.hcl" : "template.json";
  }

  // ------------------------------------------------------------------ specs

  /** An attribute: its value, how it is written, and (after rendering) where. */
  static final class Attr {
    final String name;
    final Value value;
    final String display;
    int nameStart;
    int nameEnd;
    int valueStart;
    int valueEnd;

    Attr(String name, Value value, String display) {
      this.name = name;
      this.value = value;
      this.display = display;
    }
  }

  /** A nested block (legacy JSON: an object member). */
  static final class Blk {
    final String type;
    final Body body = new Body();
    int start;
    int end;
    // Legacy JSON: where the member holding this type's blocks is written (first block only).
    int memberNameStart;
    int memberNameEnd;
    int memberValueStart;
    int memberValueEnd;

    Blk(String type) {
      this.type = type;
    }
  }

  /** Attributes and blocks in order. */
  static final class Body {
    final List<Object> items = new ArrayList<>();
  }

  private record VariableSpec(String name, Value value, boolean sensitive, int[] at) {}

  private static final class SourceSpec {
    final String type;
    final String name;
    final Body body = new Body();
    int start;
    int end;

    SourceSpec(String type, String name) {
      this.type = type;
      this.name = name;
    }
  }

  private static final class UsageSpec {
    final String reference;
    final Body body; // null: a plain entry of sources = [...]
    int start;
    int end;

    UsageSpec(String reference, Body body) {
      this.reference = reference;
      this.body = body;
    }
  }

  private static final class ProvisionerSpec {
    final String kind; // provisioner, post-processor, error-cleanup-provisioner
    final String type;
    final Body body = new Body();
    final List<String> only = new ArrayList<>();
    final List<String> except = new ArrayList<>();
    final Map<String, Body> override = new LinkedHashMap<>();
    // Where each override key is written (HCL only: the legacy loader locates none).
    final Map<String, int[]> overrideKeys = new LinkedHashMap<>();
    Attr name;
    Attr pauseBefore;
    Attr maxRetries;
    Attr timeout;
    int start;
    int end;

    ProvisionerSpec(String kind, String type) {
      this.kind = kind;
      this.type = type;
    }
  }

  private static final class BuildSpec {
    String name;
    final List<UsageSpec> usages = new ArrayList<>();
    final List<ProvisionerSpec> provisioners = new ArrayList<>();
    final List<ProvisionerSpec> postProcessors = new ArrayList<>();
    ProvisionerSpec errorCleanup;
    int start;
    int end;
  }

  // ------------------------------------------------------------------ builders

  /** Builds a body: {@code set}, {@code ref}, {@code block}. */
  static class BodyBuilder<T extends BodyBuilder<T>> {
    final Body body;

    BodyBuilder(Body body) {
      this.body = body;
    }

    @SuppressWarnings("unchecked")
    T self() {
      return (T) this;
    }

    /**
     * An attribute with a literal value (String, Long/Integer, Boolean, List, Map or Value); one
     * already set is replaced where it stands, as the template could hold it only once.
     */
    T set(String name, Object value) {
      put(new Attr(name, value(value), null));
      return self();
    }

    /** An attribute written as an expression ({@code var.x}) with its evaluated value. */
    T ref(String name, String expression, Value value) {
      put(new Attr(name, value, expression));
      return self();
    }

    private void put(Attr attr) {
      for (int i = 0; i < body.items.size(); i++) {
        if (body.items.get(i) instanceof Attr a && a.name.equals(attr.name)) {
          body.items.set(i, attr);
          return;
        }
      }
      body.items.add(attr);
    }

    T block(String type, Consumer<Plain> content) {
      Blk b = new Blk(type);
      content.accept(new Plain(b.body));
      body.items.add(b);
      return self();
    }
  }

  static final class Plain extends BodyBuilder<Plain> {
    Plain(Body body) {
      super(body);
    }
  }

  /** A provisioner or post-processor. */
  static final class Prov extends BodyBuilder<Prov> {
    private final ProvisionerSpec spec;

    Prov(ProvisionerSpec spec) {
      super(spec.body);
      this.spec = spec;
    }

    Prov name(String name) {
      spec.name = new Attr("name", Value.string(name), null);
      return this;
    }

    Prov only(String... names) {
      spec.only.addAll(List.of(names));
      return this;
    }

    Prov except(String... names) {
      spec.except.addAll(List.of(names));
      return this;
    }

    Prov override(String usage, Consumer<Plain> content) {
      Body b = new Body();
      content.accept(new Plain(b));
      spec.override.put(usage, b);
      return this;
    }

    /** A pause_before written as a bare number (a legacy template reads it as nanoseconds). */
    Prov pauseBefore(long nanoseconds) {
      spec.pauseBefore = new Attr("pause_before", Value.number(nanoseconds), null);
      return this;
    }

    Prov pauseBefore(String duration) {
      spec.pauseBefore = new Attr("pause_before", Value.string(duration), null);
      return this;
    }

    Prov maxRetries(long n) {
      spec.maxRetries = new Attr("max_retries", Value.number(n), null);
      return this;
    }

    Prov timeout(String duration) {
      spec.timeout = new Attr("timeout", Value.string(duration), null);
      return this;
    }
  }

  /** A build block (legacy JSON: the template's one build). */
  static final class BuildBuilder {
    private final BuildSpec spec;

    BuildBuilder(BuildSpec spec) {
      this.spec = spec;
    }

    BuildBuilder name(String name) {
      spec.name = name;
      return this;
    }

    /** Entries of {@code sources = [...]}, as {@code type.name}. */
    BuildBuilder sources(String... references) {
      for (String r : references) {
        spec.usages.add(new UsageSpec(r, null));
      }
      return this;
    }

    /** A build-level source block; {@code name} in it renames the usage. */
    BuildBuilder source(String reference, Consumer<Plain> content) {
      Body b = new Body();
      content.accept(new Plain(b));
      spec.usages.add(new UsageSpec(reference, b));
      return this;
    }

    BuildBuilder provisioner(String type, Consumer<Prov> content) {
      ProvisionerSpec p = new ProvisionerSpec("provisioner", type);
      content.accept(new Prov(p));
      spec.provisioners.add(p);
      return this;
    }

    BuildBuilder postProcessor(String type, Consumer<Prov> content) {
      ProvisionerSpec p = new ProvisionerSpec("post-processor", type);
      content.accept(new Prov(p));
      spec.postProcessors.add(p);
      return this;
    }

    BuildBuilder errorCleanup(String type, Consumer<Prov> content) {
      ProvisionerSpec p = new ProvisionerSpec("error-cleanup-provisioner", type);
      content.accept(new Prov(p));
      spec.errorCleanup = p;
      return this;
    }
  }

  PackerFixture variable(String name, Value value, boolean sensitive) {
    variables.add(new VariableSpec(name, value, sensitive, new int[2]));
    return this;
  }

  PackerFixture source(String type, String name, Consumer<Plain> content) {
    SourceSpec s = new SourceSpec(type, name);
    content.accept(new Plain(s.body));
    sources.add(s);
    return this;
  }

  PackerFixture build(Consumer<BuildBuilder> content) {
    BuildSpec b = new BuildSpec();
    content.accept(new BuildBuilder(b));
    builds.add(b);
    return this;
  }

  /**
   * Java values as HCL values: strings, whole numbers, booleans, lists (tuples), maps (objects).
   */
  static Value value(Object v) {
    if (v instanceof Value x) {
      return x;
    }
    if (v instanceof String s) {
      // A field of Packer's template context ({{ .Foo }}) carries the mark the loaders' template
      // evaluation gives the actions it keeps for Packer to fill in.
      return TemplateFields.field(s, false) != null
          ? Value.string(s).mark(Mark.TEMPLATE_FIELD)
          : Value.string(s);
    }
    if (v instanceof Integer i) {
      return Value.number(i.longValue());
    }
    if (v instanceof Long l) {
      return Value.number(l);
    }
    if (v instanceof Boolean b) {
      return Value.bool(b);
    }
    if (v instanceof List<?> l) {
      List<Value> items = new ArrayList<>();
      for (Object o : l) {
        items.add(value(o));
      }
      return Value.tuple(items);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Value> attrs = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        attrs.put((String) e.getKey(), value(e.getValue()));
      }
      return Value.object(attrs);
    }
    throw new IllegalArgumentException("no HCL value for " + v);
  }

  // ------------------------------------------------------------------ rendering

  /** The rendered text and the model, with ranges into the text. */
  record Result(SourceFile file, PackerTemplate template) {}

  Result result() {
    Text t = new Text();
    if (syntax == Syntax.HCL) {
      renderHcl(t);
    } else {
      renderJson(t);
    }
    SourceFile file = new SourceFile(fileName(), t.sb.toString());
    return new Result(file, model(file));
  }

  PackerTemplate template() {
    return result().template();
  }

  private static final class Text {
    final StringBuilder sb = new StringBuilder();

    int pos() {
      return sb.length();
    }

    Text add(String s) {
      sb.append(s);
      return this;
    }

    void indent(int level) {
      sb.append("  ".repeat(level));
    }
  }

  private void renderHcl(Text t) {
    for (VariableSpec v : variables) {
      v.at()[0] = t.pos();
      t.add("variable \"" + v.name() + "\" {\n");
      if (v.sensitive()) {
        t.add("  sensitive = true\n");
      }
      if (v.value().isNull()) {
        // Values come as --var; a null can only be the default (a typed one, as the model has it).
        if (v.value().type().isPrimitive()) {
          t.add("  type    = " + v.value().type().friendlyName() + "\n");
        }
        t.add("  default = null\n");
      }
      t.add("}");
      v.at()[1] = t.pos();
      t.add("\n\n");
    }
    for (SourceSpec s : sources) {
      s.start = t.pos();
      t.add("source \"" + s.type + "\" \"" + s.name + "\" {\n");
      hclBody(t, s.body, 1);
      t.add("}");
      s.end = t.pos();
      t.add("\n\n");
    }
    for (BuildSpec b : builds) {
      b.start = t.pos();
      t.add("build {\n");
      if (b.name != null) {
        t.add("  name = " + hclString(b.name) + "\n");
      }
      List<UsageSpec> listed = b.usages.stream().filter(u -> u.body == null).toList();
      if (!listed.isEmpty()) {
        t.add("  sources = [");
        for (int i = 0; i < listed.size(); i++) {
          if (i > 0) {
            t.add(", ");
          }
          listed.get(i).start = t.pos();
          t.add("\"source." + listed.get(i).reference + "\"");
          listed.get(i).end = t.pos();
        }
        t.add("]\n");
      }
      for (UsageSpec u : b.usages) {
        if (u.body != null) {
          t.add("\n  ");
          u.start = t.pos();
          t.add("source \"source." + u.reference + "\" {\n");
          hclBody(t, u.body, 2);
          t.add("  }");
          u.end = t.pos();
          t.add("\n");
        }
      }
      for (ProvisionerSpec p : b.provisioners) {
        hclProvisioner(t, p);
      }
      if (b.errorCleanup != null) {
        hclProvisioner(t, b.errorCleanup);
      }
      for (ProvisionerSpec p : b.postProcessors) {
        hclProvisioner(t, p);
      }
      t.add("}");
      b.end = t.pos();
      t.add("\n");
    }
  }

  private void hclProvisioner(Text t, ProvisionerSpec p) {
    t.add("\n  ");
    p.start = t.pos();
    t.add(p.kind + " \"" + p.type + "\" {\n");
    for (Attr a : new Attr[] {p.name, p.pauseBefore, p.maxRetries, p.timeout}) {
      if (a != null) {
        hclAttr(t, a, 2);
      }
    }
    if (!p.only.isEmpty()) {
      t.add("    only = " + hclValue(value(p.only)) + "\n");
    }
    if (!p.except.isEmpty()) {
      t.add("    except = " + hclValue(value(p.except)) + "\n");
    }
    hclBody(t, p.body, 2);
    if (!p.override.isEmpty()) {
      t.add("    override = {\n");
      for (Map.Entry<String, Body> e : p.override.entrySet()) {
        t.add("      ");
        int keyStart = t.pos();
        t.add(e.getKey());
        p.overrideKeys.put(e.getKey(), new int[] {keyStart, t.pos()});
        t.add(" = {\n");
        hclBody(t, e.getValue(), 4);
        t.add("      }\n");
      }
      t.add("    }\n");
    }
    t.add("  }");
    p.end = t.pos();
    t.add("\n");
  }

  private void hclBody(Text t, Body body, int level) {
    for (Object item : body.items) {
      if (item instanceof Attr a) {
        hclAttr(t, a, level);
      } else {
        Blk b = (Blk) item;
        t.indent(level);
        b.start = t.pos();
        t.add(b.type + " {\n");
        hclBody(t, b.body, level + 1);
        t.indent(level);
        t.add("}");
        b.end = t.pos();
        t.add("\n");
      }
    }
  }

  private void hclAttr(Text t, Attr a, int level) {
    t.indent(level);
    a.nameStart = t.pos();
    t.add(a.name);
    a.nameEnd = t.pos();
    t.add(" = ");
    a.valueStart = t.pos();
    t.add(a.display != null ? a.display : hclValue(a.value));
    a.valueEnd = t.pos();
    t.add("\n");
  }

  static String hclValue(Value v) {
    if (v.containsSensitive()) {
      return "var.secret";
    }
    if (!v.isWhollyKnown()) {
      return "build.ID";
    }
    Value u = v.unmarked();
    if (u.isNull()) {
      return "null";
    }
    if (u.type() == io.github.packer2aib.core.hcl.value.Type.STRING) {
      return hclString(u.asString());
    }
    if (u.type() == io.github.packer2aib.core.hcl.value.Type.NUMBER) {
      return u.asNumber().toString();
    }
    if (u.type() == io.github.packer2aib.core.hcl.value.Type.BOOL) {
      return Boolean.toString(u.asBoolean());
    }
    if (u instanceof io.github.packer2aib.core.hcl.value.ObjectValue o) {
      List<String> parts = new ArrayList<>();
      o.attributes().forEach((k, x) -> parts.add(k + " = " + hclValue(x)));
      return "{ " + String.join(", ", parts) + " }";
    }
    if (u instanceof io.github.packer2aib.core.hcl.value.MapValue m) {
      List<String> parts = new ArrayList<>();
      m.entries().forEach((k, x) -> parts.add(hclString(k) + " = " + hclValue(x)));
      return "{ " + String.join(", ", parts) + " }";
    }
    List<String> parts = new ArrayList<>();
    for (Value x : u.elements()) {
      parts.add(hclValue(x));
    }
    return "[" + String.join(", ", parts) + "]";
  }

  static String hclString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '$' -> b.append(i + 1 < s.length() && s.charAt(i + 1) == '{' ? "$$" : "$");
        case '%' -> b.append(i + 1 < s.length() && s.charAt(i + 1) == '{' ? "%%" : "%");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private void renderJson(Text t) {
    t.add("{\n");
    List<Runnable> sections = new ArrayList<>();
    if (!variables.isEmpty()) {
      sections.add(
          () -> {
            t.add("  \"variables\": {\n");
            for (int i = 0; i < variables.size(); i++) {
              VariableSpec v = variables.get(i);
              t.add("    ");
              v.at()[0] = t.pos();
              t.add(jsonString(v.name()) + ": ");
              t.add(v.sensitive() ? "\"\"" : jsonValue(v.value()));
              v.at()[1] = t.pos();
              t.add(i < variables.size() - 1 ? ",\n" : "\n");
            }
            t.add("  }");
            List<String> sensitive =
                variables.stream().filter(VariableSpec::sensitive).map(VariableSpec::name).toList();
            if (!sensitive.isEmpty()) {
              t.add(",\n  \"sensitive-variables\": " + jsonValue(value(sensitive)));
            }
          });
    }
    sections.add(
        () -> {
          t.add("  \"builders\": [\n");
          for (int i = 0; i < sources.size(); i++) {
            SourceSpec s = sources.get(i);
            t.add("    ");
            s.start = t.pos();
            t.add("{\n      \"type\": " + jsonString(s.type));
            if (!s.name.equals(s.type)) {
              t.add(",\n      \"name\": " + jsonString(s.name));
            }
            jsonMembers(t, s.body, 3, true);
            t.add("\n    }");
            s.end = t.pos();
            t.add(i < sources.size() - 1 ? ",\n" : "\n");
          }
          t.add("  ]");
        });
    BuildSpec b = builds.isEmpty() ? new BuildSpec() : builds.get(0);
    if (!b.provisioners.isEmpty()) {
      sections.add(() -> jsonProvisioners(t, "provisioners", b.provisioners));
    }
    if (b.errorCleanup != null) {
      sections.add(
          () -> {
            t.add("  \"error-cleanup-provisioner\": ");
            jsonProvisioner(t, b.errorCleanup, 1);
          });
    }
    if (!b.postProcessors.isEmpty()) {
      sections.add(() -> jsonProvisioners(t, "post-processors", b.postProcessors));
    }
    for (int i = 0; i < sections.size(); i++) {
      sections.get(i).run();
      t.add(i < sections.size() - 1 ? ",\n" : "\n");
    }
    t.add("}\n");
  }

  private void jsonProvisioners(Text t, String key, List<ProvisionerSpec> list) {
    t.add("  " + jsonString(key) + ": [\n");
    for (int i = 0; i < list.size(); i++) {
      t.add("    ");
      jsonProvisioner(t, list.get(i), 2);
      t.add(i < list.size() - 1 ? ",\n" : "\n");
    }
    t.add("  ]");
  }

  private void jsonProvisioner(Text t, ProvisionerSpec p, int level) {
    p.start = t.pos();
    String in = "  ".repeat(level + 1);
    t.add("{\n" + in + "\"type\": " + jsonString(p.type));
    for (Attr a : new Attr[] {p.name, p.pauseBefore, p.maxRetries, p.timeout}) {
      if (a != null) {
        t.add(",\n");
        jsonAttr(t, a, level + 1);
      }
    }
    if (!p.only.isEmpty()) {
      t.add(",\n" + in + "\"only\": " + jsonValue(value(p.only)));
    }
    if (!p.except.isEmpty()) {
      t.add(",\n" + in + "\"except\": " + jsonValue(value(p.except)));
    }
    jsonMembers(t, p.body, level + 1, true);
    if (!p.override.isEmpty()) {
      t.add(",\n" + in + "\"override\": {");
      boolean first = true;
      for (Map.Entry<String, Body> e : p.override.entrySet()) {
        t.add((first ? "\n" : ",\n") + in + "  " + jsonString(e.getKey()) + ": {");
        jsonMembers(t, e.getValue(), level + 3, false);
        t.add("\n" + in + "  }");
        first = false;
      }
      t.add("\n" + in + "}");
    }
    t.add("\n" + "  ".repeat(level) + "}");
    p.end = t.pos();
  }

  /** Members of an object; blocks become object members (several of one type: an array). */
  private void jsonMembers(Text t, Body body, int level, boolean leadingComma) {
    boolean first = !leadingComma;
    Map<String, List<Blk>> byType = new LinkedHashMap<>();
    for (Object item : body.items) {
      if (item instanceof Blk b) {
        byType.computeIfAbsent(b.type, k -> new ArrayList<>()).add(b);
      }
    }
    List<String> done = new ArrayList<>();
    for (Object item : body.items) {
      t.add(first ? "\n" : ",\n");
      first = false;
      if (item instanceof Attr a) {
        jsonAttr(t, a, level);
        continue;
      }
      Blk b = (Blk) item;
      if (done.contains(b.type)) {
        t.sb.setLength(t.sb.length() - 2); // no member for later blocks of a type
        continue;
      }
      done.add(b.type);
      List<Blk> all = byType.get(b.type);
      t.indent(level);
      b.memberNameStart = t.pos();
      t.add(jsonString(b.type));
      b.memberNameEnd = t.pos();
      t.add(": ");
      b.memberValueStart = t.pos();
      if (all.size() > 1) {
        t.add("[");
        for (int i = 0; i < all.size(); i++) {
          t.add(i == 0 ? "\n" : ",\n");
          t.indent(level + 1);
          jsonBlock(t, all.get(i), level + 1);
        }
        t.add("\n");
        t.indent(level);
        t.add("]");
      } else {
        jsonBlock(t, b, level);
      }
      b.memberValueEnd = t.pos();
    }
  }

  private void jsonBlock(Text t, Blk b, int level) {
    b.start = t.pos();
    t.add("{");
    jsonMembers(t, b.body, level + 1, false);
    t.add("\n");
    t.indent(level);
    t.add("}");
    b.end = t.pos();
  }

  private void jsonAttr(Text t, Attr a, int level) {
    t.indent(level);
    a.nameStart = t.pos();
    t.add(jsonString(a.name));
    a.nameEnd = t.pos();
    t.add(": ");
    a.valueStart = t.pos();
    t.add(a.display != null ? jsonString(a.display) : jsonValue(a.value));
    a.valueEnd = t.pos();
  }

  static String jsonValue(Value v) {
    if (v.containsSensitive()) {
      return "\"{{user `secret`}}\"";
    }
    if (!v.isWhollyKnown()) {
      return "\"{{build `ID`}}\"";
    }
    Value u = v.unmarked();
    if (u.isNull()) {
      return "null";
    }
    if (u.type() == io.github.packer2aib.core.hcl.value.Type.STRING) {
      return jsonString(u.asString());
    }
    if (u.type() == io.github.packer2aib.core.hcl.value.Type.NUMBER) {
      return u.asNumber().toString();
    }
    if (u.type() == io.github.packer2aib.core.hcl.value.Type.BOOL) {
      return Boolean.toString(u.asBoolean());
    }
    if (u instanceof io.github.packer2aib.core.hcl.value.ObjectValue o) {
      List<String> parts = new ArrayList<>();
      o.attributes().forEach((k, x) -> parts.add(jsonString(k) + ": " + jsonValue(x)));
      return "{" + String.join(", ", parts) + "}";
    }
    if (u instanceof io.github.packer2aib.core.hcl.value.MapValue m) {
      List<String> parts = new ArrayList<>();
      m.entries().forEach((k, x) -> parts.add(jsonString(k) + ": " + jsonValue(x)));
      return "{" + String.join(", ", parts) + "}";
    }
    List<String> parts = new ArrayList<>();
    for (Value x : u.elements()) {
      parts.add(jsonValue(x));
    }
    return "[" + String.join(", ", parts) + "]";
  }

  static String jsonString(String s) {
    return "\"" + DocWriter.jsonStringContent(s) + "\"";
  }

  // ------------------------------------------------------------------ the model

  private PackerTemplate model(SourceFile file) {
    boolean json = syntax == Syntax.JSON;
    List<Variable> vars = new ArrayList<>();
    for (VariableSpec v : variables) {
      Range r = file.range(v.at()[0], v.at()[1]);
      Value value =
          v.sensitive()
              ? v.value().mark(io.github.packer2aib.core.hcl.value.Mark.SENSITIVE)
              : v.value();
      vars.add(
          new Variable(
              v.name(),
              Optional.empty(),
              value,
              v.sensitive(),
              Optional.empty(),
              Variable.ValueSource.DEFAULT,
              r,
              Optional.of(r)));
    }
    List<Source> srcs = new ArrayList<>();
    for (SourceSpec s : sources) {
      srcs.add(
          new Source(
              s.type,
              s.name,
              config(file, s.body, s.start, s.end, json),
              file.range(s.start, s.end)));
    }
    List<Build> out = new ArrayList<>();
    List<BuildSpec> specs =
        json ? List.of(builds.isEmpty() ? new BuildSpec() : builds.get(0)) : builds;
    for (BuildSpec b : specs) {
      List<SourceUsage> usages = new ArrayList<>();
      if (json) {
        for (Source s : srcs) {
          usages.add(new SourceUsage(s, s.name(), s.config(), s.range()));
        }
      } else {
        for (UsageSpec u : b.usages) {
          Source s =
              srcs.stream()
                  .filter(x -> x.reference().equals(u.reference))
                  .findFirst()
                  .orElseThrow(() -> new IllegalArgumentException("no source " + u.reference));
          String name = s.name();
          Config config = s.config();
          if (u.body != null) {
            Config extra = config(file, u.body, u.start, u.end, false);
            List<Setting> settings = new ArrayList<>(config.settings());
            for (Setting x : extra.settings()) {
              if (x.name().equals("name")) {
                name = x.value().asString();
              } else {
                settings.add(x);
              }
            }
            List<Config.NestedBlock> blocks = new ArrayList<>(config.blocks());
            blocks.addAll(extra.blocks());
            config = new Config(settings, blocks, config.range());
          }
          usages.add(new SourceUsage(s, name, config, file.range(u.start, u.end)));
        }
      }
      List<Provisioner> provs = new ArrayList<>();
      for (ProvisionerSpec p : b.provisioners) {
        provs.add(provisioner(file, p, json, srcs));
      }
      List<List<PostProcessor>> pps = new ArrayList<>();
      for (ProvisionerSpec p : b.postProcessors) {
        pps.add(
            List.of(
                new PostProcessor(
                    p.type,
                    Optional.empty(),
                    config(file, p.body, p.start, p.end, json),
                    targets(p.only, json, srcs),
                    targets(p.except, json, srcs),
                    file.range(p.start, p.end))));
      }
      Optional<Provisioner> cleanup =
          b.errorCleanup == null
              ? Optional.empty()
              : Optional.of(provisioner(file, b.errorCleanup, json, srcs));
      Range range = json ? file.whole() : file.range(b.start, b.end);
      out.add(
          new Build(
              Optional.ofNullable(b.name), Optional.empty(), usages, provs, pps, cleanup, range));
    }
    return new PackerTemplate(
        json ? PackerTemplate.Syntax.LEGACY_JSON : PackerTemplate.Syntax.HCL2,
        FOLDER + "/" + fileName(),
        vars,
        List.of(),
        srcs,
        out,
        Optional.empty(),
        Optional.empty());
  }

  /**
   * {@code only}/{@code except} as the front ends give them: HCL2 writes usage references; the
   * legacy loader turns the builder names a legacy template writes into references and refuses
   * names of no builder (LEGACY-E008), so a legacy case may name builders only.
   */
  private static List<String> targets(List<String> written, boolean json, List<Source> srcs) {
    if (!json) {
      return written;
    }
    List<String> out = new ArrayList<>();
    for (String name : written) {
      out.add(
          srcs.stream()
              .filter(x -> x.name().equals(name))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no builder named " + name))
              .reference());
    }
    return out;
  }

  private Provisioner provisioner(
      SourceFile file, ProvisionerSpec p, boolean json, List<Source> srcs) {
    Map<String, Config> override = new LinkedHashMap<>();
    p.override.forEach((k, b) -> override.put(k, config(file, b, p.start, p.end, json)));
    Map<String, Range> overrideKeys = new LinkedHashMap<>();
    p.overrideKeys.forEach((k, at) -> overrideKeys.put(k, file.range(at[0], at[1])));
    return new Provisioner(
        p.type,
        Optional.ofNullable(p.name).map(a -> a.value.asString()),
        config(file, p.body, p.start, p.end, json),
        targets(p.only, json, srcs),
        targets(p.except, json, srcs),
        override,
        Optional.ofNullable(p.pauseBefore).map(a -> setting(file, a)),
        Optional.ofNullable(p.maxRetries).map(a -> setting(file, a)),
        Optional.ofNullable(p.timeout).map(a -> setting(file, a)),
        file.range(p.start, p.end),
        java.util.Set.of(),
        Map.of(),
        overrideKeys);
  }

  private static Setting setting(SourceFile file, Attr a) {
    return new Setting(
        a.name, a.value, file.range(a.nameStart, a.nameEnd), file.range(a.valueStart, a.valueEnd));
  }

  /**
   * A body's setting, with the variable it reads alone, as the front ends tell it ({@link
   * Setting#reads}: {@code var.x} in HCL, {@code {{user `x`}}} in legacy JSON), so that messages
   * that name it say what the loaded text makes them say.
   */
  private static Setting setting(SourceFile file, Attr a, boolean json) {
    Setting plain = setting(file, a);
    java.util.regex.Matcher m =
        (json ? LEGACY_READ : HCL_READ).matcher(a.display == null ? "" : a.display);
    if (!m.matches()) {
      return plain;
    }
    return new Setting(
        plain.name(),
        plain.value(),
        plain.nameRange(),
        plain.valueRange(),
        plain.unknownFrom(),
        null,
        m.group(1));
  }

  private static final java.util.regex.Pattern HCL_READ =
      java.util.regex.Pattern.compile("var\\.([A-Za-z_][A-Za-z0-9_-]*)");

  private static final java.util.regex.Pattern LEGACY_READ =
      java.util.regex.Pattern.compile("\\{\\{\\s*user `([^`]+)`\\s*\\}\\}");

  /** A body as a front end gives it: HCL blocks stay blocks; in legacy JSON they are objects. */
  private static Config config(SourceFile file, Body body, int start, int end, boolean json) {
    List<Setting> settings = new ArrayList<>();
    List<Config.NestedBlock> blocks = new ArrayList<>();
    Map<String, List<Blk>> byType = new LinkedHashMap<>();
    for (Object item : body.items) {
      if (item instanceof Attr a) {
        settings.add(setting(file, a, json));
      } else {
        Blk b = (Blk) item;
        if (json) {
          byType.computeIfAbsent(b.type, k -> new ArrayList<>()).add(b);
        } else {
          blocks.add(
              new Config.NestedBlock(
                  b.type,
                  List.of(),
                  config(file, b.body, b.start, b.end, false),
                  file.range(b.start, b.end)));
        }
      }
    }
    for (Map.Entry<String, List<Blk>> e : byType.entrySet()) {
      List<Blk> all = e.getValue();
      List<Value> objects = new ArrayList<>();
      for (Blk b : all) {
        objects.add(objectOf(b.body));
      }
      Value v = all.size() == 1 ? objects.get(0) : Value.tuple(objects);
      Blk first = all.get(0);
      settings.add(
          new Setting(
              e.getKey(),
              v,
              file.range(first.memberNameStart, first.memberNameEnd),
              file.range(first.memberValueStart, first.memberValueEnd),
              List.of(),
              new JsonLayout(file, all)));
    }
    return new Config(settings, blocks, file.range(start, end));
  }

  /**
   * Where the parts of a legacy JSON member holding one object (one block) or an array of them
   * (several) are written, as the legacy front end's layout gives them.
   */
  private record JsonLayout(SourceFile file, List<Blk> blocks, Range range) implements ValueLayout {
    JsonLayout(SourceFile file, List<Blk> blocks) {
      this(file, blocks, file.range(blocks.get(0).memberValueStart, blocks.get(0).memberValueEnd));
    }

    @Override
    public Optional<Member> member(String key) {
      if (blocks.size() != 1) {
        return Optional.empty();
      }
      List<Blk> nested = new ArrayList<>();
      for (Object item : blocks.get(0).body.items) {
        if (item instanceof Attr a && a.name.equals(key)) {
          return Optional.of(
              new Member(
                  file.range(a.nameStart, a.nameEnd),
                  ValueLayout.of(file.range(a.valueStart, a.valueEnd))));
        }
        if (item instanceof Blk b && b.type.equals(key)) {
          nested.add(b);
        }
      }
      if (nested.isEmpty()) {
        return Optional.empty();
      }
      Blk first = nested.get(0);
      return Optional.of(
          new Member(
              file.range(first.memberNameStart, first.memberNameEnd),
              new JsonLayout(file, nested)));
    }

    @Override
    public Optional<ValueLayout> element(int index) {
      if (blocks.size() < 2 || index < 0 || index >= blocks.size()) {
        return Optional.empty();
      }
      Blk b = blocks.get(index);
      return Optional.of(new JsonLayout(file, List.of(b), file.range(b.start, b.end)));
    }
  }

  private static Value objectOf(Body body) {
    Map<String, Value> attrs = new LinkedHashMap<>();
    Map<String, List<Value>> nested = new LinkedHashMap<>();
    for (Object item : body.items) {
      if (item instanceof Attr a) {
        attrs.put(a.name, a.value);
      } else {
        Blk b = (Blk) item;
        nested.computeIfAbsent(b.type, k -> new ArrayList<>()).add(objectOf(b.body));
      }
    }
    nested.forEach((k, l) -> attrs.put(k, l.size() == 1 ? l.get(0) : Value.tuple(l)));
    return Value.object(attrs);
  }
}
