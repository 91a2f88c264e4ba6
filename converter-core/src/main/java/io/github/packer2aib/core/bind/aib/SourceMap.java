package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.source.Range;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each node of a bound resource stands in its source file, so that later stages (mapping,
 * validation of the model) can point at the input although they only see the model.
 *
 * <p>Pointers passed to {@link #locate} are pointers into the model, relative to the resource
 * ({@code /properties/source}); {@link #absolute} turns one into the pointer within the whole
 * document ({@code /resources/0/properties/source}), which is what diagnostics carry. The two
 * differ only in the indices of a list the binder left an item out of ({@link KeptItems}): the
 * model's {@code /properties/customize/0} is the document's {@code /properties/customize/1} when
 * the first step has an unknown type, and is located there. Immutable.
 */
public final class SourceMap {
  private final String basePointer;
  private final Map<String, Range> nodes;
  private final Map<String, Range> keys;

  /**
   * The document pointer of each model list item whose index differs from its node's (a later item
   * of a list the binder left an item out of); items below one follow it.
   */
  private final Map<String, String> moved;

  /**
   * Each located pointer, lower-cased, to the pointer as written (the first in document order),
   * made on the first lookup that misses. Service rules name the spec's spelling ({@code
   * /properties/customize}); a template whose keys are written in another case ({@code
   * Properties}), which older API versions accept with a warning, holds the value at the written
   * spelling, where the rule must point. Most templates never miss, so most maps never make it.
   */
  private volatile Map<String, String> anyCase;

  private SourceMap(
      String basePointer,
      Map<String, Range> nodes,
      Map<String, Range> keys,
      Map<String, String> moved) {
    this.basePointer = basePointer;
    this.nodes = nodes;
    this.keys = keys;
    this.moved = moved;
  }

  /**
   * The map of every node below (and including) {@code resource}, found at {@code basePointer}, for
   * a model whose lists hold only the items {@code kept} says.
   */
  static SourceMap of(String basePointer, DocNode resource, KeptItems kept) {
    Objects.requireNonNull(basePointer, "basePointer");
    Map<String, Range> nodes = new LinkedHashMap<>();
    Map<String, Range> keys = new LinkedHashMap<>();
    Map<String, String> moved = new HashMap<>();
    new Collector(nodes, keys, kept, moved).collect(resource, JsonPointer.ROOT, JsonPointer.ROOT);
    return new SourceMap(
        basePointer,
        Collections.unmodifiableMap(nodes),
        Collections.unmodifiableMap(keys),
        moved.isEmpty() ? Map.of() : Collections.unmodifiableMap(moved));
  }

  /** A map without locations, for a resource built by the program. */
  public static SourceMap empty(String basePointer) {
    return new SourceMap(basePointer, Map.of(), Map.of(), Map.of());
  }

  /** Walks the document, keying each node by its model pointer. */
  private record Collector(
      Map<String, Range> nodes,
      Map<String, Range> keys,
      KeptItems kept,
      Map<String, String> moved) {

    /**
     * @param pointer the node's pointer in the model
     * @param document its pointer in the document
     */
    void collect(DocNode node, String pointer, String document) {
      if (node.range() != null) {
        nodes.put(pointer, node.range());
      }
      if (node instanceof DocObject o) {
        for (DocMember m : o.members()) {
          String child = JsonPointer.append(pointer, m.key());
          if (m.keyRange() != null) {
            keys.put(child, m.keyRange());
          }
          collect(m.value(), child, JsonPointer.append(document, m.key()));
        }
      } else if (node instanceof DocArray a) {
        int[] indices = kept.of(a);
        int n = indices == null ? a.items().size() : indices.length;
        for (int k = 0; k < n; k++) {
          // A left-out item has no pointer in the model: nothing of the model is located there.
          int i = indices == null ? k : indices[k];
          String child = JsonPointer.append(pointer, k);
          String at = JsonPointer.append(document, i);
          if (i != k) {
            moved.put(child, at);
          }
          collect(a.items().get(i), child, at);
        }
      }
    }
  }

  /** The pointer of the resource in its document. */
  public String basePointer() {
    return basePointer;
  }

  /** The document pointer of a model pointer relative to the resource. */
  public String absolute(String relativePointer) {
    return basePointer + inDocument(written(relativePointer));
  }

  /**
   * {@code relativePointer} as the input writes it: itself when it is located, else the located
   * pointer that differs from it only in case, else (a member the input lacks) its parent as
   * written with the rest appended.
   */
  String written(String relativePointer) {
    if (relativePointer.isEmpty() || nodes.containsKey(relativePointer)) {
      return relativePointer;
    }
    String p = anyCase().get(relativePointer.toLowerCase(Locale.ROOT));
    if (p != null) {
      return p;
    }
    int slash = relativePointer.lastIndexOf('/');
    return written(relativePointer.substring(0, slash)) + relativePointer.substring(slash);
  }

  private Map<String, String> anyCase() {
    Map<String, String> lower = anyCase;
    if (lower == null) {
      lower = new HashMap<>();
      for (String p : nodes.keySet()) {
        lower.putIfAbsent(p.toLowerCase(Locale.ROOT), p);
      }
      anyCase = lower;
    }
    return lower;
  }

  /**
   * The pointer relative to the resource of the document node that the model node at {@code
   * relativePointer} was read from (or would be, for a member the input lacks).
   */
  String inDocument(String relativePointer) {
    if (moved.isEmpty()) {
      return relativePointer;
    }
    String p = relativePointer;
    while (true) {
      String at = moved.get(p);
      if (at != null) {
        return at + relativePointer.substring(p.length());
      }
      if (p.isEmpty()) {
        return relativePointer;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /**
   * The range of the node at {@code relativePointer}, or of its nearest ancestor that has one (a
   * field the model has but the input lacks is best reported at the object that should hold it).
   */
  public Optional<Range> locate(String relativePointer) {
    String p = written(relativePointer);
    while (true) {
      Range r = nodes.get(p);
      if (r != null) {
        return Optional.of(r);
      }
      if (p.isEmpty()) {
        return Optional.empty();
      }
      p = p.substring(0, p.lastIndexOf('/')); // written as its child is
    }
  }

  /** The range of the exact node at {@code relativePointer}, without falling back. */
  public Optional<Range> exact(String relativePointer) {
    return Optional.ofNullable(nodes.get(relativePointer));
  }

  /** The range of the key of the member at {@code relativePointer}, if that node is a member. */
  public Optional<Range> locateKey(String relativePointer) {
    return Optional.ofNullable(keys.get(written(relativePointer)));
  }

  /** Every located model pointer (relative) with its range, in document order. */
  public Map<String, Range> ranges() {
    return nodes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceMap s
        && basePointer.equals(s.basePointer)
        && nodes.equals(s.nodes)
        && keys.equals(s.keys)
        && moved.equals(s.moved);
  }

  @Override
  public int hashCode() {
    return Objects.hash(basePointer, nodes, keys, moved);
  }

  @Override
  public String toString() {
    return "SourceMap[" + basePointer + ", " + nodes.size() + " nodes]";
  }
}
