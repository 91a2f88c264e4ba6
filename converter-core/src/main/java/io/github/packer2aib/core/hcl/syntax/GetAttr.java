package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/** {@code .name}. The range covers the dot and the name. */
public record GetAttr(String name, Range range) implements Traverser {

  public GetAttr {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(range, "range");
  }
}
