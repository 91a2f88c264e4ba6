package io.github.packer2aib.core.bind.packer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a block body may contain, as data (Packer's {@code hcl.BodySchema}s): the arguments and
 * block types it knows, and what happens to everything else. The same schema drives the checks of
 * native bodies ({@link BodyContent}) and the reading of JSON bodies ({@link HclJson}), where it
 * tells attributes from blocks.
 *
 * @param attributes the arguments this body knows
 * @param blocks the block types this body knows
 * @param rest what the body does with other content
 */
record BodySchema(List<AttributeSpec> attributes, List<BlockSpec> blocks, Rest rest) {

  /** What a body does with content its schema does not name. */
  enum Rest {
    /** Anything else is an error ("Unsupported argument", "Unsupported block type"). */
    REJECT,
    /**
     * Anything else is kept for a plugin (a source, provisioner or post-processor body, whose
     * schema belongs to a plugin we do not have).
     */
    KEEP,
    /** Any argument is allowed and blocks are not ({@code locals}, {@code variables}). */
    ATTRIBUTES_ONLY
  }

  BodySchema {
    attributes = List.copyOf(attributes);
    blocks = List.copyOf(blocks);
    Objects.requireNonNull(rest, "rest");
  }

  // Plain loops: these run for every attribute of every block of every template.
  Optional<AttributeSpec> attribute(String name) {
    int i = attributeIndex(name);
    return i < 0 ? Optional.empty() : Optional.of(attributes.get(i));
  }

  /** Whether an argument of this name is known (every argument of every body asks). */
  boolean hasAttribute(String name) {
    return attributeIndex(name) >= 0;
  }

  // Indexed loops: no iterator per lookup in C1-compiled bulk runs.
  private int attributeIndex(String name) {
    for (int i = 0, n = attributes.size(); i < n; i++) {
      if (attributes.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  Optional<BlockSpec> block(String type) {
    for (int i = 0, n = blocks.size(); i < n; i++) {
      BlockSpec b = blocks.get(i);
      if (b.type().equals(type)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  List<String> attributeNames() {
    return attributes.stream().map(AttributeSpec::name).toList();
  }

  List<String> blockTypes() {
    return blocks.stream().map(BlockSpec::type).toList();
  }

  /** An argument the schema knows. */
  record AttributeSpec(String name, boolean required, Kind kind) {
    /** How the argument's expression is read. */
    enum Kind {
      /** An ordinary expression (in JSON: strings are templates). */
      VALUE,
      /** A type constraint such as {@code list(string)} (in JSON: a string holding one). */
      TYPE
    }

    static AttributeSpec optional(String name) {
      return new AttributeSpec(name, false, Kind.VALUE);
    }

    static AttributeSpec required(String name) {
      return new AttributeSpec(name, true, Kind.VALUE);
    }

    static AttributeSpec type(String name) {
      return new AttributeSpec(name, false, Kind.TYPE);
    }
  }

  /**
   * A block type the schema knows.
   *
   * @param labels the names of its labels, in order ({@code type}, {@code name})
   * @param body what its body may contain
   */
  record BlockSpec(String type, List<String> labels, BodySchema body) {
    BlockSpec {
      labels = List.copyOf(labels);
      Objects.requireNonNull(body, "body");
    }
  }
}
