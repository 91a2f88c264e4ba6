package io.github.packer2aib.core.hcl.value;

import java.util.List;
import java.util.Objects;

/**
 * A known list: a sequence whose elements all have {@code elementType}.
 *
 * <p>A final class rather than a record so that it can keep what is inside it ({@link Inside}),
 * worked out once from its elements.
 */
public final class ListValue extends CollectionValue {
  private final Type elementType;
  private final List<Value> elements;

  public ListValue(Type elementType, List<Value> elements) {
    this(List.copyOf(elements), elementType);
  }

  private ListValue(List<Value> copied, Type elementType) {
    super(copied);
    this.elementType = Objects.requireNonNull(elementType, "elementType");
    this.elements = copied;
    Values.checkElementTypes("list", elementType, this.elements);
  }

  public Type elementType() {
    return elementType;
  }

  /** The elements, in order (unmodifiable, and not copied). */
  @Override
  public List<Value> elements() {
    return elements;
  }

  @Override
  public ListType type() {
    return new ListType(elementType);
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof ListValue l
            && elementType.equals(l.elementType)
            && elements.equals(l.elements));
  }

  @Override
  public int hashCode() {
    return 31 * elementType.hashCode() + elements.hashCode(); // as the record's was
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
