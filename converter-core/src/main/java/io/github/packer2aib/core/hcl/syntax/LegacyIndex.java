package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/**
 * The legacy index {@code .0} inherited from HIL, meaning {@code [0]}.
 *
 * @param index the digits as written
 */
public record LegacyIndex(String index, Range range) implements Traverser {

  public LegacyIndex {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(range, "range");
  }
}
