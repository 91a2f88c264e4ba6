package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.hcl.value.ListType;
import io.github.packer2aib.core.hcl.value.MapType;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.ObjectType;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.SetType;
import io.github.packer2aib.core.hcl.value.TupleType;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Unify;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What the type an untyped variable takes from its default costs a value given for it (Packer 1.6.6
 * does the same, silently): a default {@code { owner = "platform" }} makes the variable an {@code
 * object({owner=string})}, which keeps only {@code owner} of a var file's {@code { owner = …,
 * cost_center = … }}; a default {@code ["curl"]} makes it a {@code tuple([string])}, which refuses
 * {@code ["curl", "jq"]} as "tuple required". Both are fixed by declaring the collection type the
 * default stands for, which these words suggest.
 */
final class DefaultTypes {
  private DefaultTypes() {}

  /**
   * The keys of {@code value} that converting it to the object type {@code type} drops, at any
   * depth of nested objects, as paths ({@code cost_center}, {@code network.subnet}); empty when
   * {@code type} is no object type or the value is no known object or map.
   */
  static List<String> droppedKeys(Type type, Value value) {
    List<String> out = new ArrayList<>();
    droppedKeys(type, value, "", out);
    return out;
  }

  private static void droppedKeys(Type type, Value value, String prefix, List<String> out) {
    if (!(type instanceof ObjectType object)) {
      return;
    }
    SortedMap<String, Value> entries = entries(value);
    if (entries == null) {
      return;
    }
    for (Map.Entry<String, Value> e : entries.entrySet()) {
      Type attribute = object.attributes().get(e.getKey());
      if (attribute == null) {
        out.add(prefix + e.getKey());
      } else {
        droppedKeys(attribute, e.getValue(), prefix + e.getKey() + ".", out);
      }
    }
  }

  /** The entries of a known object or map, marks removed; null for any other value. */
  private static SortedMap<String, Value> entries(Value value) {
    Value v = value.unmarked();
    if (!v.isKnown() || v.isNull()) {
      return null;
    }
    if (v instanceof ObjectValue o) {
      return o.attributes();
    }
    return v instanceof MapValue m ? m.entries() : null;
  }

  /**
   * The map type to declare for an untyped variable whose default is an object, so that {@code
   * given} keeps its keys: {@code map(T)} for the type T that the default's and the value's
   * attributes unify to ({@code map(string)} for tags); else the value's own object type.
   */
  static String mapTypeFor(ObjectType defaultType, Value given) {
    List<Type> types = new ArrayList<>(defaultType.attributes().values());
    SortedMap<String, Value> entries = entries(given);
    if (entries != null) {
      for (Value v : entries.values()) {
        types.add(v.unmarked().type());
      }
    }
    Optional<Type> element = types.isEmpty() ? Optional.empty() : Unify.unify(types, false);
    if (element.isPresent() && !element.get().hasDynamicTypes()) {
      return new MapType(element.get()).toString();
    }
    return given.unmarked().type().toString();
  }

  /**
   * How to declare {@code type}: in the variable block, or, for a variable of a {@code variables {
   * name = default }} block, which has no place for a type, in a variable block of its own.
   */
  static String declare(String variable, String type, boolean inVariablesBlock) {
    return inVariablesBlock
        ? "declare it in a variable block of its own instead of in variables { }: variable \""
            + variable
            + "\" { type = "
            + type
            + " }"
        : "declare the type in the variable block: type = " + type;
  }

  /**
   * The sentence for a value refused by the tuple type an untyped variable took from its list
   * default, or empty when {@code type} is no such tuple or the value is no sequence of another
   * length: the type holds exactly as many elements as the default, which "tuple required" does not
   * say.
   */
  static Optional<String> tupleAdvice(
      String variable, Type type, Value given, boolean inVariablesBlock) {
    if (!(type instanceof TupleType tuple)) {
      return Optional.empty();
    }
    Value v = given.unmarked();
    Type t = v.type();
    if (!(t instanceof TupleType || t instanceof ListType || t instanceof SetType)
        || !v.isKnown()
        || v.isNull()
        || v.elements().size() == tuple.elements().size()) {
      // As long as the default: what is wrong is an element, which the error says.
      return Optional.empty();
    }
    List<Type> types = new ArrayList<>(tuple.elements());
    if (t instanceof TupleType elements) {
      types.addAll(elements.elements());
    } else {
      types.add(t instanceof ListType l ? l.element() : ((SetType) t).element());
    }
    Optional<Type> element = types.isEmpty() ? Optional.empty() : Unify.unify(types, false);
    String list =
        element.isPresent() && !element.get().hasDynamicTypes()
            ? "list(" + element.get() + ")"
            : "list(…) with the type of its elements";
    int n = tuple.elements().size();
    return Optional.of(
        "\""
            + variable
            + "\" declares no type, so it takes the type of its default, "
            + tuple
            + ": a tuple of exactly "
            + n
            + (n == 1 ? " element" : " elements")
            + ", as many as the default has (Packer does the same). To give it a list of any"
            + " length, "
            + declare(variable, list, inVariablesBlock)
            + ".");
  }
}
