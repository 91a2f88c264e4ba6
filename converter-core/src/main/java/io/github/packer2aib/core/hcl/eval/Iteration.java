package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.hcl.value.ListType;
import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.MapType;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.ObjectType;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.SetType;
import io.github.packer2aib.core.hcl.value.SetValue;
import io.github.packer2aib.core.hcl.value.TupleType;
import io.github.packer2aib.core.hcl.value.TupleValue;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The elements a {@code for} visits, in cty's order: lists and tuples by index (the key is the
 * index), maps and objects by key in code point order, sets in the set's order (the key is the
 * element itself).
 */
final class Iteration {
  private Iteration() {}

  static boolean canIterate(Type t) {
    return t instanceof ListType
        || t instanceof MapType
        || t instanceof SetType
        || t instanceof TupleType
        || t instanceof ObjectType;
  }

  /** Key/value pairs of a known, unmarked, iterable value. */
  static List<Value[]> pairs(Value v) {
    List<Value[]> out = new ArrayList<>();
    if (v instanceof ListValue || v instanceof TupleValue) {
      List<Value> elements = v.elements();
      for (int i = 0; i < elements.size(); i++) {
        out.add(new Value[] {Value.number(i), elements.get(i)});
      }
    } else if (v instanceof SetValue set) {
      for (Value e : set.elements()) {
        out.add(new Value[] {e, e});
      }
    } else if (v instanceof MapValue map) {
      for (Map.Entry<String, Value> e : map.entries().entrySet()) {
        out.add(new Value[] {Value.string(e.getKey()), e.getValue()});
      }
    } else if (v instanceof ObjectValue object) {
      for (Map.Entry<String, Value> e : object.attributes().entrySet()) {
        out.add(new Value[] {Value.string(e.getKey()), e.getValue()});
      }
    }
    return out;
  }
}
