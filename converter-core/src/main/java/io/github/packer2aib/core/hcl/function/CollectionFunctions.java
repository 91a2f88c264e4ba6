package io.github.packer2aib.core.hcl.function;

import static io.github.packer2aib.core.hcl.function.DefinedFunction.define;

import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.ListType;
import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.MapType;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.ObjectType;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.SetType;
import io.github.packer2aib.core.hcl.value.SetValue;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Strings;
import io.github.packer2aib.core.hcl.value.TupleType;
import io.github.packer2aib.core.hcl.value.TupleValue;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Unify;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Functions over lists, sets, tuples, maps and objects. */
final class CollectionFunctions {
  private CollectionFunctions() {}

  /** Range refuses to make more elements than this, as cty does. */
  static final int RANGE_LIMIT = 1024;

  static List<HclFunction> all() {
    List<HclFunction> fs = new ArrayList<>();
    fs.add(
        define("length")
            .param(Parameter.of("value", Type.DYNAMIC).unknowns())
            .returns(Type.NUMBER)
            .impl(CollectionFunctions::length));
    fs.add(
        define("element")
            .param("list", Type.DYNAMIC)
            .param("index", Type.NUMBER)
            .returns(CollectionFunctions::elementType)
            .impl(CollectionFunctions::element));
    fs.add(
        define("index")
            .param("list", Type.DYNAMIC)
            .param("value", Type.DYNAMIC)
            .returns(Type.NUMBER)
            .impl(CollectionFunctions::index));
    fs.add(
        define("contains")
            .param("list", Type.DYNAMIC)
            .param("value", Type.DYNAMIC)
            .returns(Type.BOOL)
            .impl(CollectionFunctions::contains));
    fs.add(
        define("keys")
            .param("inputMap", Type.DYNAMIC)
            .returns(CollectionFunctions::keysType)
            .impl(CollectionFunctions::keys));
    fs.add(
        define("values")
            .param("mapping", Type.DYNAMIC)
            .returns(CollectionFunctions::valuesType)
            .impl(CollectionFunctions::values));
    fs.add(
        define("lookup")
            .param("inputMap", Type.DYNAMIC)
            .param("key", Type.STRING)
            .param("default", Type.DYNAMIC)
            .returns(a -> Type.DYNAMIC)
            .impl(CollectionFunctions::lookup));
    fs.add(
        define("merge")
            .variadic(Parameter.of("maps", Type.DYNAMIC).nullable())
            .returns(a -> Type.DYNAMIC)
            .impl(CollectionFunctions::merge));
    fs.add(
        define("concat")
            .variadic("seqs", Type.DYNAMIC)
            .returns(a -> Type.DYNAMIC)
            .impl(CollectionFunctions::concat));
    fs.add(
        define("flatten")
            .param("list", Type.DYNAMIC)
            .returns(a -> Type.DYNAMIC)
            .impl(CollectionFunctions::flatten));
    fs.add(
        define("distinct")
            .param("list", Type.list(Type.DYNAMIC))
            .returns(a -> a.get(0).type())
            .impl(
                a -> {
                  ListValue l = (ListValue) a.get(0);
                  return new ListValue(
                      l.elementType(), new ArrayList<>(new LinkedHashSet<>(l.elements())));
                }));
    fs.add(
        define("chunklist")
            .param("list", Type.list(Type.DYNAMIC))
            .param("size", Type.NUMBER)
            .returns(a -> Type.list(a.get(0).type()))
            .impl(CollectionFunctions::chunklist));
    fs.add(
        define("coalesce")
            .variadic(Parameter.of("vals", Type.DYNAMIC).nullable())
            .returns(a -> Type.DYNAMIC)
            .impl(CollectionFunctions::coalesce));
    fs.add(
        define("coalescelist")
            .variadic(Parameter.of("vals", Type.DYNAMIC).nullable())
            .returns(a -> Type.DYNAMIC)
            .impl(CollectionFunctions::coalescelist));
    fs.add(
        define("compact")
            .param("list", Type.list(Type.STRING))
            .returns(Type.list(Type.STRING))
            .impl(
                a -> {
                  List<Value> out = new ArrayList<>();
                  for (Value e : a.get(0).elements()) {
                    if (!e.isNull() && !e.asString().isEmpty()) {
                      out.add(e);
                    }
                  }
                  return Value.list(Type.STRING, out);
                }));
    fs.add(
        define("range")
            .variadic("params", Type.NUMBER)
            .returns(Type.list(Type.NUMBER))
            .impl(CollectionFunctions::range));
    fs.add(
        define("reverse")
            .param("list", Type.DYNAMIC)
            .returns(a -> a.get(0).type())
            .impl(CollectionFunctions::reverse));
    fs.add(
        define("setintersection")
            .param("first_set", Type.set(Type.DYNAMIC))
            .variadic("other_sets", Type.set(Type.DYNAMIC))
            .returns(a -> Type.DYNAMIC)
            .impl(a -> setOperation(a, true)));
    fs.add(
        define("setunion")
            .param("first_set", Type.set(Type.DYNAMIC))
            .variadic("other_sets", Type.set(Type.DYNAMIC))
            .returns(a -> Type.DYNAMIC)
            .impl(a -> setOperation(a, false)));
    fs.add(
        define("setproduct")
            .variadic("sets", Type.DYNAMIC)
            .returns(a -> Type.DYNAMIC)
            .impl(CollectionFunctions::setproduct));
    fs.add(
        define("slice")
            .param("list", Type.DYNAMIC)
            .param("start_index", Type.NUMBER)
            .param("end_index", Type.NUMBER)
            .returns(a -> Type.DYNAMIC)
            .impl(CollectionFunctions::slice));
    fs.add(
        define("sort")
            .param("list", Type.list(Type.STRING))
            .returns(Type.list(Type.STRING))
            .impl(CollectionFunctions::sort));
    fs.add(
        define("sum")
            .param("list", Type.DYNAMIC)
            .returns(Type.NUMBER)
            .impl(CollectionFunctions::sum));
    fs.add(
        define("zipmap")
            .param("keys", Type.list(Type.STRING))
            .param("values", Type.DYNAMIC)
            .returns(a -> Type.DYNAMIC)
            .impl(CollectionFunctions::zipmap));
    fs.add(
        define("alltrue")
            .param("list", Type.list(Type.BOOL))
            .returns(Type.BOOL)
            .impl(
                a -> {
                  for (Value e : a.get(0).elements()) {
                    if (e.isNull() || !e.asBoolean()) {
                      return Value.FALSE;
                    }
                  }
                  return Value.TRUE;
                }));
    fs.add(
        define("anytrue")
            .param("list", Type.list(Type.BOOL))
            .returns(Type.BOOL)
            .impl(
                a -> {
                  for (Value e : a.get(0).elements()) {
                    if (!e.isNull() && e.asBoolean()) {
                      return Value.TRUE;
                    }
                  }
                  return Value.FALSE;
                }));
    return fs;
  }

  static boolean isSequence(Type t) {
    return t instanceof ListType || t instanceof SetType || t instanceof TupleType;
  }

  private static Value length(List<Value> a) throws FunctionException {
    Value v = a.get(0);
    if (!v.isKnown()) {
      if (v.type() == Type.DYNAMIC
          || v.type() == Type.STRING
          || v.type().isCollection()
          || v.type().isStructural()) {
        return Value.unknown(Type.NUMBER);
      }
      throw FunctionException.call(
          "argument must be a string, a collection type, or a structural type");
    }
    if (v instanceof StringValue) {
      if (!v.isWhollyKnown()) {
        return Value.unknown(Type.NUMBER);
      }
      return Value.number(BigFloat.of(Args.graphemes(v.asString()).size()));
    }
    if (v instanceof MapValue) {
      return Value.number(BigFloat.of(((MapValue) v).entries().size()));
    }
    if (v instanceof ObjectValue) {
      return Value.number(BigFloat.of(((ObjectValue) v).attributes().size()));
    }
    if (isSequence(v.type())) {
      if (v instanceof SetValue && !v.isWhollyKnown()) {
        return Value.unknown(Type.NUMBER);
      }
      return Value.number(BigFloat.of(v.elements().size()));
    }
    throw FunctionException.call(
        "argument must be a string, a collection type, or a structural type");
  }

  private static Type elementType(List<Value> a) throws FunctionException {
    Type t = a.get(0).type();
    if (t instanceof ListType) {
      return ((ListType) t).element();
    }
    if (t instanceof TupleType) {
      List<Type> ts = ((TupleType) t).elements();
      Value idx = a.get(1);
      if (!idx.isKnown() || idx.isNull() || ts.isEmpty()) {
        return Type.DYNAMIC;
      }
      Optional<java.math.BigInteger> i = idx.asNumber().toBigInteger();
      if (i.isEmpty() || i.get().signum() < 0) {
        return Type.DYNAMIC;
      }
      return ts.get(i.get().mod(java.math.BigInteger.valueOf(ts.size())).intValue());
    }
    if (t == Type.DYNAMIC) {
      return Type.DYNAMIC;
    }
    throw FunctionException.call("cannot read elements from " + t.friendlyName());
  }

  private static Value element(List<Value> a) throws FunctionException {
    Value list = a.get(0);
    elementType(a);
    if (list instanceof SetValue) {
      throw FunctionException.call(
          "cannot read elements from set of " + ((SetValue) list).elementType().friendlyName());
    }
    List<Value> elems = list.elements();
    long i = Args.toLongInCall(a.get(1), "invalid index: ");
    if (elems.isEmpty()) {
      throw FunctionException.call("cannot use element function with an empty list");
    }
    if (i < 0) {
      throw FunctionException.call("cannot use element function with a negative index");
    }
    return elems.get((int) (i % elems.size()));
  }

  private static Value index(List<Value> a) throws FunctionException {
    Value list = a.get(0);
    if (!(list instanceof ListValue || list instanceof TupleValue)) {
      throw FunctionException.arg(0, "argument must be a list or tuple");
    }
    List<Value> elems = list.elements();
    for (int i = 0; i < elems.size(); i++) {
      if (equal(elems.get(i), a.get(1))) {
        return Value.number(i);
      }
    }
    throw FunctionException.call("item not found");
  }

  private static boolean equal(Value x, Value y) {
    Value r = io.github.packer2aib.core.hcl.value.Operations.equal(x, y);
    return r.isKnown() && r.unmarked().asBoolean();
  }

  private static Value contains(List<Value> a) throws FunctionException {
    Value list = a.get(0);
    if (!isSequence(list.type())) {
      // Not an argument error in cty: Packer 1.6.6 says "Call to function "contains" failed".
      throw FunctionException.call("argument must be list, tuple, or set");
    }
    for (Value e : list.elements()) {
      if (equal(e, a.get(1))) {
        return Value.TRUE;
      }
    }
    return Value.FALSE;
  }

  private static Type keysType(List<Value> a) throws FunctionException {
    Type t = a.get(0).type();
    if (t instanceof MapType) {
      return Type.list(Type.STRING);
    }
    if (t instanceof ObjectType) {
      List<Type> ts = Collections.nCopies(((ObjectType) t).attributes().size(), Type.STRING);
      return Type.tuple(ts);
    }
    if (t == Type.DYNAMIC) {
      return Type.DYNAMIC;
    }
    throw FunctionException.arg(0, "must have map or object type");
  }

  private static Value keys(List<Value> a) throws FunctionException {
    keysType(a);
    Value m = a.get(0);
    if (m instanceof MapValue) {
      return Value.list(
          Type.STRING, Args.strings(new ArrayList<>(((MapValue) m).entries().keySet())));
    }
    return Value.tuple(Args.strings(new ArrayList<>(((ObjectValue) m).attributes().keySet())));
  }

  private static Type valuesType(List<Value> a) throws FunctionException {
    Type t = a.get(0).type();
    if (t instanceof MapType) {
      return Type.list(((MapType) t).element());
    }
    if (t instanceof ObjectType) {
      return Type.tuple(new ArrayList<>(((ObjectType) t).attributes().values()));
    }
    if (t == Type.DYNAMIC) {
      return Type.DYNAMIC;
    }
    throw FunctionException.call("values() requires a map as the first argument");
  }

  private static Value values(List<Value> a) throws FunctionException {
    valuesType(a);
    Value m = a.get(0);
    if (m instanceof MapValue) {
      MapValue mv = (MapValue) m;
      return Value.list(mv.elementType(), new ArrayList<>(mv.entries().values()));
    }
    return Value.tuple(new ArrayList<>(((ObjectValue) m).attributes().values()));
  }

  private static Value lookup(List<Value> a) throws FunctionException {
    Value m = a.get(0);
    String key = a.get(1).asString();
    Value dflt = a.get(2);
    if (m instanceof ObjectValue) {
      Value v = ((ObjectValue) m).attributes().get(key);
      return v != null ? v : dflt;
    }
    if (m instanceof MapValue) {
      MapValue mv = (MapValue) m;
      // cty's LookupFunc types the result as the map's element type: the default must convert to
      // it (checked even when the key is present) and is returned converted, so a map(string)
      // with default 30 gives "30", and a map(number) with default "none" is refused.
      Convert.Result r = Convert.to(dflt, mv.elementType());
      if (!r.isOk()) {
        throw FunctionException.arg(
            2, "the default value must have the same type as the map elements");
      }
      Value v = mv.entries().get(key);
      return v != null ? v : r.value();
    }
    throw FunctionException.arg(0, "lookup() requires a map as the first argument");
  }

  private static Value merge(List<Value> a) throws FunctionException {
    // cty's MergeFunc keeps a map only when every argument has exactly the same type; any other
    // mix (maps of different element types, or an object among them) gives an object whose
    // attributes keep their own types: merge(map(number), map(string)) keeps 30 a number.
    Type first = null;
    boolean sameType = true;
    for (Value v : a) {
      if (v.isNull()) {
        continue;
      }
      if (!(v instanceof MapValue) && !(v instanceof ObjectValue)) {
        throw FunctionException.call(
            "arguments must be maps or objects, got " + Strings.quote(v.type().friendlyName()));
      }
      if (first == null) {
        first = v.type();
      } else if (!first.equals(v.type())) {
        sameType = false;
      }
    }
    Map<String, Value> out = new TreeMap<>(Strings.CODE_POINT_ORDER);
    for (Value v : a) {
      if (v.isNull()) {
        continue;
      }
      out.putAll(v instanceof MapValue ? ((MapValue) v).entries() : ((ObjectValue) v).attributes());
    }
    if (sameType && first instanceof MapType) {
      return Value.map(((MapType) first).element(), out);
    }
    return Value.object(out);
  }

  private static Value concat(List<Value> a) throws FunctionException {
    if (a.isEmpty()) {
      throw FunctionException.call("at least one argument is required");
    }
    boolean allLists = true;
    List<Type> elemTypes = new ArrayList<>();
    List<Value> all = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Value v = a.get(i);
      if (v instanceof ListValue) {
        elemTypes.add(((ListValue) v).elementType());
      } else if (v instanceof TupleValue) {
        allLists = false;
      } else {
        throw FunctionException.arg(
            i, "all arguments must be lists or tuples; got " + v.type().friendlyName());
      }
      all.addAll(v.elements());
    }
    Type u = allLists ? Unify.unify(elemTypes, true).orElse(null) : null;
    if (u != null) {
      List<Value> converted = new ArrayList<>();
      for (Value e : all) {
        converted.add(Convert.to(e, u).value());
      }
      return Value.list(u, converted);
    }
    // Lists whose element types do not unify, or any tuple: a tuple of all the elements, as cty.
    return Value.tuple(all);
  }

  private static Value flatten(List<Value> a) throws FunctionException {
    Value v = a.get(0);
    if (!isSequence(v.type())) {
      // A failed call in cty, not an argument error (so Packer 1.6.6 words it).
      throw FunctionException.call("can only flatten lists, sets and tuples");
    }
    List<Value> out = new ArrayList<>();
    flattenInto(v, out, 0);
    return Value.tuple(out);
  }

  private static void flattenInto(Value v, List<Value> out, int depth) throws FunctionException {
    if (depth > Json.MAX_DEPTH) {
      throw FunctionException.arg(0, "the list is nested too deeply");
    }
    for (Value e : v.elements()) {
      if (!e.isNull() && isSequence(e.type())) {
        flattenInto(e, out, depth + 1);
      } else {
        out.add(e);
      }
    }
  }

  private static Value chunklist(List<Value> a) throws FunctionException {
    ListValue l = (ListValue) a.get(0);
    // "invalid index" is what Packer 1.6.6 says of a fractional size too.
    int size = Args.toIntInCall(a.get(1), "invalid index: ");
    if (size < 0) {
      throw FunctionException.call("the size argument must be positive");
    }
    List<Value> chunks = new ArrayList<>();
    List<Value> elems = l.elements();
    if (size == 0) {
      chunks.add(l);
      return Value.list(l.type(), chunks);
    }
    for (int i = 0; i < elems.size(); i += size) {
      chunks.add(
          new ListValue(l.elementType(), elems.subList(i, Math.min(elems.size(), i + size))));
    }
    return Value.list(l.type(), chunks);
  }

  private static Value coalesce(List<Value> a) throws FunctionException {
    if (a.isEmpty()) {
      // As cty: no argument types unify to no type (Packer 1.6.6 says so for coalesce()).
      throw FunctionException.call("all arguments must have the same type");
    }
    List<Type> types = new ArrayList<>();
    for (Value v : a) {
      types.add(v.type());
    }
    Type u = Unify.unify(types, true).orElse(null);
    if (u == null) {
      throw FunctionException.call("all arguments must have the same type");
    }
    for (int i = 0; i < a.size(); i++) {
      Value v = a.get(i);
      if (v.isNull()) {
        continue;
      }
      Convert.Result r = Convert.to(v, u);
      if (!r.isOk()) {
        throw FunctionException.arg(i, ((Convert.Failed) r).error().toString());
      }
      Value c = r.value();
      if (c.type() == Type.STRING && c.asString().isEmpty()) {
        continue;
      }
      return c;
    }
    throw FunctionException.call("no non-null, non-empty-string arguments");
  }

  private static Value coalescelist(List<Value> a) throws FunctionException {
    if (a.isEmpty()) {
      throw FunctionException.call("at least one argument is required");
    }
    // Every argument is checked before one is chosen, as Packer 1.6.6 does (its return type
    // needs them all): coalescelist(["a"], 1) fails.
    for (int i = 0; i < a.size(); i++) {
      Value v = a.get(i);
      if (v.isNull() || !(v instanceof ListValue || v instanceof TupleValue)) {
        throw FunctionException.call("coalescelist arguments must be lists or tuples");
      }
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).elements().isEmpty()) {
        return a.get(i);
      }
    }
    throw FunctionException.call("no non-null arguments");
  }

  private static Value range(List<Value> a) throws FunctionException {
    BigFloat start = BigFloat.of(0);
    BigFloat end;
    BigFloat step = BigFloat.of(1);
    switch (a.size()) {
      case 1:
        end = a.get(0).asNumber();
        break;
      case 2:
        start = a.get(0).asNumber();
        end = a.get(1).asNumber();
        break;
      case 3:
        start = a.get(0).asNumber();
        end = a.get(1).asNumber();
        step = a.get(2).asNumber();
        break;
      default:
        throw FunctionException.call("must have one, two, or three arguments");
    }
    if (a.size() < 3 && end.compareTo(start) < 0) {
      step = BigFloat.of(-1);
    }
    boolean down = step.signum() < 0;
    if (down && start.compareTo(end) < 0) {
      throw FunctionException.arg(0, "end must be less than start when step is negative");
    }
    if (!down && start.compareTo(end) > 0) {
      throw FunctionException.arg(0, "end must be greater than start when step is positive");
    }
    List<Value> out = new ArrayList<>();
    BigFloat v = start;
    // A zero step never reaches the end: the limit below stops it, as in Packer.
    while (down ? v.compareTo(end) > 0 : v.compareTo(end) < 0) {
      if (out.size() >= RANGE_LIMIT) {
        throw FunctionException.call(
            "more than "
                + RANGE_LIMIT
                + " values were generated; either decrease the difference"
                + " between start and end or use a smaller step");
      }
      out.add(Value.number(v));
      v = v.add(step);
    }
    return Value.list(Type.NUMBER, out);
  }

  private static Value reverse(List<Value> a) throws FunctionException {
    Value v = a.get(0);
    List<Value> elems;
    if (v instanceof ListValue) {
      elems = new ArrayList<>(v.elements());
      Collections.reverse(elems);
      return new ListValue(((ListValue) v).elementType(), elems);
    }
    if (v instanceof TupleValue) {
      elems = new ArrayList<>(v.elements());
      Collections.reverse(elems);
      return Value.tuple(elems);
    }
    if (v instanceof SetValue set) {
      // Packer 1.6.6 takes a set as the list of its elements, in the set's order.
      elems = new ArrayList<>(v.elements());
      Collections.reverse(elems);
      return new ListValue(set.elementType(), elems);
    }
    throw FunctionException.arg(
        0, "can only reverse list or tuple values, not " + v.type().friendlyName());
  }

  private static Value setOperation(List<Value> a, boolean intersect) throws FunctionException {
    List<Type> types = new ArrayList<>();
    for (Value v : a) {
      Type element = ((SetValue) v).elementType();
      // An empty set of any type ([] given as a set) converts to a set of every type: it must not
      // make the result a set of any, which cannot hold the other sets' typed elements (as cty).
      if (!(element.equals(Type.DYNAMIC) && v.elements().isEmpty())) {
        types.add(element);
      }
    }
    Type u = types.isEmpty() ? Type.DYNAMIC : Unify.unify(types, true).orElse(null);
    if (u == null) {
      throw FunctionException.call("given sets must all have compatible element types");
    }
    List<List<Value>> sets = new ArrayList<>();
    for (Value v : a) {
      List<Value> conv = new ArrayList<>();
      for (Value e : v.elements()) {
        conv.add(Convert.to(e, u).value());
      }
      sets.add(conv);
    }
    LinkedHashSet<Value> result = new LinkedHashSet<>(sets.get(0));
    for (int i = 1; i < sets.size(); i++) {
      if (intersect) {
        result.retainAll(sets.get(i));
      } else {
        result.addAll(sets.get(i));
      }
    }
    return Value.set(u, new ArrayList<>(result));
  }

  private static Value setproduct(List<Value> a) throws FunctionException {
    if (a.size() < 2) {
      throw FunctionException.call("at least two arguments are required");
    }
    boolean anySet = false;
    List<Type> elemTypes = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Value v = a.get(i);
      if (v instanceof SetValue) {
        anySet = true;
        elemTypes.add(((SetValue) v).elementType());
      } else if (v instanceof ListValue) {
        elemTypes.add(((ListValue) v).elementType());
      } else if (v instanceof TupleValue) {
        Type u = Unify.unify(((TupleValue) v).type().elements(), true).orElse(null);
        if (u == null) {
          throw FunctionException.arg(i, "all elements must be of the same type");
        }
        elemTypes.add(u);
      } else {
        throw FunctionException.arg(i, "a set or a list is required");
      }
    }
    long total = 1;
    for (Value v : a) {
      total *= v.elements().size();
      if (total > 100_000) {
        throw FunctionException.call("the product has too many elements");
      }
    }
    List<Value> product = new ArrayList<>();
    productInto(a, elemTypes, 0, new ArrayList<>(), product);
    Type tupleType = Type.tuple(elemTypes);
    return anySet ? Value.set(tupleType, product) : Value.list(tupleType, product);
  }

  private static void productInto(
      List<Value> a, List<Type> types, int i, List<Value> prefix, List<Value> out) {
    if (i == a.size()) {
      out.add(Value.tuple(new ArrayList<>(prefix)));
      return;
    }
    for (Value e : a.get(i).elements()) {
      prefix.add(Convert.to(e, types.get(i)).value());
      productInto(a, types, i + 1, prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }

  private static Value slice(List<Value> a) throws FunctionException {
    Value v = a.get(0);
    if (!(v instanceof ListValue || v instanceof TupleValue)) {
      throw FunctionException.arg(0, "must be a list or tuple value");
    }
    int start = Args.toInt(a.get(1), 1, "invalid start index: ");
    int end = Args.toInt(a.get(2), 2, "invalid end index: ");
    List<Value> elems = v.elements();
    // In Packer 1.6.6's order (each start check, then each end check), which decides the message
    // when several indexes are wrong.
    if (start < 0) {
      throw FunctionException.arg(1, "start index must not be less than zero");
    }
    if (start > elems.size()) {
      throw FunctionException.arg(1, "start index must not be greater than the length of the list");
    }
    if (end < 0) {
      throw FunctionException.arg(2, "end index must not be less than zero");
    }
    if (end > elems.size()) {
      throw FunctionException.arg(2, "end index must not be greater than the length of the list");
    }
    if (start > end) {
      throw FunctionException.arg(1, "start index must not be greater than end index");
    }
    List<Value> part = elems.subList(start, end);
    if (v instanceof ListValue) {
      return new ListValue(((ListValue) v).elementType(), part);
    }
    return Value.tuple(part);
  }

  private static Value sort(List<Value> a) throws FunctionException {
    List<Value> elems = a.get(0).elements();
    List<String> ss = new ArrayList<>();
    for (int i = 0; i < elems.size(); i++) {
      if (elems.get(i).isNull()) {
        throw FunctionException.call(
            "given list element " + i + " is null; a null string cannot be sorted");
      }
      ss.add(elems.get(i).asString());
    }
    ss.sort(Strings.CODE_POINT_ORDER);
    return Value.list(Type.STRING, Args.strings(ss));
  }

  private static Value sum(List<Value> a) throws FunctionException {
    Value v = a.get(0);
    if (!isSequence(v.type())) {
      throw FunctionException.arg(0, "cannot sum noniterable");
    }
    List<Value> elems = v.elements();
    if (elems.isEmpty()) {
      throw FunctionException.arg(0, "cannot sum an empty list");
    }
    BigFloat total = null;
    for (Value e : elems) {
      if (e.isNull()) {
        throw FunctionException.arg(0, "argument must be list, set, or tuple of number values");
      }
      Convert.Result r = Convert.to(e, Type.NUMBER);
      if (!r.isOk()) {
        throw FunctionException.arg(0, "argument must be list, set, or tuple of number values");
      }
      BigFloat n = r.value().asNumber();
      try {
        total = total == null ? n : total.add(n);
      } catch (ArithmeticException ex) {
        throw FunctionException.call("can't compute sum of opposing infinities");
      }
    }
    return Value.number(total);
  }

  private static Value zipmap(List<Value> a) throws FunctionException {
    List<Value> keys = a.get(0).elements();
    Value vals = a.get(1);
    if (!(vals instanceof ListValue || vals instanceof TupleValue)) {
      throw FunctionException.call("values argument must be a list or tuple value");
    }
    List<Value> vs = vals.elements();
    if (keys.size() != vs.size()) {
      throw FunctionException.call(
          "number of keys ("
              + keys.size()
              + ") does not match number of values ("
              + vs.size()
              + ")");
    }
    Map<String, Value> out = new TreeMap<>(Strings.CODE_POINT_ORDER);
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).isNull()) {
        throw FunctionException.arg(0, "keys list has null value at index " + i);
      }
      out.put(keys.get(i).asString(), vs.get(i));
    }
    if (vals instanceof ListValue) {
      return Value.map(((ListValue) vals).elementType(), out);
    }
    return Value.object(out);
  }
}
