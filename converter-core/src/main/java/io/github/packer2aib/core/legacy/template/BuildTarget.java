package io.github.packer2aib.core.legacy.template;

import java.util.Objects;

/**
 * A builder a string is evaluated for: what {@code build_name} and {@code build_type} return.
 *
 * @param name the builder's name (its {@code name}, else its type)
 * @param type the builder's type, e.g. {@code azure-arm}
 */
public record BuildTarget(String name, String type) {
  public BuildTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
