package io.github.packer2aib.core.hcl.value;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A known collection (list, set, tuple, map or object) with the three facts about its contents that
 * the evaluator asks of every value it passes on: what is inside it ({@link Inside}: marks and
 * unknowns at any depth), its written size ({@link WrittenSize}) and how deeply it nests ({@link
 * ValueDepth}).
 *
 * <p>Why one base class: the facts are sums (or a maximum) over the children, worked out once when
 * the collection is made so that asking never walks or recurses; kept here they take one pass over
 * the children instead of three, and reading any is one type test instead of one per collection
 * kind.
 */
abstract sealed class CollectionValue implements Value
    permits ListValue, SetValue, TupleValue, MapValue, ObjectValue {
  final int inside;
  final long size;
  final int depth; // ValueDepth

  /** A sequence of {@code elements}: one for the sequence, plus each element's size. */
  CollectionValue(List<Value> elements) {
    int bits = 0;
    long sum = 1;
    int deepest = 0;
    for (int i = 0, n = elements.size(); i < n; i++) {
      Value e = elements.get(i);
      bits |= Inside.ofChild(e);
      sum = WrittenSize.plus(sum, WrittenSize.of(e));
      deepest = Math.max(deepest, ValueDepth.of(e));
    }
    this.inside = bits;
    this.size = sum;
    this.depth = deepest + 1;
  }

  /** An object or map of {@code entries}: as a sequence, each key's characters added. */
  CollectionValue(SortedMap<String, Value> entries) {
    int bits = 0;
    long sum = 1;
    int deepest = 0;
    for (Map.Entry<String, Value> e : entries.entrySet()) {
      Value v = e.getValue();
      bits |= Inside.ofChild(v);
      sum = WrittenSize.plus(sum, WrittenSize.plus(e.getKey().length(), WrittenSize.of(v)));
      deepest = Math.max(deepest, ValueDepth.of(v));
    }
    this.inside = bits;
    this.size = sum;
    this.depth = deepest + 1;
  }
}
