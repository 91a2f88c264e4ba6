package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.hcl.syntax.SplatExpr;
import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.ListType;
import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.SetType;
import io.github.packer2aib.core.hcl.value.TupleType;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Unify;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splat expressions ({@code list[*].a}, {@code list.*.a}) as HCL evaluates them: the per-element
 * expression is applied to each element of a list, set or tuple; a null that is not a sequence
 * gives an empty tuple and any other value a one-element tuple; a null sequence is an error. Lists
 * and sets give lists, tuples give tuples; the result type of an empty or unknown list is found by
 * applying the expression to an unknown element.
 */
final class Splats {
  private final Evaluation ev;

  Splats(Evaluation ev) {
    this.ev = ev;
  }

  Value splat(SplatExpr s, EvalContext ctx) {
    int start = ev.diagnostics.size();
    Value source = ev.eval(s.source(), ctx);
    if (ev.errorsSince(start)) {
      return Evaluation.unknown(Type.DYNAMIC, source);
    }
    Type sourceType = source.type();
    boolean sequence =
        sourceType instanceof TupleType
            || sourceType instanceof ListType
            || sourceType instanceof SetType;
    if (source.isNull()) {
      if (!sequence) {
        return Value.tuple().withMarks(source.marks());
      }
      ev.error(
          EvalCode.NULL_SPLAT,
          s.source().range(),
          "Splat expressions (with the * symbol) cannot be applied to null sequences.");
      return Evaluation.unknown(Type.DYNAMIC, source);
    }
    if (sourceType == Type.DYNAMIC) {
      // It may be a list or a single value: nothing is known of the result.
      return Evaluation.unknown(Type.DYNAMIC, source);
    }
    if (!sequence) {
      source = Value.tuple(source);
      sourceType = source.type();
    }
    if (!source.isKnown()) {
      return Value.unknown(resultType(s, sourceType, ctx, ev)).withMarks(source.marks());
    }
    Value.Unmarked um = source.unmark();
    List<Value> values = new ArrayList<>();
    boolean known = true;
    for (Value item : um.value().elements()) {
      int mark = ev.diagnostics.size();
      values.add(ev.eval(s.each(), ctx.withSplatItem(item)));
      if (ev.errorsSince(mark)) {
        known = false;
      }
    }
    if (!known) {
      Type t = resultType(s, sourceType, ctx, new Evaluation());
      return Value.unknown(t)
          .withMarks(Evaluation.marksOf(values.toArray(new Value[0])))
          .withMarks(um.marks());
    }
    if (sourceType instanceof TupleType) {
      return Value.tuple(values).withMarks(um.marks());
    }
    if (values.isEmpty()) {
      Type t = resultType(s, sourceType, ctx, ev);
      return new ListValue(Traversals.elementType(t), List.of()).withMarks(um.marks());
    }
    return list(values).withMarks(um.marks());
  }

  /** The elements as a list; a tuple when they have no common type (cannot happen in HCL). */
  private static Value list(List<Value> values) {
    List<Type> types = new ArrayList<>();
    for (Value v : values) {
      types.add(v.type());
    }
    Optional<Type> common = Unify.unify(types, true);
    if (common.isPresent()) {
      List<Value> converted = new ArrayList<>();
      for (Value v : values) {
        Convert.Result r = Convert.to(v, common.get());
        if (!r.isOk()) {
          return Value.tuple(values);
        }
        converted.add(r.value());
      }
      return new ListValue(common.get(), converted);
    }
    return Value.tuple(values);
  }

  /** The type a splat would produce, found by applying it to unknown elements. */
  private Type resultType(SplatExpr s, Type sourceType, EvalContext ctx, Evaluation sink) {
    if (sourceType instanceof TupleType tuple) {
      List<Type> types = new ArrayList<>();
      for (Type t : tuple.elements()) {
        types.add(sink.eval(s.each(), ctx.withSplatItem(Value.unknown(t))).type());
      }
      return Type.tuple(types);
    }
    Type element = Traversals.elementType(sourceType);
    return Type.list(sink.eval(s.each(), ctx.withSplatItem(Value.unknown(element))).type());
  }
}
