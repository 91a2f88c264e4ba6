package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/**
 * A {@code source "type" "name"} block, or a legacy builder.
 *
 * @param type the builder type, e.g. {@code azure-arm}
 * @param name the source's name (legacy: the builder's {@code name}, else its type)
 * @param config the evaluated body (legacy: every member but {@code type} and {@code name})
 * @param range the block or builder object
 */
public record Source(String type, String name, Config config, Range range) {
  public Source {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
  }

  /** {@code type.name}, the form builds refer to sources by. */
  public String reference() {
    return type + "." + name;
  }
}
