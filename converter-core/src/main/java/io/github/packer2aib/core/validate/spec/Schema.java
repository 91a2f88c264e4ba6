package io.github.packer2aib.core.validate.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A compiled piece of a Swagger 2.0 spec: the subset that AIB's specs use. Definitions refer to
 * each other by {@link Ref} (resolved through {@link CompiledSpec}), so the graph may be recursive
 * while every node stays an immutable record.
 */
sealed interface Schema
    permits Schema.Ref,
        Schema.ObjectSchema,
        Schema.ArraySchema,
        Schema.StringSchema,
        Schema.NumberSchema,
        Schema.BooleanSchema,
        Schema.AnySchema {

  /** A reference to a definition, by its key in {@link CompiledSpec#definitions()}. */
  record Ref(String key) implements Schema {
    public Ref {
      Objects.requireNonNull(key, "key");
    }
  }

  /** One property of an object; {@code readOnly} also covers a read-only target definition. */
  record Property(String name, Schema schema, boolean readOnly) {}

  /**
   * A discriminated base: the member {@code field} selects a subtype by its exact value.
   *
   * @param field the discriminator property, e.g. {@code type} or {@code scheme}
   * @param subtypes discriminator value → definition key, in spec order
   */
  record Discriminator(String field, Map<String, String> subtypes) {
    public Discriminator {
      subtypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(subtypes));
    }

    public List<String> values() {
      return new ArrayList<>(subtypes.keySet());
    }
  }

  /**
   * An object with its {@code allOf} parents flattened in.
   *
   * @param name the definition name, or null for an inline object
   * @param properties by name, in spec order (own properties first, then inherited ones)
   * @param required required property names, in spec order
   * @param additionalProperties the schema of other members; null when none are allowed
   * @param discriminator set on a discriminated base; null on subtypes and plain objects
   */
  record ObjectSchema(
      String name,
      Map<String, Property> properties,
      List<String> required,
      Schema additionalProperties,
      Discriminator discriminator)
      implements Schema {
    public ObjectSchema {
      properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
      required = List.copyOf(required);
    }

    public Optional<Property> property(String key) {
      return Optional.ofNullable(properties.get(key));
    }
  }

  record ArraySchema(Schema items) implements Schema {}

  /**
   * @param enumValues allowed values, or empty for any
   * @param pattern a regular expression the value must contain a match of, or null
   */
  record StringSchema(
      List<String> enumValues, Pattern pattern, Integer minLength, Integer maxLength)
      implements Schema {
    public StringSchema {
      enumValues = List.copyOf(enumValues);
    }

    /** Whether every string is valid here: no enum, pattern or length bound to check. */
    boolean acceptsAnyString() {
      return enumValues.isEmpty() && pattern == null && minLength == null && maxLength == null;
    }
  }

  /**
   * @param integer true for {@code type: integer}
   * @param format e.g. {@code int32}; null when none
   */
  record NumberSchema(boolean integer, String format, BigDecimal minimum, BigDecimal maximum)
      implements Schema {}

  record BooleanSchema() implements Schema {}

  /** A schema without a type: anything goes. */
  record AnySchema() implements Schema {}
}
