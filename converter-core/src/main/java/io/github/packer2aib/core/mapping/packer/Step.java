package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.source.Range;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One customizer made from a provisioner, with where it came from: {@code origin} for the step as a
 * whole and {@code ranges} for its members (pointer suffixes such as {@code /inline}).
 */
record Step(Customizer customizer, Range origin, Map<String, Range> ranges) {
  Step {
    ranges = Map.copyOf(ranges);
  }

  static Step of(Customizer customizer, Range origin) {
    return new Step(customizer, origin, Map.of());
  }

  Step with(String member, Range range) {
    if (range == null) {
      return this;
    }
    Map<String, Range> more = new LinkedHashMap<>(ranges);
    more.put(member, range);
    return new Step(customizer, origin, more);
  }

  Step withCustomizer(Customizer c) {
    return new Step(c, origin, ranges);
  }
}
