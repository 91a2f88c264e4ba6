package io.github.packer2aib.core.hcl.value;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** A known map from strings to elements of {@code elementType}; keys iterate in lexical order. */
public record MapValue(Type elementType, SortedMap<String, Value> entries) implements Value {
  public MapValue(Type elementType, Map<String, Value> entries) {
    this(elementType, sorted(entries));
  }

  public MapValue {
    Objects.requireNonNull(elementType, "elementType");
    entries = Collections.unmodifiableSortedMap(sorted(entries));
    Values.checkElementTypes("map", elementType, entries.values());
  }

  static SortedMap<String, Value> sorted(Map<String, Value> m) {
    TreeMap<String, Value> copy = new TreeMap<>(Strings.CODE_POINT_ORDER);
    copy.putAll(m);
    return copy;
  }

  @Override
  public MapType type() {
    return new MapType(elementType);
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
