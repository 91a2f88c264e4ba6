package io.github.packer2aib.core.aib;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies that keep the input's order (output order is part of determinism). */
final class Maps {
  private Maps() {}

  static <K, V> Map<K, V> copyOrNull(Map<K, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static <T> List<T> copyOrNull(List<T> list) {
    return list == null ? null : List.copyOf(list);
  }
}
