package io.github.packer2aib.core.doc;

import io.github.packer2aib.core.source.Range;
import java.util.List;

/** An array (JSON array, YAML sequence). */
public record DocArray(List<DocNode> items, Range range) implements DocNode {
  public DocArray {
    items = items instanceof OwnedList ? items : List.copyOf(items);
  }

  /**
   * An array over the first {@code count} items of an array that the caller hands over: they must
   * not be null, and the caller must never change the array afterwards, as it is not copied (the
   * output writer builds every template this way; see {@link OwnedList}).
   */
  public static DocArray owning(DocNode[] items, int count, Range range) {
    return new DocArray(new OwnedList<>(items, count), range);
  }

  @Override
  public String kindName() {
    return "an array";
  }
}
