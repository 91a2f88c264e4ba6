package io.github.packer2aib.core.bind.packer;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a template declares, which references are checked against: input variables, local
 * values and data sources, in declaration order (suggestions prefer the earliest close name).
 */
final class Declarations {
  final Set<String> variables = new LinkedHashSet<>();
  final Set<String> locals = new LinkedHashSet<>();

  /** Data source type → names. */
  final Map<String, Set<String>> data = new LinkedHashMap<>();

  /**
   * The variables left without a value, unknown (only where that is allowed: inspect): a value the
   * template needs while it is read may then be unknown because of one, not only of a data source.
   */
  final Set<String> unset = new LinkedHashSet<>();

  void addData(String type, String name) {
    data.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(name);
  }

  boolean hasData(String type, String name) {
    return data.getOrDefault(type, Set.of()).contains(name);
  }

  /** Every data source as {@code data.type.name}. */
  List<String> dataReferences() {
    return data.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(n -> "data." + e.getKey() + "." + n))
        .toList();
  }
}
