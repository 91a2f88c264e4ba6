package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.ForExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateFor;
import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.hcl.value.WrittenSize;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code for} expressions and {@code %{ for }} template directives, as HCL evaluates them: the
 * collection must be iterable (null and non-iterable values are errors, unknown ones give an
 * unknown), elements are visited in cty's order with the key and value symbols in a child scope,
 * the {@code if} clause must give a bool (it is checked once with unknown symbols first, so a wrong
 * type is reported once), and object keys must be unique unless grouped with {@code ...}. The
 * result carries the marks of the collection, the conditions and the keys.
 */
final class ForExpressions {
  private final Evaluation ev;

  ForExpressions(Evaluation ev) {
    this.ev = ev;
  }

  Value templateFor(TemplateFor directive, EvalContext ctx) {
    Value collection = ev.eval(directive.collection(), ctx);
    Range subject = directive.collection().range();
    Optional<Value> problem = checkIterable(collection, subject, Type.STRING);
    if (problem.isPresent()) {
      return problem.get();
    }
    if (!collection.isKnown()) {
      return Evaluation.unknown(Type.STRING, collection);
    }
    Value.Unmarked um = collection.unmark();
    Set<Mark> marks = EnumSet.noneOf(Mark.class);
    marks.addAll(um.marks());
    StringBuilder text = new StringBuilder();
    boolean known = true;
    boolean failed = false;
    for (Value[] pair : Iteration.pairs(um.value())) {
      if (!withinBudget(ctx, directive.range())) {
        failed = true;
        break;
      }
      EvalContext child =
          ctx.child(symbols(directive.keyVariable(), directive.valueVariable(), pair));
      int mark = ev.diagnostics.size();
      Value body = ev.templateParts(directive.bodyParts(), child);
      body.addDeepMarksTo(marks);
      if (ev.errorsSince(mark)) {
        failed = true;
      } else if (body.isKnown()) {
        String piece = body.unmarked().asString();
        // Checked as the text grows: %{ for } over a long string makes gigabytes before its end.
        if ((long) text.length() + piece.length() > ctx.budget().maxString()) {
          ev.valueTooLarge(directive.range(), ctx);
          failed = true;
          break;
        }
        text.append(piece);
      } else {
        known = false;
      }
    }
    if (failed || !known) {
      return Value.unknown(Type.STRING).withMarks(marks);
    }
    return Value.string(text.toString()).withMarks(marks);
  }

  /**
   * Null, unknown-typed and non-iterable collections of {@code for}: the value to return instead of
   * iterating (reporting the errors), or empty when the collection can be iterated.
   */
  private Optional<Value> checkIterable(Value collection, Range subject, Type resultType) {
    if (collection.isNull()) {
      ev.error(
          EvalCode.NULL_ITERATION,
          subject,
          "A null value cannot be used as the collection in a 'for' expression.");
      return Optional.of(Evaluation.unknown(resultType, collection));
    }
    if (collection.type() == Type.DYNAMIC) {
      return Optional.of(Evaluation.unknown(resultType, collection));
    }
    if (!Iteration.canIterate(collection.type())) {
      ev.error(
          EvalCode.NON_ITERABLE,
          subject,
          "A value of type "
              + collection.type().friendlyName()
              + " cannot be used as the collection in a 'for' expression.");
      return Optional.of(Evaluation.unknown(resultType, collection));
    }
    return Optional.empty();
  }

  /**
   * Counts one element against the template's budget; false (reporting it the first time, here)
   * when the template has visited more than it may.
   */
  private boolean withinBudget(EvalContext ctx, Range subject) {
    EvalBudget budget = ctx.budget();
    if (budget.iterate()) {
      return true;
    }
    if (budget.reportExhausted()) {
      ev.error(
          EvalCode.TOO_MANY_ITERATIONS,
          subject,
          String.format(
              java.util.Locale.ROOT,
              "The template's 'for' expressions visit more than %,d elements together (nested"
                  + " loops multiply); no image template needs that many. Iterate over smaller"
                  + " collections.",
              budget.maxIterations()));
    }
    return false;
  }

  private static Map<String, Value> symbols(
      Optional<String> keyVariable, String valueVariable, Value[] pair) {
    Map<String, Value> m = new LinkedHashMap<>();
    keyVariable.ifPresent(k -> m.put(k, pair[0]));
    m.put(valueVariable, pair[1]);
    return m;
  }

  Value forExpr(ForExpr e, EvalContext ctx) {
    Value collection = ev.eval(e.collection(), ctx);
    Optional<Value> problem = checkIterable(collection, e.collection().range(), Type.DYNAMIC);
    if (problem.isPresent()) {
      return problem.get();
    }
    Set<Mark> marks = EnumSet.noneOf(Mark.class);
    // An early look at the condition with unknown symbols catches a wrong type once rather than
    // once per element.
    if (e.condition().isPresent()) {
      Expression condition = e.condition().get();
      Map<String, Value> unknowns = new LinkedHashMap<>();
      e.keyVariable().ifPresent(k -> unknowns.put(k, Value.unknown(Type.DYNAMIC)));
      unknowns.put(e.valueVariable(), Value.unknown(Type.DYNAMIC));
      int mark = ev.diagnostics.size();
      Value result = ev.eval(condition, ctx.child(unknowns));
      if (result.isNull()) {
        ev.error(
            EvalCode.NULL_FOR_CONDITION,
            condition.range(),
            "The value of the 'if' clause must not be null.");
        return Evaluation.unknown(Type.DYNAMIC, collection, result);
      }
      Convert.Result asBool = Convert.to(Values.stripMarks(result), Type.BOOL);
      if (!asBool.isOk()) {
        ev.error(
            EvalCode.INVALID_FOR_CONDITION,
            condition.range(),
            "The 'if' clause value is invalid: " + ((Convert.Failed) asBool).error() + ".");
        return Evaluation.unknown(Type.DYNAMIC, collection, result);
      }
      if (ev.errorsSince(mark)) {
        return Evaluation.unknown(Type.DYNAMIC, collection, result);
      }
      result.addDeepMarksTo(marks);
    }
    if (!collection.isKnown()) {
      return Evaluation.unknown(Type.DYNAMIC, collection).withMarks(marks);
    }

    Value.Unmarked um = collection.unmark();
    marks.addAll(um.marks());
    boolean known = true;
    boolean failed = false;
    List<Value> tupleElements = new ArrayList<>();
    Map<String, Value> attributes = new TreeMap<>();
    Map<String, List<Value>> groups = new LinkedHashMap<>();
    boolean sensitiveCollection = um.marks().contains(Mark.SENSITIVE);
    Set<String> sensitiveKeys = null; // the keys of attributes that came from sensitive values
    // The result's WrittenSize, checked as it grows: [for i in range(1000): local.big] is 1,000
    // references to one string to the evaluator, but 1,000 copies of it written out.
    long size = 1;
    for (Value[] pair : Iteration.pairs(um.value())) {
      if (!withinBudget(ctx, e.range())) {
        failed = true;
        break;
      }
      if (size > ctx.budget().maxString()) {
        ev.valueTooLarge(e.range(), ctx);
        failed = true;
        break;
      }
      EvalContext child = ctx.child(symbols(e.keyVariable(), e.valueVariable(), pair));
      if (e.condition().isPresent()) {
        Expression condition = e.condition().get();
        Value include = ev.eval(condition, child);
        include.addDeepMarksTo(marks);
        if (include.isNull()) {
          if (known) {
            ev.error(
                EvalCode.INVALID_FOR_CONDITION,
                condition.range(),
                "The value of the 'if' clause must not be null.");
          }
          known = false;
          continue;
        }
        Convert.Result asBool = Convert.to(Values.stripMarks(include), Type.BOOL);
        if (!asBool.isOk()) {
          if (known) {
            ev.error(
                EvalCode.INVALID_FOR_CONDITION,
                condition.range(),
                "The 'if' clause value is invalid: " + ((Convert.Failed) asBool).error() + ".");
          }
          known = false;
          continue;
        }
        if (!asBool.value().isKnown()) {
          known = false;
          continue;
        }
        if (!asBool.value().asBoolean()) {
          continue;
        }
      }
      if (e.keyExpr().isEmpty()) {
        Value element = ev.eval(e.valueExpr(), child);
        tupleElements.add(element);
        size = WrittenSize.plus(size, WrittenSize.of(element));
        continue;
      }
      Expression keyExpr = e.keyExpr().get();
      Value keyRaw = ev.eval(keyExpr, child);
      keyRaw.addDeepMarksTo(marks);
      if (keyRaw.isNull()) {
        if (known) {
          ev.error(
              EvalCode.INVALID_FOR_KEY,
              keyExpr.range(),
              "Key expression in 'for' expression must not produce a null value.");
        }
        known = false;
        continue;
      }
      if (!keyRaw.isKnown()) {
        known = false;
        continue;
      }
      Convert.Result key = Convert.to(Values.stripMarks(keyRaw), Type.STRING);
      if (!key.isOk()) {
        if (known) {
          ev.error(
              EvalCode.INVALID_FOR_KEY,
              keyExpr.range(),
              "The key expression produced an invalid result: "
                  + ((Convert.Failed) key).error()
                  + ".");
        }
        known = false;
        continue;
      }
      if (!key.value().isKnown()) {
        known = false;
        continue;
      }
      String name = key.value().asString();
      // The items of a sensitive collection are bare here: its mark is on the result only.
      boolean sensitive = sensitiveCollection || keyRaw.containsSensitive();
      Value value = ev.eval(e.valueExpr(), child);
      size = WrittenSize.plus(size, WrittenSize.plus(name.length(), WrittenSize.of(value)));
      if (e.grouping()) {
        groups.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else if (attributes.containsKey(name)) {
        value.addDeepMarksTo(marks);
        // Either key may be the secret: the other one has the same text.
        boolean hidden = sensitive || (sensitiveKeys != null && sensitiveKeys.contains(name));
        ev.error(
            EvalCode.DUPLICATE_FOR_KEY,
            keyExpr.range(),
            (hidden
                    ? "Two different items produced the same key in this 'for' expression; it"
                        + " comes from a sensitive value, which is not shown."
                    : "Two different items produced the key \""
                        + name
                        + "\" in this 'for' expression.")
                + " If duplicates are expected, use the ellipsis (...) after the value expression"
                + " to enable grouping by key.");
        failed = true;
      } else {
        attributes.put(name, value);
        if (sensitive) {
          // Made for the first sensitive key only: most 'for' expressions have none.
          sensitiveKeys = sensitiveKeys == null ? new HashSet<>() : sensitiveKeys;
          sensitiveKeys.add(name);
        }
      }
    }
    if (size > ctx.budget().maxString() && !failed) {
      ev.valueTooLarge(e.range(), ctx); // the last element took it past
      failed = true;
    }
    if (!known || failed) {
      // Whatever was computed may be in the eventual value: keep its marks.
      tupleElements.forEach(v -> marks.addAll(v.deepMarks()));
      attributes.values().forEach(v -> marks.addAll(v.deepMarks()));
      groups.values().forEach(vs -> vs.forEach(v -> marks.addAll(v.deepMarks())));
      return Value.unknown(Type.DYNAMIC).withMarks(marks);
    }
    if (e.keyExpr().isEmpty()) {
      return Value.tuple(tupleElements).withMarks(marks);
    }
    if (e.grouping()) {
      groups.forEach((k, vs) -> attributes.put(k, Value.tuple(vs)));
    }
    return new ObjectValue(attributes).withMarks(marks);
  }
}
