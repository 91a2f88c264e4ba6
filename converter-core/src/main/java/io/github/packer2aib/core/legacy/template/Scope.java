package io.github.packer2aib.core.legacy.template;

import java.util.List;
import java.util.Objects;

/**
 * The part of a template a string belongs to.
 *
 * @param section the template section
 * @param targets the builders the string is evaluated for: none in {@code variables}, the builder
 *     itself in a builder, the builders a provisioner or post-processor runs for (after {@code
 *     only}/{@code except}) elsewhere. With more than one, {@code build_name} has one value per
 *     builder and evaluates to unknown.
 */
public record Scope(Section section, List<BuildTarget> targets) {
  public Scope {
    Objects.requireNonNull(section, "section");
    targets = List.copyOf(targets);
  }

  public static Scope variables() {
    return new Scope(Section.VARIABLES, List.of());
  }

  public static Scope builder(BuildTarget builder) {
    return new Scope(Section.BUILDER, List.of(builder));
  }
}
