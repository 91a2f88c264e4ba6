package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.aib.BoolValue;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tolerant typed reads of document nodes. A value of the wrong shape reads as null (or is left out
 * of a list or map): the spec validator has already reported it, and the binder must neither throw
 * nor report it twice.
 */
final class DocValues {
  private DocValues() {}

  /**
   * The member {@code key} of {@code node}: the exact key, else one differing only in case (older
   * API versions accept wrongly cased keys; the validator reports the casing).
   */
  static DocNode member(DocNode node, String key) {
    if (!(node instanceof DocObject o)) {
      return null;
    }
    DocMember m = o.memberAnyCase(key).orElse(null);
    return m == null ? null : m.value();
  }

  static DocObject object(DocNode node, String key) {
    return member(node, key) instanceof DocObject o ? o : null;
  }

  /** A string, or a YAML untyped scalar read as the string it was written as. */
  static String string(DocNode node, String key) {
    return asString(member(node, key));
  }

  static String asString(DocNode node) {
    return node == null ? null : DocScalar.stringValue(node).orElse(null);
  }

  /** An integer literal, or an ARM expression string kept as written. */
  static IntValue integer(DocNode node, String key) {
    return asInteger(member(node, key));
  }

  static IntValue asInteger(DocNode node) {
    if (!(node instanceof DocScalar s)) {
      return null;
    }
    if (s.type() == DocScalar.Type.NUMBER) {
      BigDecimal n = s.asNumber().orElse(null);
      if (n == null) {
        return null;
      }
      try {
        return IntValue.of(n.longValueExact());
      } catch (ArithmeticException notAnInteger) {
        return null;
      }
    }
    return s.type() == DocScalar.Type.STRING && ArmExpression.isExpression(s.text())
        ? IntValue.expression(s.text())
        : null;
  }

  /** A boolean literal, or an ARM expression string kept as written. */
  static BoolValue bool(DocNode node, String key) {
    DocNode value = member(node, key);
    if (!(value instanceof DocScalar s)) {
      return null;
    }
    if (s.type() == DocScalar.Type.BOOLEAN) {
      return s.asBoolean().map(BoolValue::of).orElse(null);
    }
    return s.type() == DocScalar.Type.STRING && ArmExpression.isExpression(s.text())
        ? BoolValue.expression(s.text())
        : null;
  }

  /**
   * The items of an array that read as a T; null when the member is absent or not an array. Where
   * an item is left out, {@code kept} records which were kept, so that the model's items can still
   * be located at their own nodes.
   */
  static <T> List<T> list(DocNode node, String key, ItemReader<T> reader, KeptItems kept) {
    if (!(member(node, key) instanceof DocArray a)) {
      return null;
    }
    int n = a.items().size();
    List<T> out = new ArrayList<>(n);
    int[] indices = new int[n];
    for (int i = 0; i < n; i++) {
      T item = reader.read(a.items().get(i), i);
      if (item != null) {
        indices[out.size()] = i;
        out.add(item);
      }
    }
    if (out.size() < n) {
      kept.record(a, Arrays.copyOf(indices, out.size()));
    }
    return out;
  }

  static List<String> strings(DocNode node, String key, KeptItems kept) {
    return list(node, key, (item, i) -> asString(item), kept);
  }

  /** A string map in document order; entries whose value is not a string are left out. */
  static Map<String, String> stringMap(DocNode node, String key) {
    if (!(member(node, key) instanceof DocObject o)) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (DocMember m : o.members()) {
      String v = asString(m.value());
      if (v != null) {
        out.put(m.key(), v);
      }
    }
    return out;
  }

  /** Reads one array item given its index (for pointers); returns null to leave it out. */
  @FunctionalInterface
  interface ItemReader<T> {
    T read(DocNode item, int index);
  }

  /**
   * The canonical spelling of a discriminator value among {@code known}, ignoring case; null when
   * it is missing or not one of them.
   */
  static String discriminator(DocNode node, String key, List<String> known) {
    String value = string(node, key);
    if (value == null) {
      return null;
    }
    for (String k : known) {
      if (k.equalsIgnoreCase(value)) {
        return k;
      }
    }
    return null;
  }

  /**
   * An enum value in the canonical spelling among {@code known} when it is one of them ignoring
   * case; otherwise as written (an expression, or a value the spec layer reports).
   */
  static String enumValue(DocNode node, String key, List<String> known) {
    String canonical = discriminator(node, key, known);
    return canonical != null ? canonical : string(node, key);
  }

  static <T> T ifObject(DocNode node, Function<DocObject, T> read) {
    return node instanceof DocObject o ? read.apply(o) : null;
  }
}
