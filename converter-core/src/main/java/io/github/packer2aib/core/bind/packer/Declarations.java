package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.hcl.syntax.Expression;
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

  /**
   * The expression of each local, by name: an unknown value read through a local is traced into the
   * local's expression ({@link Expressions#unknownReferences}).
   */
  final Map<String, Expression> localExpressions = new LinkedHashMap<>();

  /** Data source type → names. */
  final Map<String, Set<String>> data = new LinkedHashMap<>();

  /**
   * The variables left without a value, unknown (an error in a conversion, PKR-E020, a note in
   * inspect): a value the template needs while it is read may then be unknown because of one, not
   * only of a data source, and its message says so ({@link UnknownOrigin}).
   */
  final Set<String> unset = new LinkedHashSet<>();

  /**
   * Whether variables may be left without a value (inspect, which shows them unknown), where a
   * conversion needs them.
   */
  final boolean unsetAllowed;

  Declarations(boolean unsetAllowed) {
    this.unsetAllowed = unsetAllowed;
  }

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
