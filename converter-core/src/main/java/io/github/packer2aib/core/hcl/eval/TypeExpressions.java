package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.hcl.value.ConversionError;
import io.github.packer2aib.core.hcl.value.TypeConstraint;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a type expression ({@code type = list(string)} of a variable block, the second argument of
 * {@code convert}) into a {@link TypeConstraint}, as HCL's {@code typeexpr} package does: keywords
 * {@code string}, {@code number}, {@code bool}, {@code any}; constructors {@code list(T)}, {@code
 * set(T)}, {@code map(T)}, {@code tuple([T, …])}, {@code object({name = T, …})}; inside an object,
 * {@code optional(T)} and {@code optional(T, default)}.
 */
final class TypeExpressions {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private TypeExpressions() {}

  static TypeConstraintResult read(Expression e) {
    TypeConstraintResult primitive = primitive(e);
    if (primitive != null) {
      return primitive;
    }
    TypeExpressions reader = new TypeExpressions();
    TypeConstraint t = reader.type(e);
    boolean failed = false;
    for (int i = 0; i < reader.diagnostics.size(); i++) {
      failed |= reader.diagnostics.get(i).isError();
    }
    return new TypeConstraintResult(failed ? Optional.empty() : Optional.of(t), reader.diagnostics);
  }

  private static final TypeConstraintResult BOOL = valid(TypeConstraint.BOOL);
  private static final TypeConstraintResult STRING = valid(TypeConstraint.STRING);
  private static final TypeConstraintResult NUMBER = valid(TypeConstraint.NUMBER);
  private static final TypeConstraintResult ANY = valid(TypeConstraint.ANY);

  private static TypeConstraintResult valid(TypeConstraint t) {
    return new TypeConstraintResult(Optional.of(t), List.of());
  }

  /**
   * The result for the keywords of the primitive types and {@code any}, made once (results are
   * immutable); null for any other expression. Most variables are typed {@code string}.
   */
  private static TypeConstraintResult primitive(Expression e) {
    if (!(e instanceof ScopeTraversal t && t.isBareName())) {
      return null;
    }
    switch (t.root()) {
      case "bool":
        return BOOL;
      case "string":
        return STRING;
      case "number":
        return NUMBER;
      case "any":
        return ANY;
      default:
        return null;
    }
  }

  private TypeConstraint invalid(Range subject, String detail) {
    diagnostics.add(Diagnostic.of(EvalCode.INVALID_TYPE, subject, detail));
    return TypeConstraint.ANY;
  }

  /** A bare name, as HCL's {@code ExprAsKeyword}; empty for anything else. */
  private static Optional<String> keyword(Expression e) {
    if (e instanceof ScopeTraversal t && t.isBareName()) {
      return Optional.of(t.root());
    }
    return Optional.empty();
  }

  private TypeConstraint type(Expression e) {
    Optional<String> keyword = keyword(e);
    if (keyword.isPresent()) {
      switch (keyword.get()) {
        case "bool":
          return TypeConstraint.BOOL;
        case "string":
          return TypeConstraint.STRING;
        case "number":
          return TypeConstraint.NUMBER;
        case "any":
          return TypeConstraint.ANY;
        case "list":
        case "map":
        case "set":
          return invalid(
              e.range(),
              "The "
                  + keyword.get()
                  + " type constructor requires one argument specifying the element type.");
        case "object":
          return invalid(
              e.range(),
              "The object type constructor requires one argument specifying the attribute types"
                  + " as a map.");
        case "tuple":
          return invalid(
              e.range(),
              "The tuple type constructor requires one argument specifying the element types as a"
                  + " list.");
        default:
          return invalid(
              e.range(),
              "The keyword \"" + keyword.get() + "\" is not a valid type specification.");
      }
    }
    if (!(e instanceof FunctionCall call) || call.expandFinal()) {
      return invalid(
          e.range(),
          "A type specification is either a primitive type keyword (bool, number, string) or a"
              + " complex type constructor call, like list(string).");
    }
    String name = call.name();
    List<Expression> args = call.arguments();
    Range argsRange = Ranges.after(call.nameRange(), call.range());
    switch (name) {
      case "bool":
      case "string":
      case "number":
      case "any":
        return invalid(
            argsRange, "Primitive type keyword \"" + name + "\" does not expect arguments.");
      default:
        break;
    }
    if (args.size() != 1) {
      Range subject =
          args.size() > 1
              ? Ranges.between(args.get(1).range(), args.get(args.size() - 1).range())
              : argsRange;
      switch (name) {
        case "list":
        case "set":
        case "map":
          return invalid(
              subject,
              "The "
                  + name
                  + " type constructor requires one argument specifying the element type.");
        case "object":
          return invalid(
              subject,
              "The object type constructor requires one argument specifying the attribute types"
                  + " as a map.");
        case "tuple":
          return invalid(
              subject,
              "The tuple type constructor requires one argument specifying the element types as a"
                  + " list.");
        default:
          break;
      }
    }
    switch (name) {
      case "list":
        return TypeConstraint.list(type(args.get(0)));
      case "set":
        return TypeConstraint.set(type(args.get(0)));
      case "map":
        return TypeConstraint.map(type(args.get(0)));
      case "object":
        return object(call, args.get(0));
      case "tuple":
        return tuple(call, args.get(0));
      case "optional":
        return invalid(
            argsRange,
            "Keyword \"optional\" is valid only as a modifier for object type attributes.");
      default:
        return invalid(e.range(), "Keyword \"" + name + "\" is not a valid type constructor.");
    }
  }

  private TypeConstraint tuple(FunctionCall call, Expression arg) {
    if (!(arg instanceof Tuple tuple)) {
      return invalid(arg.range(), "Tuple type constructor requires a list of element types.");
    }
    List<TypeConstraint> elements = new ArrayList<>();
    for (Expression element : tuple.elements()) {
      elements.add(type(element));
    }
    return TypeConstraint.tuple(elements);
  }

  private TypeConstraint object(FunctionCall call, Expression arg) {
    if (!(arg instanceof ObjectCons object)) {
      return invalid(
          arg.range(),
          "Object type constructor requires a map whose keys are attribute names and whose values"
              + " are the corresponding attribute types.");
    }
    TypeConstraint.ObjectBuilder builder = TypeConstraint.object();
    Map<String, Range> seen = new LinkedHashMap<>();
    for (ObjectItem item : object.items()) {
      Optional<String> name = item.literalName();
      if (name.isEmpty()) {
        invalid(item.key().range(), "Object constructor map keys must be attribute names.");
        continue;
      }
      Range earlier = seen.putIfAbsent(name.get(), item.key().range());
      if (earlier != null) {
        diagnostics.add(
            Diagnostic.of(
                EvalCode.DUPLICATE_TYPE_ATTRIBUTE,
                item.key().range(),
                "The attribute \""
                    + name.get()
                    + "\" was already defined at "
                    + earlier
                    + ". Each attribute may appear only once."));
        continue;
      }
      attribute(builder, name.get(), item.value());
    }
    return builder.build();
  }

  private void attribute(TypeConstraint.ObjectBuilder builder, String name, Expression value) {
    if (!(value instanceof FunctionCall call) || !call.name().equals("optional")) {
      builder.attribute(name, type(value));
      return;
    }
    List<Expression> args = call.arguments();
    Range argsRange = Ranges.after(call.nameRange(), call.range());
    if (args.isEmpty()) {
      invalid(
          argsRange,
          "Optional attribute modifier requires the attribute type as its first argument.");
      return;
    }
    if (args.size() > 2) {
      invalid(
          Ranges.between(args.get(2).range(), args.get(args.size() - 1).range()),
          "Optional attribute modifier expects at most two arguments: the attribute type, and a"
              + " default value.");
      return;
    }
    TypeConstraint type = type(args.get(0));
    if (args.size() == 1) {
      builder.optional(name, type);
      return;
    }
    Evaluation evaluation = new Evaluation();
    Value dflt = evaluation.eval(args.get(1), EvalContext.constantsOnly());
    diagnostics.addAll(evaluation.diagnostics);
    if (evaluation.diagnostics.stream().anyMatch(Diagnostic::isError)) {
      builder.optional(name, type);
      return;
    }
    Optional<ConversionError> problem = type.checkDefault(dflt);
    if (problem.isPresent()) {
      diagnostics.add(
          Diagnostic.of(
              EvalCode.INVALID_OPTIONAL_DEFAULT,
              args.get(1).range(),
              "This default value is not compatible with the attribute's type constraint: "
                  + problem.get()
                  + "."));
      builder.optional(name, type);
      return;
    }
    builder.optional(name, type, dflt);
  }
}
