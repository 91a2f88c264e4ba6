package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.doc.JsonPointer;

/**
 * Where a value is in its document. Its JSON pointer is spelled out only when a problem is
 * reported: building one per value (most have no problem) cost more than evaluating them.
 */
final class Place {
  private final Place parent;
  private final String key;
  private final int index;
  private String pointer;

  private Place(Place parent, String key, int index, String pointer) {
    this.parent = parent;
    this.key = key;
    this.index = index;
    this.pointer = pointer;
  }

  static Place of(String pointer) {
    return new Place(null, null, -1, pointer);
  }

  Place member(String key) {
    return new Place(this, key, -1, null);
  }

  Place item(int index) {
    return new Place(this, null, index, null);
  }

  String pointer() {
    if (pointer == null) {
      pointer =
          key != null
              ? JsonPointer.append(parent.pointer(), key)
              : JsonPointer.append(parent.pointer(), index);
    }
    return pointer;
  }
}
