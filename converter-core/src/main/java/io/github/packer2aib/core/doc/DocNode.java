package io.github.packer2aib.core.doc;

import io.github.packer2aib.core.source.Range;
import java.util.Optional;

/**
 * A JSON or YAML document as a located tree: the syntax tree that the JSON and YAML readers produce
 * and that the AIB binder and the spec validator read. Nodes built by the program rather than read
 * from text (for example the JSON form of a converted template) have no range.
 */
public sealed interface DocNode permits DocObject, DocArray, DocScalar {

  /** Where the node stands in its source file; {@code null} for a node built by the program. */
  Range range();

  default Optional<Range> location() {
    return Optional.ofNullable(range());
  }

  /** A short name of the node's kind for messages: "an object", "an array", "a string", … */
  String kindName();
}
