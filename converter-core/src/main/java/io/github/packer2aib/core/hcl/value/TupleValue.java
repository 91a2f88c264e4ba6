package io.github.packer2aib.core.hcl.value;

import java.util.Arrays;
import java.util.List;

/**
 * A known tuple: a sequence whose elements may have different types.
 *
 * <p>A final class rather than a record so that it can keep what it derives from its elements: its
 * type, worked out on first use, and what is inside it ({@link Inside}). A tuple's type lists every
 * element's, and the evaluator asks for it on each index, {@code length} or function call: worked
 * out anew each time, a loop over a tuple of n elements cost n² (a {@code for} over 20,000 strings
 * calling {@code length} ran for over 20 s). The tuple stays immutable: what it keeps is derived
 * from the elements, and a race only works the type out twice.
 */
public final class TupleValue extends CollectionValue {
  public static final TupleValue EMPTY = new TupleValue(List.of());

  private final List<Value> elements;
  private TupleType type;

  public TupleValue(List<Value> elements) {
    this(List.copyOf(elements), null);
  }

  private TupleValue(List<Value> copied, Void unused) {
    super(copied);
    this.elements = copied;
  }

  /** The elements, in order (unmodifiable, and not copied). */
  @Override
  public List<Value> elements() {
    return elements;
  }

  @Override
  public TupleType type() {
    TupleType t = type;
    if (t == null) {
      // A loop, not a stream: conversions ask every tuple for its type, often.
      Type[] types = new Type[elements.size()];
      for (int i = 0; i < types.length; i++) {
        types[i] = elements.get(i).type();
      }
      t = new TupleType(Arrays.asList(types));
      type = t;
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof TupleValue t && elements.equals(t.elements));
  }

  @Override
  public int hashCode() {
    return elements.hashCode(); // as the record's was
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
