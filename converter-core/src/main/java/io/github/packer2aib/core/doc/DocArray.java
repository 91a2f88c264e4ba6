package io.github.packer2aib.core.doc;

import io.github.packer2aib.core.source.Range;
import java.util.List;

/** An array (JSON array, YAML sequence). */
public record DocArray(List<DocNode> items, Range range) implements DocNode {
  public DocArray {
    items = List.copyOf(items);
  }

  @Override
  public String kindName() {
    return "an array";
  }
}
