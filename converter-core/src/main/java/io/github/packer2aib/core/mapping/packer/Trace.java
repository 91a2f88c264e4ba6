package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.source.Range;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each part of a mapped template came from: AIB JSON pointers (relative to the resource) →
 * Packer source ranges, for diagnostics of later stages that only see the AIB model.
 */
final class Trace {
  private final Map<String, Range> ranges = new LinkedHashMap<>();
  private final Range fallback;

  Trace(Range fallback) {
    this.fallback = fallback;
  }

  void put(String pointer, Range range) {
    if (range != null) {
      ranges.putIfAbsent(pointer, range);
    }
  }

  /** The range of a pointer, else of its nearest recorded ancestor, else the usage. */
  Optional<Range> locate(String pointer) {
    String p = pointer == null ? "" : pointer;
    while (true) {
      Range r = ranges.get(p);
      if (r != null) {
        return Optional.of(r);
      }
      if (p.isEmpty()) {
        return Optional.ofNullable(fallback);
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }
}
