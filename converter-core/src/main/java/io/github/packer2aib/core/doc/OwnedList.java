package io.github.packer2aib.core.doc;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list over the first {@code size} entries of an array that its maker handed over
 * and never touches again, so the array needs no copy: see {@link DocObject#owning} and {@link
 * DocArray#owning}. Every output template is built as a tree of some hundred such lists, and
 * copying each finished list once more ({@code List.copyOf}) was a visible part of building it.
 */
final class OwnedList<E> extends AbstractList<E> implements RandomAccess {
  private final E[] elements;
  private final int size;

  OwnedList(E[] elements, int size) {
    Objects.checkFromToIndex(0, size, elements.length);
    this.elements = elements;
    this.size = size;
  }

  @Override
  public E get(int index) {
    Objects.checkIndex(index, size);
    return elements[index];
  }

  @Override
  public int size() {
    return size;
  }
}
