package io.github.packer2aib.core.doc;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/** One {@code key: value} entry of an object; the key keeps its own range for diagnostics. */
public record DocMember(String key, Range keyRange, DocNode value) {
  public DocMember {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
