package io.github.packer2aib.core.hcl.value;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A known map from strings to elements of {@code elementType}; keys iterate in lexical order.
 *
 * <p>A final class rather than a record so that it can keep what is inside it ({@link Inside}),
 * worked out once from its elements.
 */
public final class MapValue extends CollectionValue {
  private final Type elementType;
  private final SortedMap<String, Value> entries;

  public MapValue(Type elementType, Map<String, Value> entries) {
    this(elementType, sorted(entries));
  }

  public MapValue(Type elementType, SortedMap<String, Value> entries) {
    this(frozen(entries), elementType);
  }

  private MapValue(SortedMap<String, Value> frozen, Type elementType) {
    super(frozen);
    this.elementType = Objects.requireNonNull(elementType, "elementType");
    this.entries = frozen;
    Values.checkElementTypes("map", elementType, this.entries.values());
  }

  public Type elementType() {
    return elementType;
  }

  /** The entries, in lexical order of the keys (unmodifiable, and not copied). */
  public SortedMap<String, Value> entries() {
    return entries;
  }

  /** A copy in code-point order of the keys, which no one else holds. */
  static SortedMap<String, Value> sorted(Map<String, ? extends Value> m) {
    PrivateCopy copy = new PrivateCopy();
    copy.putAll(m);
    return copy;
  }

  /**
   * The entries as a map value keeps them: unmodifiable, and a copy unless they are one already.
   * The non-canonical constructors copy the caller's map (to sort it) before the canonical one
   * runs: without this check every object and map value was copied twice, and the evaluator makes
   * many.
   */
  static SortedMap<String, Value> frozen(SortedMap<String, Value> m) {
    return Collections.unmodifiableSortedMap(m instanceof PrivateCopy ? m : sorted(m));
  }

  /** The type of {@link #sorted}'s copies, so {@link #frozen} can tell them from a caller's map. */
  private static final class PrivateCopy extends TreeMap<String, Value> {
    private static final long serialVersionUID = 1L;

    PrivateCopy() {
      super(Strings.CODE_POINT_ORDER);
    }
  }

  @Override
  public MapType type() {
    return new MapType(elementType);
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof MapValue m
            && elementType.equals(m.elementType)
            && entries.equals(m.entries));
  }

  @Override
  public int hashCode() {
    return 31 * elementType.hashCode() + entries.hashCode(); // as the record's was
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
