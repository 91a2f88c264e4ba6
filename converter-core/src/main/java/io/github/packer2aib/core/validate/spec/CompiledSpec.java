package io.github.packer2aib.core.validate.spec;

import io.github.packer2aib.core.aib.ApiVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API version's spec, compiled: every definition reachable from {@code ImageTemplate}, by key
 * ({@code <file>#<definition>}, e.g. {@code 2024-02-01/imagebuilder.json#ImageTemplate}).
 *
 * @param documentationOverrides whether the documented additions of 2019-05-01-preview were applied
 */
record CompiledSpec(
    ApiVersion version,
    Map<String, Schema> definitions,
    String rootKey,
    boolean documentationOverrides) {

  CompiledSpec {
    definitions = Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
    if (!definitions.containsKey(rootKey)) {
      throw new IllegalArgumentException("root definition missing: " + rootKey);
    }
  }

  /** Follows references until a concrete schema. */
  Schema resolve(Schema schema) {
    Schema s = schema;
    for (int hops = 0; s instanceof Schema.Ref ref; hops++) {
      if (hops > 64) {
        throw new IllegalStateException("reference cycle at " + ref.key());
      }
      s = definitions.get(ref.key());
      if (s == null) {
        throw new IllegalStateException("unresolved reference " + ref.key());
      }
    }
    return s;
  }

  Schema.ObjectSchema root() {
    return (Schema.ObjectSchema) resolve(new Schema.Ref(rootKey));
  }

  /** The subtype selected by a discriminator value. */
  Schema.ObjectSchema subtype(Schema.Discriminator d, String value) {
    return (Schema.ObjectSchema) resolve(new Schema.Ref(d.subtypes().get(value)));
  }
}
