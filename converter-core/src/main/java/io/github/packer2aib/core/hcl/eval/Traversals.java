package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.DynamicType;
import io.github.packer2aib.core.hcl.value.ListType;
import io.github.packer2aib.core.hcl.value.MapType;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.ObjectType;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.SetType;
import io.github.packer2aib.core.hcl.value.TupleType;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.source.Range;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Attribute access and indexing as HCL's {@code GetAttr} and {@code Index} do them, for traversal
 * steps and index expressions alike. Marks of the value (and of the key) go to the result.
 */
final class Traversals {
  private Traversals() {}

  private static final String NOT_AN_ELEMENT =
      "The given key does not identify an element in this collection value";

  /**
   * {@code obj.name}; a diagnostic goes to {@code diags} and the result is then an unknown that
   * carries every mark found in {@code obj} (it might have been any part of it).
   */
  static Value getAttr(Value obj, String name, Range subject, List<Diagnostic> diags) {
    if (obj instanceof ObjectValue known) {
      // The commonest case (var.x, local.y) has no marks to carry over: no Unmarked pair for C1
      // to allocate.
      Value attribute = known.attributes().get(name);
      if (attribute != null) {
        return attribute;
      }
    }
    Value.Unmarked um = obj.unmark();
    Value v = um.value();
    if (v instanceof ObjectValue known) {
      // The common case, looked up directly: computing the type of a large object (var, local)
      // for every reference was a large part of evaluating a template.
      Value attribute = known.attributes().get(name);
      if (attribute != null) {
        return um.remark(attribute);
      }
      diags.add(
          Diagnostic.of(
              EvalCode.UNSUPPORTED_ATTRIBUTE,
              subject,
              "This object does not have an attribute named \""
                  + name
                  + "\"."
                  + Names.didYouMean(name, known.attributes().keySet())));
      return failed(obj);
    }
    if (v.isNull()) {
      diags.add(
          Diagnostic.of(
              EvalCode.NULL_ATTRIBUTE_ACCESS,
              subject,
              "This value is null, so it does not have any attributes."));
      return failed(obj);
    }
    Type t = v.type();
    if (t instanceof ObjectType object) {
      if (!object.attributes().containsKey(name)) {
        diags.add(
            Diagnostic.of(
                EvalCode.UNSUPPORTED_ATTRIBUTE,
                subject,
                "This object does not have an attribute named \""
                    + name
                    + "\"."
                    + Names.didYouMean(name, object.attributes().keySet())));
        return failed(obj);
      }
      if (!v.isKnown()) {
        return um.remark(Value.unknown(object.attributes().get(name)));
      }
      return um.remark(((ObjectValue) v).attributes().get(name));
    }
    if (t instanceof MapType map) {
      if (!v.isKnown()) {
        return um.remark(Value.unknown(map.element()));
      }
      Value element = ((MapValue) v).entries().get(name);
      if (element == null) {
        diags.add(
            Diagnostic.of(
                EvalCode.MISSING_MAP_ELEMENT,
                subject,
                "This map does not have an element with the key \"" + name + "\"."));
        return Value.unknown(map.element()).withMarks(obj.deepMarks());
      }
      return um.remark(element);
    }
    if (t == Type.DYNAMIC) {
      return um.remark(Value.unknown(Type.DYNAMIC));
    }
    diags.add(
        Diagnostic.of(
            EvalCode.UNSUPPORTED_ATTRIBUTE, subject, "This value does not have any attributes."));
    return failed(obj);
  }

  /** The result of a failed access: unknown, with every mark found anywhere in the object. */
  private static Value failed(Value obj) {
    return Value.unknown(Type.DYNAMIC).withMarks(obj.deepMarks());
  }

  /** {@code collection[key]}. */
  static Value index(Value collection, Value key, Range subject, List<Diagnostic> diags) {
    Set<Mark> marks = EnumSet.noneOf(Mark.class);
    marks.addAll(collection.marks());
    key.addDeepMarksTo(marks);
    Value c = collection.unmarked();
    Value k = io.github.packer2aib.core.hcl.value.Values.stripMarks(key);
    int before = diags.size();
    Value result = indexUnmarked(c, k, subject, diags);
    if (diags.size() > before) {
      // It might have been any element: the unknown carries every mark found in the collection.
      collection.addDeepMarksTo(marks);
    }
    return result.withMarks(marks);
  }

  private static Value indexUnmarked(Value c, Value k, Range subject, List<Diagnostic> diags) {
    if (c.isNull()) {
      diags.add(
          Diagnostic.of(
              EvalCode.NULL_INDEX_ACCESS,
              subject,
              "This value is null, so it does not have any indices."));
      return Value.unknown(Type.DYNAMIC);
    }
    if (k.isNull()) {
      diags.add(
          Diagnostic.of(
              EvalCode.INVALID_INDEX, subject, "Can't use a null value as an indexing key."));
      return Value.unknown(Type.DYNAMIC);
    }
    Type t = c.type();
    if (k.type() == Type.DYNAMIC || t == Type.DYNAMIC) {
      return Value.unknown(Type.DYNAMIC);
    }
    if (t instanceof ListType || t instanceof TupleType || t instanceof MapType) {
      Type want = t instanceof MapType ? Type.STRING : Type.NUMBER;
      Convert.Result converted = Convert.to(k, want);
      if (!converted.isOk()) {
        diags.add(
            Diagnostic.of(
                EvalCode.INVALID_INDEX,
                subject,
                NOT_AN_ELEMENT + ": " + ((Convert.Failed) converted).error() + "."));
        return Value.unknown(Type.DYNAMIC);
      }
      Value key = converted.value();
      Type unknownType = t instanceof TupleType ? Type.DYNAMIC : elementType(t);
      if (!c.isKnown() || !key.isKnown()) {
        return Value.unknown(unknownType);
      }
      if (t instanceof MapType) {
        Value element = ((MapValue) c).entries().get(key.asString());
        if (element == null) {
          diags.add(Diagnostic.of(EvalCode.INVALID_INDEX, subject, NOT_AN_ELEMENT + "."));
          return Value.unknown(unknownType);
        }
        return element;
      }
      List<Value> elements = c.elements();
      Optional<BigInteger> whole =
          key.asNumber().isInfinite() ? Optional.empty() : key.asNumber().toBigInteger();
      if (whole.isEmpty()) {
        String detail =
            key.asNumber().isInfinite()
                ? NOT_AN_ELEMENT + "."
                : NOT_AN_ELEMENT
                    + ": indexing a sequence requires a whole number, but the given index ("
                    + key.asNumber()
                    + ") has a fractional part.";
        diags.add(Diagnostic.of(EvalCode.INVALID_INDEX, subject, detail));
        return Value.unknown(unknownType);
      }
      BigInteger i = whole.get();
      if (i.signum() < 0 || i.compareTo(BigInteger.valueOf(elements.size())) >= 0) {
        diags.add(Diagnostic.of(EvalCode.INVALID_INDEX, subject, NOT_AN_ELEMENT + "."));
        return Value.unknown(unknownType);
      }
      return elements.get(i.intValueExact());
    }
    if (t instanceof ObjectType object) {
      boolean wasNumber = k.type() == Type.NUMBER;
      Convert.Result converted = Convert.to(k, Type.STRING);
      if (!converted.isOk()) {
        diags.add(
            Diagnostic.of(
                EvalCode.INVALID_INDEX,
                subject,
                NOT_AN_ELEMENT + ": " + ((Convert.Failed) converted).error() + "."));
        return Value.unknown(Type.DYNAMIC);
      }
      Value key = converted.value();
      if (!c.isKnown() || !key.isKnown()) {
        return Value.unknown(Type.DYNAMIC);
      }
      String name = key.asString();
      if (!object.attributes().containsKey(name)) {
        diags.add(
            Diagnostic.of(
                EvalCode.INVALID_INDEX,
                subject,
                NOT_AN_ELEMENT
                    + "."
                    + (wasNumber
                        ? " An object only supports looking up attributes by name, not by"
                            + " numeric index."
                        : "")));
        return Value.unknown(Type.DYNAMIC);
      }
      return ((ObjectValue) c).attributes().get(name);
    }
    if (t instanceof SetType) {
      diags.add(
          Diagnostic.of(
              EvalCode.INVALID_INDEX,
              subject,
              "Elements of a set are identified only by their value and don't have any separate"
                  + " index or key to select with, so it's only possible to perform operations"
                  + " across all elements of the set."));
      return Value.unknown(Type.DYNAMIC);
    }
    diags.add(
        Diagnostic.of(EvalCode.INVALID_INDEX, subject, "This value does not have any indices."));
    return Value.unknown(Type.DYNAMIC);
  }

  static Type elementType(Type t) {
    if (t instanceof ListType l) {
      return l.element();
    }
    if (t instanceof MapType m) {
      return m.element();
    }
    if (t instanceof SetType s) {
      return s.element();
    }
    return DynamicType.DYNAMIC;
  }
}
