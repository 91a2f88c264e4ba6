package io.github.packer2aib.core.hcl.value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Type unification as cty does it: the one type that all the given types can convert to, used for
 * conditionals, for converting tuples to {@code list(any)} and by functions such as {@code concat}
 * and {@code coalesce}.
 *
 * <p>Rules, in order: no types or any {@code any} among structural/collection kinds gives {@code
 * any}; all maps (or maps and objects) unify to a map of the unified element types; all lists (or
 * lists and tuples) to a list; all sets to a set; objects with the same attribute names to an
 * object of attribute-wise unified types, otherwise to a map; tuples of the same length to a tuple,
 * otherwise to a list. Anything else: the first of the given types, in the order string, number,
 * bool, collections, structural types, {@code any}, that every given type converts to ({@code
 * [number, string]} gives string; {@code [number, bool]} has no unification).
 */
public final class Unify {
  private Unify() {}

  /** The unified type, or empty when there is none. */
  public static Optional<Type> unify(List<Type> types, boolean unsafe) {
    return Optional.ofNullable(unifyOrNull(types, unsafe));
  }

  static Type unifyOrNull(List<Type> types, boolean unsafe) {
    if (types.isEmpty()) {
      return Type.DYNAMIC;
    }
    int maps = 0;
    int lists = 0;
    int sets = 0;
    int objects = 0;
    int tuples = 0;
    int dynamics = 0;
    for (Type t : types) {
      if (t instanceof MapType) {
        maps++;
      } else if (t instanceof ListType) {
        lists++;
      } else if (t instanceof SetType) {
        sets++;
      } else if (t instanceof ObjectType) {
        objects++;
      } else if (t instanceof TupleType) {
        tuples++;
      } else if (t == Type.DYNAMIC) {
        dynamics++;
      }
    }
    int n = types.size();
    boolean hasDynamic = dynamics > 0;
    if (maps > 0 && maps + dynamics == n) {
      return hasDynamic ? Type.DYNAMIC : collection(types, unsafe, MapType::new);
    }
    if (maps > 0 && maps + objects + dynamics == n) {
      return hasDynamic ? Type.DYNAMIC : asMap(types, unsafe);
    }
    if (lists > 0 && lists + dynamics == n) {
      return hasDynamic ? Type.DYNAMIC : collection(types, unsafe, ListType::new);
    }
    if (lists > 0 && lists + tuples + dynamics == n) {
      return hasDynamic ? Type.DYNAMIC : asList(types, unsafe);
    }
    if (sets > 0 && sets + dynamics == n) {
      return hasDynamic ? Type.DYNAMIC : collection(types, unsafe, SetType::new);
    }
    if (objects > 0 && objects + dynamics == n) {
      return hasDynamic ? Type.DYNAMIC : objects(types, unsafe);
    }
    if (tuples > 0 && tuples + dynamics == n) {
      return hasDynamic ? Type.DYNAMIC : tuples(types, unsafe);
    }
    if (objects > 0 && tuples > 0) {
      return null;
    }
    for (Type want : preferenceOrder(types)) {
      Type plain = want.withoutOptionalAttributesDeep();
      boolean all = true;
      for (Type t : types) {
        if (!t.equals(plain) && !Convert.convertible(t, plain, unsafe)) {
          all = false;
          break;
        }
      }
      if (all) {
        return plain;
      }
    }
    return null;
  }

  private static List<Type> preferenceOrder(List<Type> types) {
    Set<Type> distinct = new LinkedHashSet<>(types);
    List<Type> order = new ArrayList<>();
    for (Type p : List.of(Type.STRING, Type.NUMBER, Type.BOOL)) {
      if (distinct.contains(p)) {
        order.add(p);
      }
    }
    for (Type t : distinct) {
      if (t.isCollection()) {
        order.add(t);
      }
    }
    for (Type t : distinct) {
      if (t.isStructural()) {
        order.add(t);
      }
    }
    if (distinct.contains(Type.DYNAMIC)) {
      order.add(Type.DYNAMIC);
    }
    return order;
  }

  private interface CollectionMaker {
    Type make(Type element);
  }

  private static Type collection(List<Type> types, boolean unsafe, CollectionMaker maker) {
    List<Type> elements = new ArrayList<>();
    for (Type t : types) {
      elements.add(elementOf(t));
    }
    Type e = unifyOrNull(elements, unsafe);
    return e == null ? null : maker.make(e);
  }

  private static Type elementOf(Type t) {
    if (t instanceof ListType) {
      return ((ListType) t).element();
    }
    if (t instanceof SetType) {
      return ((SetType) t).element();
    }
    return ((MapType) t).element();
  }

  private static Type asMap(List<Type> types, boolean unsafe) {
    List<Type> elements = new ArrayList<>();
    for (Type t : types) {
      if (t instanceof ObjectType) {
        elements.addAll(((ObjectType) t).attributes().values());
      } else {
        elements.add(elementOf(t));
      }
    }
    Type e = unifyOrNull(elements, unsafe);
    return e == null ? null : new MapType(e);
  }

  private static Type asList(List<Type> types, boolean unsafe) {
    List<Type> elements = new ArrayList<>();
    for (Type t : types) {
      if (t instanceof TupleType) {
        elements.addAll(((TupleType) t).elements());
      } else {
        elements.add(elementOf(t));
      }
    }
    Type e = unifyOrNull(elements, unsafe);
    return e == null ? null : new ListType(e);
  }

  private static Type objects(List<Type> types, boolean unsafe) {
    Set<String> names = ((ObjectType) types.get(0)).attributes().keySet();
    for (Type t : types) {
      if (!((ObjectType) t).attributes().keySet().equals(names)) {
        // Different attribute names: only a map can hold them all.
        return asMap(types, unsafe);
      }
    }
    Map<String, Type> attrs = new TreeMap<>(Strings.CODE_POINT_ORDER);
    for (String name : names) {
      List<Type> ts = new ArrayList<>();
      for (Type t : types) {
        ts.add(((ObjectType) t).attributes().get(name));
      }
      Type u = unifyOrNull(ts, unsafe);
      if (u == null) {
        return null;
      }
      attrs.put(name, u);
    }
    return new ObjectType(attrs, new TreeSet<>());
  }

  private static Type tuples(List<Type> types, boolean unsafe) {
    int len = ((TupleType) types.get(0)).elements().size();
    for (Type t : types) {
      if (((TupleType) t).elements().size() != len) {
        return asList(types, unsafe);
      }
    }
    List<Type> elements = new ArrayList<>();
    for (int i = 0; i < len; i++) {
      List<Type> ts = new ArrayList<>();
      for (Type t : types) {
        ts.add(((TupleType) t).elements().get(i));
      }
      Type u = unifyOrNull(ts, unsafe);
      if (u == null) {
        return null;
      }
      elements.add(u);
    }
    return new TupleType(elements);
  }
}
