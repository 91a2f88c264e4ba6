package io.github.packer2aib.core.hcl.value;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A known object; attributes iterate in lexical order and their order never matters. */
public record ObjectValue(SortedMap<String, Value> attributes) implements Value {
  public static final ObjectValue EMPTY = new ObjectValue(new TreeMap<String, Value>());

  public ObjectValue(Map<String, Value> attributes) {
    this(MapValue.sorted(attributes));
  }

  public ObjectValue {
    attributes = MapValue.frozen(attributes);
  }

  @Override
  public ObjectType type() {
    TreeMap<String, Type> types = new TreeMap<>(Strings.CODE_POINT_ORDER);
    attributes.forEach((k, v) -> types.put(k, v.type()));
    return new ObjectType(types, new java.util.TreeSet<String>());
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
