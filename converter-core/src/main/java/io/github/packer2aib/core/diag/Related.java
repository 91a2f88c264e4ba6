package io.github.packer2aib.core.diag;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/** A second location that explains a diagnostic, such as the first definition of a duplicate. */
public record Related(Range range, String label) {
  public Related {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(label, "label");
  }
}
