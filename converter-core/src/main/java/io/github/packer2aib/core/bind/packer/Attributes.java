package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.eval.EvalContext;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.value.BoolValue;
import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.NumberValue;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the arguments Packer itself reads (as Go fields through {@code gohcl}): a string, a bool,
 * a number or a list of strings, with HCL's conversions. A value of the wrong type, null where
 * Packer needs a value, or a value only known at build time is reported at the argument's
 * expression.
 */
final class Attributes {
  private final Expressions expressions;
  private final List<Diagnostic> out;

  Attributes(Expressions expressions, List<Diagnostic> out) {
    this.expressions = expressions;
    this.out = out;
  }

  Optional<String> string(Attribute a, EvalContext ctx) {
    return convert(a, ctx, Type.STRING).map(Value::asString);
  }

  /** The string value of the argument {@code name} of {@code content}; empty when absent. */
  Optional<String> string(BodyContent content, String name, EvalContext ctx) {
    Attribute a = content.get(name);
    return a == null ? Optional.empty() : string(a, ctx);
  }

  Optional<Boolean> bool(Attribute a, EvalContext ctx) {
    return convert(a, ctx, Type.BOOL).map(Value::asBoolean);
  }

  /**
   * A string Packer reads, and whether it came from a sensitive value: such a text still counts as
   * written (a name, a filter entry), but is never shown.
   */
  record Text(String text, boolean sensitive) {}

  /** {@link #string(Attribute, EvalContext)} with whether the value is sensitive. */
  Optional<Text> text(Attribute a, EvalContext ctx) {
    Optional<Value> v = convertMarked(a, ctx, Type.STRING);
    return v.isEmpty()
        ? Optional.empty()
        : Optional.of(new Text(v.get().unmarked().asString(), v.get().isSensitive()));
  }

  /** {@link #text(Attribute, EvalContext)} of the argument {@code name}; empty when absent. */
  Optional<Text> text(BodyContent content, String name, EvalContext ctx) {
    Attribute a = content.get(name);
    return a == null ? Optional.empty() : text(a, ctx);
  }

  /**
   * A list of strings Packer reads, each with whether it came from a sensitive value: the list's
   * own mark makes every element sensitive, an element's mark that element. (There is no variant
   * without the marks: every list Packer reads is quoted by some message.)
   */
  Optional<List<Text>> texts(Attribute a, EvalContext ctx) {
    Optional<Value> v = convertMarked(a, ctx, Type.list(Type.STRING));
    if (v.isEmpty()) {
      return Optional.empty();
    }
    boolean all = v.get().isSensitive();
    List<Text> out = new ArrayList<>();
    for (Value e : v.get().unmarked().elements()) {
      out.add(new Text(e.unmarked().asString(), all || e.isSensitive()));
    }
    return Optional.of(out);
  }

  /**
   * The argument's value converted to {@code type}, known and not null; empty after reporting why
   * not (or when evaluation failed, which reported its own errors).
   */
  Optional<Value> convert(Attribute a, EvalContext ctx, Type type) {
    Expressions.Outcome o = expressions.evaluate(a.expression(), ctx);
    if (!o.ok()) {
      return Optional.empty();
    }
    return convertValue(a, ctx, o.value(), type);
  }

  /**
   * {@link #convert} keeping the value's marks, on the result and on each element: for the
   * arguments that may come from a sensitive value and are shown (names, filters, durations).
   */
  Optional<Value> convertMarked(Attribute a, EvalContext ctx, Type type) {
    Expressions.Outcome o = expressions.evaluate(a.expression(), ctx);
    if (!o.ok()) {
      return Optional.empty();
    }
    Optional<Value> converted = convertValue(a, ctx, o.value(), type);
    if (converted.isEmpty() || !o.value().containsSensitive()) {
      return converted;
    }
    // The same conversion as above, which succeeded, on the marked value: Convert keeps marks.
    return Optional.of(Convert.to(o.value(), type).value());
  }

  /**
   * {@link #convertMarked}, except that in inspect a value that only variables without a value make
   * unknown is that unknown value (of {@code type}, with its marks), as inspect shows every value
   * computed from such a variable, where a conversion reports it: for what Packer reads of a
   * provisioner and still shows as it is (pause_before, timeout, max_retries), not for what decides
   * which blocks there are (a build's name, only, except).
   */
  Optional<Value> convertMarkedOrUnset(Attribute a, EvalContext ctx, Type type) {
    if (expressions.unsetAllowed()) {
      Expressions.Outcome o = expressions.evaluate(a.expression(), ctx);
      if (!o.ok()) {
        return Optional.empty();
      }
      if (!o.value().isWhollyKnown()
          && expressions.unknownOrigin(a.expression(), ctx).onlyUnsetVariables()) {
        return Optional.of(Value.unknown(type).withMarks(o.value().deepMarks()));
      }
    }
    return convertMarked(a, ctx, type);
  }

  /**
   * {@code value} (of argument {@code a}, evaluated in {@code ctx}) converted to {@code type}, as
   * {@link #convert}.
   */
  Optional<Value> convertValue(Attribute a, EvalContext ctx, Value value, Type type) {
    if ((type == Type.STRING && value instanceof StringValue)
        || (type == Type.BOOL && value instanceof BoolValue)
        || (type == Type.NUMBER && value instanceof NumberValue)) {
      // Nearly every such argument: a known, unmarked value of the type, which the checks and the
      // conversion below give back as it is (after a mark set, a split and a result each).
      return Optional.of(value);
    }
    if (!value.isWhollyKnown()) {
      UnknownOrigin origin = expressions.unknownOrigin(a.expression(), ctx);
      out.add(
          Diagnostic.of(
              PackerCode.INCORRECT_VALUE_TYPE,
              a.expression().range(),
              "The value of \""
                  + a.name()
                  + "\" depends on "
                  + origin.dependsOn()
                  + ", but Packer needs it while reading the template. "
                  + origin.advice("to inspect this part", "Use a value known in advance.")));
      return Optional.empty();
    }
    if (value.isNull()) {
      out.add(
          Diagnostic.of(
              PackerCode.INCORRECT_VALUE_TYPE,
              a.expression().range(),
              "The value of \"" + a.name() + "\" must not be null."));
      return Optional.empty();
    }
    Value.Unmarked um = value.unmarkDeep();
    Convert.Result r = Convert.to(um.value(), type);
    if (!r.isOk()) {
      String why =
          value.containsSensitive()
              ? type.friendlyName() + " required"
              : ((Convert.Failed) r).error().toString();
      out.add(
          Diagnostic.of(
              PackerCode.INCORRECT_VALUE_TYPE,
              a.expression().range(),
              "Inappropriate value for argument \"" + a.name() + "\": " + why + "."));
      return Optional.empty();
    }
    return Optional.of(r.value());
  }
}
