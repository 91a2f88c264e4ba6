package io.github.packer2aib.core.bind.packer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a block body may contain, as data (Packer's {@code hcl.BodySchema}s): the arguments and
 * block types it knows, and what happens to everything else. The same schema drives the checks of
 * native bodies ({@link BodyContent}) and the reading of JSON bodies ({@link HclJson}), where it
 * tells attributes from blocks.
 */
final class BodySchema {
  private final List<AttributeSpec> attributes;
  private final List<BlockSpec> blocks;
  private final Rest rest;

  /**
   * The argument names and their hash codes, in {@link #attributes}' order: every argument of every
   * body is looked up, and comparing cached hash codes in an array is what C1 (bulk runs) makes
   * cheap; an equals call per known name and an interface call per element were not.
   */
  private final String[] attributeNames;

  private final int[] attributeHashes;

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

  BodySchema(List<AttributeSpec> attributes, List<BlockSpec> blocks, Rest rest) {
    this.attributes = List.copyOf(attributes);
    this.blocks = List.copyOf(blocks);
    this.rest = Objects.requireNonNull(rest, "rest");
    int n = this.attributes.size();
    attributeNames = new String[n];
    attributeHashes = new int[n];
    for (int i = 0; i < n; i++) {
      attributeNames[i] = this.attributes.get(i).name();
      attributeHashes[i] = attributeNames[i].hashCode();
    }
  }

  /** The arguments this body knows. */
  List<AttributeSpec> attributes() {
    return attributes;
  }

  /** The block types this body knows. */
  List<BlockSpec> blocks() {
    return blocks;
  }

  /** What the body does with other content. */
  Rest rest() {
    return rest;
  }

  Optional<AttributeSpec> attribute(String name) {
    int i = attributeIndex(name);
    return i < 0 ? Optional.empty() : Optional.of(attributes.get(i));
  }

  /** The number of arguments this body knows. */
  int attributeCount() {
    return attributeNames.length;
  }

  /** The index of the argument {@code name} in {@link #attributes}, or -1. */
  int attributeIndex(String name) {
    int hash = name.hashCode();
    for (int i = 0; i < attributeHashes.length; i++) {
      if (attributeHashes[i] == hash && attributeNames[i].equals(name)) {
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
      TYPE,
      /**
       * A bare name, as a dynamic block's {@code iterator = tag} (HCL's {@code ExprAsKeyword}; in
       * JSON: a string holding the name, {@code "iterator": "tag"}, read as a traversal).
       */
      KEYWORD
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

    static AttributeSpec keyword(String name) {
      return new AttributeSpec(name, false, Kind.KEYWORD);
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
