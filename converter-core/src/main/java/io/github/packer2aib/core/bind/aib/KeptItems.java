package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.doc.DocArray;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which items of an array the binder kept, for each array it left items out of (an item of the
 * wrong shape, which the spec validator has reported). A list of the model counts only the kept
 * items, so its n-th item is not the document's n-th where an earlier one was left out: {@link
 * SourceMap} reads this to give each item of the model the place and pointer of its own node, so
 * that a rule's finding about it does not land on its neighbour.
 *
 * <p>Arrays are told apart by identity: two arrays written alike in two places are two entries, and
 * one YAML node that an alias repeats is one, kept alike wherever it stands.
 */
final class KeptItems {
  private final Map<DocArray, int[]> kept = new IdentityHashMap<>();

  /** Records that of {@code array} only the items at {@code indices} (ascending) were kept. */
  void record(DocArray array, int[] indices) {
    kept.put(array, indices);
  }

  /** The document indices of the kept items of {@code array}, in order; null when all were. */
  int[] of(DocArray array) {
    return kept.get(array);
  }
}
