package io.github.packer2aib.core.hcl.value;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A known object; attributes iterate in lexical order and their order never matters.
 *
 * <p>A final class rather than a record so that it can keep what it derives from its attributes, as
 * {@link TupleValue} does: its type (which names every attribute's, and reading {@code obj[key]} in
 * a loop asked for it anew each time) and what is inside it ({@link Inside}).
 */
public final class ObjectValue extends CollectionValue {
  public static final ObjectValue EMPTY = new ObjectValue(new TreeMap<String, Value>());

  private final SortedMap<String, Value> attributes;
  private ObjectType type;

  public ObjectValue(Map<String, Value> attributes) {
    this(MapValue.sorted(attributes));
  }

  public ObjectValue(SortedMap<String, Value> attributes) {
    this(MapValue.frozen(attributes), null);
  }

  private ObjectValue(SortedMap<String, Value> frozen, Void unused) {
    super(frozen);
    this.attributes = frozen;
  }

  /** The attributes, in lexical order (unmodifiable, and not copied). */
  public SortedMap<String, Value> attributes() {
    return attributes;
  }

  @Override
  public ObjectType type() {
    ObjectType t = type;
    if (t == null) {
      TreeMap<String, Type> types = new TreeMap<>(Strings.CODE_POINT_ORDER);
      attributes.forEach((k, v) -> types.put(k, v.type()));
      t = new ObjectType(types, new java.util.TreeSet<String>());
      type = t;
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof ObjectValue v && attributes.equals(v.attributes));
  }

  @Override
  public int hashCode() {
    return attributes.hashCode(); // as the record's was
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
