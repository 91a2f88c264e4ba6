package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A body: the attributes and blocks of a file or of a block, in source order.
 *
 * @param items attributes and blocks as they appear in the source
 */
public record Body(List<BodyItem> items, Range range) implements SyntaxNode {

  public Body {
    items = List.copyOf(items);
    Objects.requireNonNull(range, "range");
  }

  /** The attributes, in source order. */
  public List<Attribute> attributes() {
    return items.stream().filter(Attribute.class::isInstance).map(Attribute.class::cast).toList();
  }

  /** The blocks, in source order. */
  public List<Block> blocks() {
    return items.stream().filter(Block.class::isInstance).map(Block.class::cast).toList();
  }

  /** The attribute of that name (the parser reports duplicates, so there is at most one). */
  public Optional<Attribute> attribute(String name) {
    return attributes().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The blocks of one type, in source order. */
  public List<Block> blocks(String type) {
    return blocks().stream().filter(b -> b.type().equals(type)).toList();
  }
}
