package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.packer.ValueLayout;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Optional;

/**
 * The layout of a legacy template's value: a JSON object's members and an array's items are where
 * the document has them. Identity equality: two settings are the same only by their values and
 * ranges, and comparing documents would be slow.
 */
final class DocValueLayout implements ValueLayout {
  private final DocNode node;

  private DocValueLayout(DocNode node) {
    this.node = node;
  }

  /** The layout of {@code node}; null for a scalar, which has no parts (see Setting#layout). */
  static ValueLayout ofParts(DocNode node) {
    return node instanceof DocObject || node instanceof DocArray ? new DocValueLayout(node) : null;
  }

  private static ValueLayout of(DocNode node) {
    return ValueLayout.orWhole(ofParts(node), node.range());
  }

  @Override
  public Range range() {
    return node.range();
  }

  @Override
  public Optional<Member> member(String key) {
    if (node instanceof DocObject o) {
      DocMember m = o.memberOrNull(key);
      if (m != null) {
        return Optional.of(new Member(m.keyRange(), of(m.value())));
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<ValueLayout> element(int index) {
    if (node instanceof DocArray a) {
      List<DocNode> items = a.items();
      if (index >= 0 && index < items.size()) {
        return Optional.of(of(items.get(index)));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "DocValueLayout" + range();
  }
}
