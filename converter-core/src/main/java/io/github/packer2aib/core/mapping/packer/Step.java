package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.source.Range;

/**
 * One customizer made from a provisioner, with where it came from: {@code origin} for the step as a
 * whole and {@code members} for its members (pointer suffixes such as {@code /inline}).
 *
 * @param members the members' ranges, the last given first; null for none
 */
record Step(Customizer customizer, Range origin, Member members) {

  /**
   * A member's range in front of those given before it. Steps gain their members one {@link #with}
   * at a time and the ranges are read only if a later stage reports a problem in the step (see
   * {@link Trace#putSteps}), so each {@code with} adds one link instead of copying a map.
   */
  record Member(String pointer, Range range, Member next) {}

  static Step of(Customizer customizer, Range origin) {
    return new Step(customizer, origin, null);
  }

  /** The step with {@code range} for {@code member}, in place of one given before. */
  Step with(String member, Range range) {
    if (range == null) {
      return this;
    }
    return new Step(customizer, origin, new Member(member, range, members));
  }

  Step withCustomizer(Customizer c) {
    return new Step(c, origin, members);
  }
}
