package io.github.packer2aib.core.validate.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.packer2aib.core.aib.ApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the shipped specs (our own resources, so Jackson's tree model is enough) and compiles one
 * API version into a {@link CompiledSpec}. Problems here are bugs in the shipped resources, so they
 * throw.
 */
final class SpecLoader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Upstream refs climb out of the spec folder; any path ending like this is a shipped copy. */
  private static final Pattern COMMON_TYPES =
      Pattern.compile("common-types/resource-management/(v\\d+)/types\\.json$");

  static final String ROOT_DEFINITION = "ImageTemplate";
  static final String OVERRIDES_2019 = "doc-overrides-2019-05-01-preview.json";

  private final Map<String, JsonNode> files = new HashMap<>();
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

  static JsonNode load(String resource) {
    try (InputStream in = SpecLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing spec resource " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spec resource " + resource, e);
    }
  }

  /** Adds the documented definitions and properties to a copy of the spec tree. */
  private static JsonNode applyOverrides(JsonNode spec, JsonNode overrides) {
    ObjectNode copy = spec.deepCopy();
    ObjectNode defs = (ObjectNode) copy.get("definitions");
    for (Iterator<Map.Entry<String, JsonNode>> it = overrides.path("addDefinitions").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (defs.has(e.getKey())) {
        throw new IllegalStateException("override redefines " + e.getKey());
      }
      defs.set(e.getKey(), e.getValue());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = overrides.path("addProperties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      ObjectNode props = (ObjectNode) defs.get(e.getKey()).get("properties");
      for (Iterator<Map.Entry<String, JsonNode>> p = e.getValue().fields(); p.hasNext(); ) {
        Map.Entry<String, JsonNode> prop = p.next();
        if (props.has(prop.getKey())) {
          throw new IllegalStateException("override redefines " + e.getKey() + "." + prop.getKey());
        }
        props.set(prop.getKey(), prop.getValue());
      }
    }
    return copy;
  }

  private JsonNode file(String name) {
    return files.computeIfAbsent(name, SpecLoader::load);
  }

  private JsonNode definitionNode(String key) {
    int hash = key.indexOf('#');
    JsonNode def = file(key.substring(0, hash)).path("definitions").get(key.substring(hash + 1));
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
    JsonNode def = definitionNode(key);
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

  private static boolean isObject(JsonNode node) {
    return "object".equals(node.path("type").asText(null))
        || node.has("properties")
        || node.has("allOf")
        || node.has("discriminator")
        || node.has("additionalProperties");
  }

  private Schema compileSchema(JsonNode node, String file) {
    if (node.has("$ref")) {
      return reference(resolveRef(node.get("$ref").asText(), file));
    }
    if (isObject(node)) {
      return compileObject(node, file, null);
    }
    String type = node.path("type").asText("");
    switch (type) {
      case "array":
        return new Schema.ArraySchema(
            node.has("items") ? compileSchema(node.get("items"), file) : new Schema.AnySchema());
      case "integer":
      case "number":
        return new Schema.NumberSchema(
            type.equals("integer"),
            node.path("format").asText(null),
            decimal(node.get("minimum")),
            decimal(node.get("maximum")));
      case "boolean":
        return new Schema.BooleanSchema();
      case "string":
        return stringSchema(node);
      default:
        return node.has("enum") ? stringSchema(node) : new Schema.AnySchema();
    }
  }

  private static Schema.StringSchema stringSchema(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.path("enum").forEach(e -> values.add(e.asText()));
    return new Schema.StringSchema(
        values,
        node.has("pattern") ? Pattern.compile(node.get("pattern").asText()) : null,
        node.has("minLength") ? node.get("minLength").asInt() : null,
        node.has("maxLength") ? node.get("maxLength").asInt() : null);
  }

  private static BigDecimal decimal(JsonNode n) {
    return n == null ? null : n.decimalValue();
  }

  /** Collects an object's own members and those of its {@code allOf} parents. */
  private final class ObjectParts {
    final Map<String, Schema.Property> properties = new LinkedHashMap<>();
    final List<String> required = new ArrayList<>();
    Schema additional;
    boolean additionalSeen;

    void collect(JsonNode node, String file, int depth) {
      if (depth > 16) {
        throw new IllegalStateException("allOf nesting too deep in " + file);
      }
      if (node.has("$ref")) {
        String key = resolveRef(node.get("$ref").asText(), file);
        collect(definitionNode(key), key.substring(0, key.indexOf('#')), depth + 1);
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!properties.containsKey(e.getKey())) {
          properties.put(
              e.getKey(),
              new Schema.Property(
                  e.getKey(), compileSchema(e.getValue(), file), readOnly(e.getValue(), file)));
        }
      }
      for (JsonNode r : node.path("required")) {
        if (!required.contains(r.asText())) {
          required.add(r.asText());
        }
      }
      if (node.has("additionalProperties") && !additionalSeen) {
        additionalSeen = true;
        JsonNode a = node.get("additionalProperties");
        additional =
            a.isBoolean()
                ? (a.asBoolean() ? new Schema.AnySchema() : null)
                : compileSchema(a, file);
      }
      for (JsonNode parent : node.path("allOf")) {
        collect(parent, file, depth + 1);
      }
    }
  }

  private Schema.ObjectSchema compileObject(JsonNode node, String file, String name) {
    ObjectParts parts = new ObjectParts();
    parts.collect(node, file, 0);
    Schema.Discriminator discriminator = null;
    if (node.has("discriminator") && name != null) {
      discriminator =
          new Schema.Discriminator(node.get("discriminator").asText(), subtypes(file, name));
    }
    return new Schema.ObjectSchema(
        name, parts.properties, parts.required, parts.additional, discriminator);
  }

  /** Definitions of {@code file} whose {@code allOf} names the base: value → key, spec order. */
  private Map<String, String> subtypes(String file, String base) {
    String baseKey = file + "#" + base;
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = file(file).path("definitions").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      for (JsonNode parent : e.getValue().path("allOf")) {
        if (parent.has("$ref") && resolveRef(parent.get("$ref").asText(), file).equals(baseKey)) {
          String value = e.getValue().path("x-ms-discriminator-value").asText(e.getKey());
          String key = file + "#" + e.getKey();
          out.put(value, key);
          reference(key);
        }
      }
    }
    return out;
  }

  private boolean readOnly(JsonNode property, String file) {
    if (property.path("readOnly").asBoolean(false)) {
      return true;
    }
    if (property.has("$ref")) {
      return definitionNode(resolveRef(property.get("$ref").asText(), file))
          .path("readOnly")
          .asBoolean(false);
    }
    return false;
  }
}
