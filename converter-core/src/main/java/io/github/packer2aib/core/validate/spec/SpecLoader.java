package io.github.packer2aib.core.validate.spec;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.hcl.value.Float64;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the shipped specs (our own resources, as unlocated document trees: {@link SpecJson}) and
 * compiles one API version into a {@link CompiledSpec}. Problems here are bugs in the shipped
 * resources, so they throw.
 */
final class SpecLoader {

  /** Upstream refs climb out of the spec folder; any path ending like this is a shipped copy. */
  private static final Pattern COMMON_TYPES =
      Pattern.compile("common-types/resource-management/(v\\d+)/types\\.json$");

  static final String ROOT_DEFINITION = "ImageTemplate";
  static final String OVERRIDES_2019 = "doc-overrides-2019-05-01-preview.json";

  private final Map<String, DocNode> files = new HashMap<>();
  private final Map<String, Schema> definitions = new LinkedHashMap<>();
  private final Deque<String> pending = new ArrayDeque<>();

  private SpecLoader() {}

  /** The resource name of a version's spec, relative to this package. */
  static String specFile(ApiVersion v) {
    return v.id() + "/imagebuilder.json";
  }

  /**
   * Compiles a version's spec.
   *
   * @param documentationOverrides apply the documented additions of 2019-05-01-preview (mapping.md
   *     Part 1, item 15); the drift test of the capability table compiles the bare spec
   */
  static CompiledSpec compile(ApiVersion v, boolean documentationOverrides) {
    SpecLoader loader = new SpecLoader();
    String file = specFile(v);
    if (documentationOverrides && v == ApiVersion.V2019_05_01_PREVIEW) {
      loader.files.put(file, applyOverrides(load(file), load(OVERRIDES_2019)));
    }
    String root = file + "#" + ROOT_DEFINITION;
    loader.reference(root);
    while (!loader.pending.isEmpty()) {
      String key = loader.pending.removeFirst();
      loader.definitions.put(key, loader.compileDefinition(key));
    }
    return new CompiledSpec(v, loader.definitions, root, documentationOverrides);
  }

  static DocNode load(String resource) {
    try (InputStream in = SpecLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing spec resource " + resource);
      }
      return SpecJson.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spec resource " + resource, e);
    }
  }

  /** The spec with the documented definitions and properties added (the trees are immutable). */
  private static DocNode applyOverrides(DocNode spec, DocNode overrides) {
    Map<String, DocNode> defs = entries(get(spec, "definitions"));
    for (DocMember e : members(overrides, "addDefinitions")) {
      if (defs.containsKey(e.key())) {
        throw new IllegalStateException("override redefines " + e.key());
      }
      defs.put(e.key(), e.value());
    }
    for (DocMember e : members(overrides, "addProperties")) {
      DocNode def = defs.get(e.key());
      if (def == null) {
        throw new IllegalStateException("override adds properties to unknown " + e.key());
      }
      Map<String, DocNode> props = entries(get(def, "properties"));
      for (DocMember prop : members(e.value())) {
        if (props.containsKey(prop.key())) {
          throw new IllegalStateException("override redefines " + e.key() + "." + prop.key());
        }
        props.put(prop.key(), prop.value());
      }
      defs.put(e.key(), with(def, "properties", object(props)));
    }
    return with(spec, "definitions", object(defs));
  }

  private DocNode file(String name) {
    return files.computeIfAbsent(name, SpecLoader::load);
  }

  private DocNode definitionNode(String key) {
    int hash = key.indexOf('#');
    DocNode def = get(get(file(key.substring(0, hash)), "definitions"), key.substring(hash + 1));
    if (def == null) {
      throw new IllegalStateException("unresolved reference " + key);
    }
    return def;
  }

  private Schema.Ref reference(String key) {
    if (!definitions.containsKey(key) && !pending.contains(key)) {
      definitionNode(key); // fail early on a dangling reference
      pending.addLast(key);
    }
    return new Schema.Ref(key);
  }

  private Schema compileDefinition(String key) {
    DocNode def = definitionNode(key);
    String file = key.substring(0, key.indexOf('#'));
    String name = key.substring(key.indexOf('#') + 1);
    return isObject(def) ? compileObject(def, file, name) : compileSchema(def, file);
  }

  /** The key of a {@code $ref} written in {@code file}. */
  static String resolveRef(String ref, String file) {
    int hash = ref.indexOf('#');
    String filePart = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    String target;
    if (filePart.isEmpty()) {
      target = file;
    } else {
      Matcher m = COMMON_TYPES.matcher(filePart);
      if (!m.find()) {
        throw new IllegalStateException("unsupported reference " + ref + " in " + file);
      }
      target = "common-types/resource-management/" + m.group(1) + "/types.json";
    }
    String prefix = "/definitions/";
    if (!pointer.startsWith(prefix) || pointer.indexOf('/', prefix.length()) >= 0) {
      throw new IllegalStateException("unsupported reference " + ref + " in " + file);
    }
    return target + "#" + pointer.substring(prefix.length()).replace("~1", "/").replace("~0", "~");
  }

  private static boolean isObject(DocNode node) {
    return "object".equals(text(node, "type", null))
        || has(node, "properties")
        || has(node, "allOf")
        || has(node, "discriminator")
        || has(node, "additionalProperties");
  }

  private Schema compileSchema(DocNode node, String file) {
    if (has(node, "$ref")) {
      return reference(resolveRef(text(node, "$ref", ""), file));
    }
    if (isObject(node)) {
      return compileObject(node, file, null);
    }
    String type = text(node, "type", "");
    switch (type) {
      case "array":
        return new Schema.ArraySchema(
            has(node, "items") ? compileSchema(get(node, "items"), file) : new Schema.AnySchema());
      case "integer":
      case "number":
        return new Schema.NumberSchema(
            type.equals("integer"),
            text(node, "format", null),
            decimal(get(node, "minimum")),
            decimal(get(node, "maximum")));
      case "boolean":
        return new Schema.BooleanSchema();
      case "string":
        return stringSchema(node);
      default:
        return has(node, "enum") ? stringSchema(node) : new Schema.AnySchema();
    }
  }

  private static Schema.StringSchema stringSchema(DocNode node) {
    List<String> values = new ArrayList<>();
    for (DocNode e : items(node, "enum")) {
      values.add(text(e, ""));
    }
    return new Schema.StringSchema(
        values,
        has(node, "pattern") ? Pattern.compile(text(node, "pattern", "")) : null,
        has(node, "minLength") ? Integer.valueOf(text(node, "minLength", "")) : null,
        has(node, "maxLength") ? Integer.valueOf(text(node, "maxLength", "")) : null);
  }

  /**
   * A spec number as Jackson's tree model reads it: integers exactly, fractions through a double
   * (as the shortest decimal of that double: BigDecimal.valueOf goes through Double.toString, which
   * before JDK 19 is not always the shortest).
   */
  private static BigDecimal decimal(DocNode n) {
    if (n == null) {
      return null;
    }
    String t = text(n, "");
    boolean fraction = t.indexOf('.') >= 0 || t.indexOf('e') >= 0 || t.indexOf('E') >= 0;
    return fraction ? Float64.shortest(Double.parseDouble(t)) : new BigDecimal(t);
  }

  /** Collects an object's own members and those of its {@code allOf} parents. */
  private final class ObjectParts {
    final Map<String, Schema.Property> properties = new LinkedHashMap<>();
    final List<String> required = new ArrayList<>();
    Schema additional;
    boolean additionalSeen;

    void collect(DocNode node, String file, int depth) {
      if (depth > 16) {
        throw new IllegalStateException("allOf nesting too deep in " + file);
      }
      if (has(node, "$ref")) {
        String key = resolveRef(text(node, "$ref", ""), file);
        collect(definitionNode(key), key.substring(0, key.indexOf('#')), depth + 1);
        return;
      }
      for (DocMember e : members(node, "properties")) {
        if (!properties.containsKey(e.key())) {
          properties.put(
              e.key(),
              new Schema.Property(
                  e.key(), compileSchema(e.value(), file), readOnly(e.value(), file)));
        }
      }
      for (DocNode r : items(node, "required")) {
        String name = text(r, "");
        if (!required.contains(name)) {
          required.add(name);
        }
      }
      if (has(node, "additionalProperties") && !additionalSeen) {
        additionalSeen = true;
        DocNode a = get(node, "additionalProperties");
        additional =
            a instanceof DocScalar s && s.type() == DocScalar.Type.BOOLEAN
                ? (Boolean.parseBoolean(s.text()) ? new Schema.AnySchema() : null)
                : compileSchema(a, file);
      }
      for (DocNode parent : items(node, "allOf")) {
        collect(parent, file, depth + 1);
      }
    }
  }

  private Schema.ObjectSchema compileObject(DocNode node, String file, String name) {
    ObjectParts parts = new ObjectParts();
    parts.collect(node, file, 0);
    Schema.Discriminator discriminator = null;
    if (has(node, "discriminator") && name != null) {
      discriminator =
          new Schema.Discriminator(text(node, "discriminator", ""), subtypes(file, name));
    }
    return new Schema.ObjectSchema(
        name, parts.properties, parts.required, parts.additional, discriminator);
  }

  /** Definitions of {@code file} whose {@code allOf} names the base: value → key, spec order. */
  private Map<String, String> subtypes(String file, String base) {
    String baseKey = file + "#" + base;
    Map<String, String> out = new LinkedHashMap<>();
    for (DocMember e : members(file(file), "definitions")) {
      for (DocNode parent : items(e.value(), "allOf")) {
        if (has(parent, "$ref") && resolveRef(text(parent, "$ref", ""), file).equals(baseKey)) {
          String value = text(e.value(), "x-ms-discriminator-value", e.key());
          String key = file + "#" + e.key();
          out.put(value, key);
          reference(key);
        }
      }
    }
    return out;
  }

  private boolean readOnly(DocNode property, String file) {
    if (isTrue(get(property, "readOnly"))) {
      return true;
    }
    if (has(property, "$ref")) {
      return isTrue(get(definitionNode(resolveRef(text(property, "$ref", ""), file)), "readOnly"));
    }
    return false;
  }

  // ---- reading the tree: absent members read as empty, as in the JSON schema's own terms ----

  /** The value of an object's member, or null when the node is no object or has no such member. */
  private static DocNode get(DocNode node, String key) {
    return node instanceof DocObject o ? o.get(key).orElse(null) : null;
  }

  private static boolean has(DocNode node, String key) {
    return get(node, key) != null;
  }

  /** A scalar's text (a string's value, a number or boolean as written), else the default. */
  private static String text(DocNode node, String dflt) {
    return node instanceof DocScalar s && s.type() != DocScalar.Type.NULL ? s.text() : dflt;
  }

  private static String text(DocNode node, String key, String dflt) {
    return text(get(node, key), dflt);
  }

  /** {@code true}, or the string {@code "true"}. */
  private static boolean isTrue(DocNode node) {
    return node instanceof DocScalar s
        && s.type() != DocScalar.Type.NULL
        && s.type() != DocScalar.Type.NUMBER
        && s.text().trim().equals("true");
  }

  private static List<DocMember> members(DocNode node) {
    return node instanceof DocObject o ? o.members() : List.of();
  }

  private static List<DocMember> members(DocNode node, String key) {
    return members(get(node, key));
  }

  private static List<DocNode> items(DocNode node, String key) {
    DocNode value = get(node, key);
    return value instanceof DocArray a ? a.items() : List.of();
  }

  /** An object's members as a mutable ordered map (empty for anything else). */
  private static Map<String, DocNode> entries(DocNode node) {
    Map<String, DocNode> out = new LinkedHashMap<>();
    for (DocMember m : members(node)) {
      out.put(m.key(), m.value());
    }
    return out;
  }

  private static DocObject object(Map<String, DocNode> entries) {
    List<DocMember> members = new ArrayList<>(entries.size());
    entries.forEach((k, v) -> members.add(new DocMember(k, null, v)));
    return new DocObject(members, null);
  }

  /** A copy of an object with one member set: in its place when present, else at the end. */
  private static DocObject with(DocNode node, String key, DocNode value) {
    Map<String, DocNode> entries = entries(node);
    entries.put(key, value);
    return object(entries);
  }
}
