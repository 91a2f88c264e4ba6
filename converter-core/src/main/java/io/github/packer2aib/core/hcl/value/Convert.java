package io.github.packer2aib.core.hcl.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Type conversion with cty's rules. {@link #to} is the conversion HCL applies to function arguments
 * and variable values ("unsafe" in cty's words: it may fail depending on the value); {@link
 * #toSafe} allows only conversions that cannot fail.
 *
 * <p>Safe: number and bool to string; list/set to list; set to set; map to map; tuple to list or
 * set; object to map; tuple to tuple and object to object of the same shape; anything to {@code
 * any}. Unsafe adds: string to number ({@code "1.5"}) and to bool ({@code "true"}, {@code
 * "false"}), list to set (drops duplicates), map to object (keys become attributes; a missing
 * optional attribute becomes null), object to object with fewer attributes (extra ones are
 * dropped), and anything from a value of type {@code any}.
 *
 * <p>Nulls convert to the null of the target type; unknowns to the unknown of the target type;
 * marks are kept (on the result and on every element).
 */
public final class Convert {
  private Convert() {}

  /** The outcome of a conversion. */
  public sealed interface Result permits Converted, Failed {
    boolean isOk();

    /** The converted value; throws when the conversion failed (a bug in the caller). */
    Value value();
  }

  public record Converted(Value value) implements Result {
    @Override
    public boolean isOk() {
      return true;
    }
  }

  public record Failed(ConversionError error) implements Result {
    @Override
    public boolean isOk() {
      return false;
    }

    @Override
    public Value value() {
      throw new IllegalStateException("conversion failed: " + error);
    }
  }

  /** HCL's conversion (cty's {@code Convert}: safe and unsafe conversions allowed). */
  public static Result to(Value value, Type want) {
    return convertAt(value, want, true, ValuePath.ROOT);
  }

  /** Only the conversions that cannot fail. */
  public static Result toSafe(Value value, Type want) {
    return convertAt(value, want, false, ValuePath.ROOT);
  }

  /** Converts, reporting errors relative to {@code path}. */
  public static Result convertAt(Value value, Type want, boolean unsafe, ValuePath path) {
    try {
      return new Converted(convert(value, want, unsafe, path));
    } catch (Failure f) {
      return new Failed(f.error);
    }
  }

  /** Whether values of type {@code from} may convert to {@code to} (by type alone). */
  public static boolean convertible(Type from, Type to, boolean unsafe) {
    if (to == Type.DYNAMIC || from.equals(to)) {
      return true;
    }
    if (from == Type.DYNAMIC) {
      return unsafe;
    }
    if (from instanceof PrimitiveType && to instanceof PrimitiveType) {
      if (to == Type.STRING) {
        return true;
      }
      return unsafe && from == Type.STRING;
    }
    if (from instanceof ObjectType && to instanceof ObjectType) {
      ObjectType in = (ObjectType) from;
      ObjectType out = (ObjectType) to;
      for (Map.Entry<String, Type> e : out.attributes().entrySet()) {
        Type inAttr = in.attributes().get(e.getKey());
        if (inAttr == null) {
          if (!out.isOptional(e.getKey())) {
            return false;
          }
        } else if (!convertible(inAttr, e.getValue(), unsafe)) {
          return false;
        }
      }
      return unsafe || out.attributes().keySet().containsAll(in.attributes().keySet());
    }
    if (from instanceof TupleType && to instanceof TupleType) {
      List<Type> in = ((TupleType) from).elements();
      List<Type> out = ((TupleType) to).elements();
      if (in.size() != out.size()) {
        return false;
      }
      for (int i = 0; i < in.size(); i++) {
        if (!convertible(in.get(i), out.get(i), unsafe)) {
          return false;
        }
      }
      return true;
    }
    if (to instanceof ListType && (from instanceof ListType || from instanceof SetType)) {
      return convertible(elementOf(from), ((ListType) to).element(), unsafe);
    }
    if (to instanceof SetType && (from instanceof ListType || from instanceof SetType)) {
      if (from instanceof ListType && !unsafe) {
        return false;
      }
      return convertible(elementOf(from), ((SetType) to).element(), unsafe);
    }
    if (to instanceof MapType && from instanceof MapType) {
      return convertible(elementOf(from), ((MapType) to).element(), unsafe);
    }
    if ((to instanceof ListType || to instanceof SetType) && from instanceof TupleType) {
      return structuralElementsConvert(((TupleType) from).elements(), elementOf(to), unsafe);
    }
    if (to instanceof MapType && from instanceof ObjectType) {
      return structuralElementsConvert(
          new ArrayList<>(((ObjectType) from).attributes().values()), elementOf(to), unsafe);
    }
    if (to instanceof ObjectType && from instanceof MapType) {
      if (!unsafe) {
        return false;
      }
      Type e = elementOf(from);
      for (Type attr : ((ObjectType) to).attributes().values()) {
        if (!convertible(e, attr, unsafe)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean structuralElementsConvert(List<Type> in, Type out, boolean unsafe) {
    if (in.isEmpty()) {
      return true;
    }
    if (out == Type.DYNAMIC) {
      return Unify.unifyOrNull(in, unsafe) != null;
    }
    for (Type t : in) {
      if (!convertible(t, out, unsafe)) {
        return false;
      }
    }
    return true;
  }

  static Type elementOf(Type t) {
    if (t instanceof ListType) {
      return ((ListType) t).element();
    }
    if (t instanceof SetType) {
      return ((SetType) t).element();
    }
    if (t instanceof MapType) {
      return ((MapType) t).element();
    }
    throw new IllegalArgumentException("not a collection type: " + t);
  }

  // ------------------------------------------------------------------ values

  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ConversionError error;

    Failure(ValuePath path, String message) {
      super(message, null, false, false);
      this.error = new ConversionError(path, message);
    }
  }

  private static Value convert(Value value, Type want, boolean unsafe, ValuePath path) {
    if (!(value instanceof MarkedValue)) {
      // No marks of its own to split off and put back: C1 would allocate the Unmarked pair.
      return convertUnmarked(value, want, unsafe, path);
    }
    Value.Unmarked um = value.unmark();
    return um.remark(convertUnmarked(um.value(), want, unsafe, path));
  }

  private static Value convertUnmarked(Value v, Type want, boolean unsafe, ValuePath path) {
    if (want == Type.DYNAMIC) {
      return v;
    }
    Value plain = plainCollection(v, want);
    if (plain != null) {
      return plain;
    }
    Type in = v.type();
    if (in.equals(want)) {
      return v;
    }
    if (!convertible(in, want, unsafe)) {
      throw new Failure(path, mismatchMessage(in, want));
    }
    Type plainWant = want.withoutOptionalAttributesDeep();
    if (v instanceof UnknownValue) {
      return Value.unknown(dynamicReplace(in, plainWant, unsafe));
    }
    if (v instanceof NullValue) {
      return Value.nullOf(dynamicReplace(in, plainWant, unsafe));
    }
    if (want instanceof PrimitiveType) {
      return primitive(v, (PrimitiveType) want, path);
    }
    if (want instanceof ObjectType) {
      if (v instanceof ObjectValue) {
        return objectToObject((ObjectValue) v, (ObjectType) want, unsafe, path);
      }
      return mapToObject((MapValue) v, (ObjectType) want, unsafe, path);
    }
    if (want instanceof TupleType) {
      List<Value> in2 = ((TupleValue) v).elements();
      List<Type> types = ((TupleType) want).elements();
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < in2.size(); i++) {
        out.add(convert(in2.get(i), types.get(i), unsafe, path.index(i)));
      }
      return new TupleValue(out);
    }
    if (want instanceof ListType || want instanceof SetType) {
      return sequence(v, want, unsafe, path);
    }
    if (want instanceof MapType) {
      return toMap(v, ((MapType) want).element(), unsafe, path);
    }
    throw new Failure(path, mismatchMessage(in, want));
  }

  /**
   * A tuple (or object) whose elements are all unmarked known values of the primitive element type
   * of a list or set (or map) type, as that collection; else null. The commonest conversion (a
   * {@code list(string)} or {@code map(string)} default, a function's list argument) gives the same
   * value through {@link #sequence} and {@link #toMap}, after working out and comparing the value's
   * structural type and converting each element to itself.
   */
  private static Value plainCollection(Value v, Type want) {
    if (want instanceof MapType map) {
      if (!(v instanceof ObjectValue object) || !(map.element() instanceof PrimitiveType)) {
        return null;
      }
      for (Value e : object.attributes().values()) {
        if (!isPlain(e, map.element())) {
          return null;
        }
      }
      return new MapValue(map.element(), object.attributes());
    }
    boolean toSet = want instanceof SetType;
    if (!(toSet || want instanceof ListType) || !(v instanceof TupleValue tuple)) {
      return null;
    }
    Type element = elementOf(want);
    if (!(element instanceof PrimitiveType)) {
      return null;
    }
    List<Value> elements = tuple.elements();
    for (int i = 0, n = elements.size(); i < n; i++) {
      if (!isPlain(elements.get(i), element)) {
        return null;
      }
    }
    return toSet ? new SetValue(element, elements) : new ListValue(element, elements);
  }

  /** Whether {@code e} is an unmarked known value of the primitive type {@code type}. */
  private static boolean isPlain(Value e, Type type) {
    if (type == Type.STRING) {
      return e instanceof StringValue;
    }
    if (type == Type.NUMBER) {
      return e instanceof NumberValue;
    }
    return type == Type.BOOL && e instanceof BoolValue;
  }

  private static Value primitive(Value v, PrimitiveType want, ValuePath path) {
    if (want == Type.STRING) {
      if (v instanceof NumberValue n) {
        return Value.string(n.asText());
      }
      return Value.string(v.asBoolean() ? "true" : "false");
    }
    String s = v.asString();
    if (want == Type.NUMBER) {
      Optional<BigFloat> n = BigFloat.parse(s);
      if (n.isEmpty()) {
        throw new Failure(path, "a number is required");
      }
      return Value.number(n.get());
    }
    switch (s) {
      case "true":
      case "1":
        return Value.TRUE;
      case "false":
      case "0":
        return Value.FALSE;
      default:
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
          throw new Failure(
              path, "a bool is required; to convert from string, use lowercase \"" + lower + "\"");
        }
        throw new Failure(path, "a bool is required");
    }
  }

  private static Value objectToObject(
      ObjectValue v, ObjectType want, boolean unsafe, ValuePath path) {
    Map<String, Value> out = new TreeMap<>(Strings.CODE_POINT_ORDER);
    for (Map.Entry<String, Type> e : want.attributes().entrySet()) {
      String name = e.getKey();
      Value attr = v.attributes().get(name);
      if (attr == null) {
        out.put(name, Value.nullOf(e.getValue().withoutOptionalAttributesDeep()));
      } else {
        out.put(name, convert(attr, e.getValue(), unsafe, path.attribute(name)));
      }
    }
    return new ObjectValue(out);
  }

  private static Value mapToObject(MapValue v, ObjectType want, boolean unsafe, ValuePath path) {
    Map<String, Value> out = new TreeMap<>(Strings.CODE_POINT_ORDER);
    for (Map.Entry<String, Type> e : want.attributes().entrySet()) {
      String name = e.getKey();
      Value elem = v.entries().get(name);
      if (elem == null) {
        if (!want.isOptional(name)) {
          throw new Failure(
              path, "map has no element for required attribute " + Strings.quote(name));
        }
        out.put(name, Value.nullOf(e.getValue().withoutOptionalAttributesDeep()));
      } else {
        out.put(name, convert(elem, e.getValue(), unsafe, path.key(name)));
      }
    }
    return new ObjectValue(out);
  }

  private static Value sequence(Value v, Type want, boolean unsafe, ValuePath path) {
    boolean toSet = want instanceof SetType;
    Type wantElem = elementOf(want);
    List<Value> in = v.elements();
    Type elemType;
    if (v instanceof TupleValue) {
      if (in.isEmpty()) {
        return toSet ? new SetValue(wantElem, List.of()) : new ListValue(wantElem, List.of());
      }
      elemType =
          wantElem == Type.DYNAMIC
              ? Unify.unifyOrNull(((TupleValue) v).type().elements(), unsafe)
              : wantElem;
      if (elemType == null) {
        throw new Failure(path, mismatchMessage(v.type(), want));
      }
    } else {
      elemType = dynamicReplace(elementOf(v.type()), wantElem, unsafe);
    }
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      out.add(convert(in.get(i), elemType, unsafe, path.index(i)));
    }
    Type actual = commonType(out, elemType, path, toSet ? "set" : "list");
    return toSet ? new SetValue(actual, out) : new ListValue(actual, out);
  }

  private static Value toMap(Value v, Type wantElem, boolean unsafe, ValuePath path) {
    Map<String, Value> in;
    Type elemType;
    if (v instanceof ObjectValue) {
      in = ((ObjectValue) v).attributes();
      if (in.isEmpty()) {
        return new MapValue(wantElem, new TreeMap<String, Value>());
      }
      elemType =
          wantElem == Type.DYNAMIC
              ? Unify.unifyOrNull(
                  new ArrayList<>(((ObjectValue) v).type().attributes().values()), unsafe)
              : wantElem;
      if (elemType == null) {
        throw new Failure(path, mismatchMessage(v.type(), Type.map(wantElem)));
      }
    } else {
      in = ((MapValue) v).entries();
      elemType = dynamicReplace(elementOf(v.type()), wantElem, unsafe);
    }
    Map<String, Value> out = new TreeMap<>(Strings.CODE_POINT_ORDER);
    for (Map.Entry<String, Value> e : in.entrySet()) {
      out.put(e.getKey(), convert(e.getValue(), elemType, unsafe, path.key(e.getKey())));
    }
    Type actual = commonType(new ArrayList<>(out.values()), elemType, path, "map");
    return new MapValue(actual, out);
  }

  /**
   * The element type of converted elements: when the target still had {@code any} inside (say
   * {@code list(any)} of objects), the converted elements must agree on one concrete type.
   */
  private static Type commonType(List<Value> elems, Type elemType, ValuePath path, String kind) {
    if (elems.isEmpty()) {
      return elemType;
    }
    Type first = elems.get(0).type();
    boolean same = true;
    for (Value e : elems) {
      if (!e.type().equals(first)) {
        same = false;
        break;
      }
    }
    if (same) {
      return first;
    }
    List<Type> types = new ArrayList<>();
    for (Value e : elems) {
      types.add(e.type());
    }
    Type u = Unify.unifyOrNull(types, true);
    if (u != null) {
      for (int i = 0; i < elems.size(); i++) {
        elems.set(i, convert(elems.get(i), u, true, path));
      }
      boolean agree = true;
      for (Value e : elems) {
        agree &= e.type().equals(elems.get(0).type());
      }
      if (agree) {
        return elems.get(0).type();
      }
    }
    throw new Failure(path, "all " + kind + " elements must have the same type");
  }

  /** The target type with its {@code any} parts filled from the source type where they match. */
  static Type dynamicReplace(Type in, Type out, boolean unsafe) {
    if (out == Type.DYNAMIC) {
      return in;
    }
    if (!out.hasDynamicTypes()) {
      return out;
    }
    if (out instanceof ListType || out instanceof SetType || out instanceof MapType) {
      Type outElem = elementOf(out);
      Type inElem;
      if (in.isCollection()) {
        inElem = elementOf(in);
      } else if (in instanceof TupleType) {
        Type u = Unify.unifyOrNull(((TupleType) in).elements(), unsafe);
        inElem = u == null ? Type.DYNAMIC : u;
      } else if (in instanceof ObjectType) {
        Type u =
            Unify.unifyOrNull(new ArrayList<>(((ObjectType) in).attributes().values()), unsafe);
        inElem = u == null ? Type.DYNAMIC : u;
      } else {
        return out;
      }
      Type e = dynamicReplace(inElem, outElem, unsafe);
      if (out instanceof ListType) {
        return new ListType(e);
      }
      return out instanceof SetType ? new SetType(e) : new MapType(e);
    }
    if (out instanceof TupleType && in instanceof TupleType) {
      List<Type> o = ((TupleType) out).elements();
      List<Type> i2 = ((TupleType) in).elements();
      if (o.size() != i2.size()) {
        return out;
      }
      List<Type> r = new ArrayList<>();
      for (int k = 0; k < o.size(); k++) {
        r.add(dynamicReplace(i2.get(k), o.get(k), unsafe));
      }
      return new TupleType(r);
    }
    if (out instanceof ObjectType && in instanceof ObjectType) {
      Map<String, Type> r = new TreeMap<>(Strings.CODE_POINT_ORDER);
      Map<String, Type> inAttrs = ((ObjectType) in).attributes();
      ((ObjectType) out)
          .attributes()
          .forEach(
              (k, t) ->
                  r.put(k, inAttrs.containsKey(k) ? dynamicReplace(inAttrs.get(k), t, unsafe) : t));
      return new ObjectType(r, new TreeSet<>());
    }
    return out;
  }

  // ------------------------------------------------------------------ messages

  /** What cty says when no conversion exists from {@code got} to {@code want}. */
  public static String mismatchMessage(Type got, Type want) {
    if (got instanceof ObjectType && want instanceof ObjectType) {
      return objectsMismatch((ObjectType) got, (ObjectType) want);
    }
    if (got instanceof TupleType && want instanceof ListType && elementOf(want) == Type.DYNAMIC) {
      return "all list elements must have the same type";
    }
    if (got instanceof TupleType && want instanceof SetType && elementOf(want) == Type.DYNAMIC) {
      return "all set elements must have the same type";
    }
    if (got instanceof ObjectType && want instanceof MapType && elementOf(want) == Type.DYNAMIC) {
      return "all map elements must have the same type";
    }
    if (got.isStructural() && want.isCollection()) {
      return collectionFromStructural(got, want);
    }
    if (got.isCollection() && want.isCollection()) {
      return collectionFromCollection(got, want);
    }
    return want.friendlyNameForConstraint() + " required";
  }

  private static String objectsMismatch(ObjectType got, ObjectType want) {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Type> e : want.attributes().entrySet()) {
      Type gotAttr = got.attributes().get(e.getKey());
      if (gotAttr == null) {
        if (!want.isOptional(e.getKey())) {
          missing.add(e.getKey());
        }
        continue;
      }
      if (!gotAttr.equals(e.getValue()) && !convertible(gotAttr, e.getValue(), true)) {
        return "attribute "
            + Strings.quote(e.getKey())
            + ": "
            + mismatchMessage(gotAttr, e.getValue());
      }
    }
    if (missing.size() == 1) {
      return "attribute " + Strings.quote(missing.get(0)) + " is required";
    }
    if (missing.size() == 2) {
      return "attributes "
          + Strings.quote(missing.get(0))
          + " and "
          + Strings.quote(missing.get(1))
          + " are required";
    }
    if (missing.size() > 2) {
      StringBuilder sb = new StringBuilder("attributes ");
      for (int i = 0; i < missing.size() - 1; i++) {
        sb.append(Strings.quote(missing.get(i))).append(", ");
      }
      sb.append("and ").append(Strings.quote(missing.get(missing.size() - 1)));
      return sb.append(" are required").toString();
    }
    return "object required";
  }

  private static String collectionFromStructural(Type got, Type want) {
    if (got instanceof ObjectType && !(want instanceof MapType)) {
      return want.friendlyNameForConstraint() + " required";
    }
    if (got instanceof TupleType && want instanceof MapType) {
      return want.friendlyNameForConstraint() + " required";
    }
    Type wantElem = elementOf(want);
    if (got instanceof ObjectType) {
      for (Map.Entry<String, Type> e : ((ObjectType) got).attributes().entrySet()) {
        if (!e.getValue().equals(wantElem) && !convertible(e.getValue(), wantElem, true)) {
          return "element "
              + Strings.quote(e.getKey())
              + ": "
              + mismatchMessage(e.getValue(), wantElem);
        }
      }
    } else {
      List<Type> elems = ((TupleType) got).elements();
      for (int i = 0; i < elems.size(); i++) {
        if (!elems.get(i).equals(wantElem) && !convertible(elems.get(i), wantElem, true)) {
          return "element " + i + ": " + mismatchMessage(elems.get(i), wantElem);
        }
      }
    }
    return want.friendlyNameForConstraint() + " required";
  }

  private static String collectionFromCollection(Type got, Type want) {
    boolean seqGot = got instanceof ListType || got instanceof SetType;
    boolean seqWant = want instanceof ListType || want instanceof SetType;
    if (seqGot != seqWant) {
      return want.friendlyNameForConstraint() + " required";
    }
    String noun = "element type";
    if (got instanceof ListType && want instanceof ListType) {
      noun = "list element type";
    } else if (got instanceof SetType && want instanceof SetType) {
      noun = "set element type";
    } else if (got instanceof MapType && want instanceof MapType) {
      noun = "map element type";
    }
    return "incorrect " + noun + ": " + mismatchMessage(elementOf(got), elementOf(want));
  }
}
