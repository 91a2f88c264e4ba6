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
 *     builder and evaluates to unknown. A builder section without a target is the builder's own
 *     {@code name} ({@link #builderName}), which Packer renders before the builder exists.
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

  /** A builder's {@code name}: no build yet, so no {@code build_name} and no builder function. */
  public static Scope builderName() {
    return new Scope(Section.BUILDER, List.of());
  }

  /** Whether this is a builder's {@code name} ({@link #builderName}). */
  public boolean isBuilderName() {
    return section == Section.BUILDER && targets.isEmpty();
  }
}
