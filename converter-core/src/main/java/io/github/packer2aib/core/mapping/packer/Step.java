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
    if (ranges.containsKey(member)) {
      Map<String, Range> replaced = new LinkedHashMap<>(ranges);
      replaced.put(member, range);
      return new Step(customizer, origin, replaced);
    }
    return new Step(customizer, origin, added(ranges, member, range));
  }

  /**
   * The ranges and one new member, straight into an immutable map (which the constructor keeps as
   * is): steps gain their members one {@code with} at a time, and copying through a LinkedHashMap
   * first made two copies of the map each time.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Range> added(Map<String, Range> ranges, String member, Range range) {
    Map.Entry<String, Range>[] entries = new Map.Entry[ranges.size() + 1];
    int i = 0;
    for (Map.Entry<String, Range> e : ranges.entrySet()) {
      entries[i++] = e;
    }
    entries[i] = Map.entry(member, range);
    return Map.ofEntries(entries);
  }

  Step withCustomizer(Customizer c) {
    return new Step(c, origin, ranges);
  }
}
