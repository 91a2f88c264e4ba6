package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.bind.DependencyOrder;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.hcl.eval.EvalContext;
import io.github.packer2aib.core.hcl.eval.Evaluator;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.GetAttr;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.Traverser;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Local;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Local values ({@code locals { … }} and {@code local "name" { expression, sensitive }}), evaluated
 * in dependency order: each after the locals it refers to, whatever the order they are written in.
 * Locals that refer to each other in a cycle are reported with the cycle and left unknown.
 */
final class LocalValues {
  private record Declared(
      String name, Expression expression, boolean sensitive, Range range, Range nameRange) {}

  private final Map<String, Declared> declared = new LinkedHashMap<>();
  private final Declarations declarations;
  private final Attributes attributes;
  private final List<Diagnostic> out;

  /**
   * Where sensitive local blocks write values: each one's expression, whether the local is declared
   * or only reported (a bad name, a second definition), and its arguments the schema rejected (a
   * misspelt {@code expresion}).
   */
  private final List<Range> secrets = new ArrayList<>();

  /** The expressions of sensitive locals that show no value ({@link #secretRanges}). */
  private final List<Range> references = new ArrayList<>();

  /**
   * The other expressions of sensitive locals, each with the parts of it that write values ({@link
   * ValueFreeSyntax#valueParts}; {@link #secretRanges}).
   */
  private final Map<Range, List<Range>> valueParts = new LinkedHashMap<>();

  LocalValues(Declarations declarations, Attributes attributes, List<Diagnostic> out) {
    this.declarations = declarations;
    this.attributes = attributes;
    this.out = out;
  }

  /** One argument of a {@code locals} block. */
  void declareAttribute(Attribute a) {
    register(new Declared(a.name(), a.expression(), false, a.range(), a.nameRange()));
  }

  /** A {@code local "name" { expression = …, sensitive = … }} block. */
  void declareBlock(Block block) {
    String name = block.labels().get(0).value();
    Range header = BodyContent.headerRange(block);
    BodyContent content =
        BodyContent.of(block.body(), PackerSchema.LOCAL, "a local block", header, out);
    Attribute sensitiveAttribute = content.get("sensitive");
    boolean sensitive =
        sensitiveAttribute != null
            && attributes.bool(sensitiveAttribute, Scope.constants()).orElse(false);
    Attribute expression = content.get("expression");
    if (sensitive) {
      secrets.addAll(content.rejectedValues());
      if (expression != null) {
        Expression e = expression.expression();
        if (ValueFreeSyntax.showsNoValue(e)) {
          references.add(e.range());
        } else {
          valueParts.put(e.range(), ValueFreeSyntax.valueParts(e));
        }
      }
    }
    if (!Names.isIdentifier(name)) {
      out.add(
          Diagnostic.of(
              PackerCode.INVALID_NAME,
              block.labels().get(0).range(),
              "\""
                  + name
                  + "\" is not a valid local name. A name must start with a letter or underscore"
                  + " and may contain only letters, digits, underscores and dashes."));
      return;
    }
    if (expression != null) {
      register(
          new Declared(
              name, expression.expression(), sensitive, header, block.labels().get(0).range()));
    }
  }

  private void register(Declared d) {
    Declared first = declared.get(d.name());
    if (first != null) {
      out.add(
          Diagnostic.of(
                  PackerCode.DUPLICATE_DECLARATION,
                  d.nameRange(),
                  "The local value \""
                      + d.name()
                      + "\" was already defined at "
                      + first.range()
                      + ". Each local value may be defined only once; remove or rename one of"
                      + " them.")
              .withRelated(new Related(first.range(), "first defined here")));
      return;
    }
    declared.put(d.name(), d);
    declarations.locals.add(d.name());
    declarations.localExpressions.put(d.name(), d.expression());
  }

  /** Evaluates every local (setting each in {@code scope}); the results in declaration order. */
  List<Local> evaluate(Scope scope, Expressions expressions) {
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    Set<String> refersToLocals = new HashSet<>();
    // Locals with a reference to the local object other than local.<declared name> (local as a
    // whole, local["x"], an undeclared name): they need the whole object, as HCL reports them.
    Set<String> seesAllLocals = new HashSet<>();
    for (Declared d : declared.values()) {
      Set<String> deps = new LinkedHashSet<>();
      // Each reference tested as it is found, none listed: most locals refer to no local.
      Evaluator.allReferences(
          d.expression(),
          t -> {
            if (t.root().equals("local")) {
              refersToLocals.add(d.name());
              if (!t.traversers().isEmpty()
                  && t.traversers().get(0) instanceof GetAttr attr
                  && declared.containsKey(attr.name())) {
                deps.add(attr.name());
              } else {
                seesAllLocals.add(d.name());
              }
            }
            return true;
          });
      dependencies.put(d.name(), deps.isEmpty() ? List.of() : List.copyOf(deps));
    }
    DependencyOrder ordering = DependencyOrder.of(declared.keySet(), dependencies::get);
    for (List<String> cycle : ordering.cycles()) {
      reportCycle(cycle);
    }
    Map<String, Value> values = new HashMap<>();
    Map<String, List<String>> secretsRead = new HashMap<>();
    for (String name : ordering.cyclic()) {
      values.put(name, Value.unknown(Type.DYNAMIC));
      scope.setLocal(name, values.get(name));
    }
    // Setting a local changes only the local object, and rebuilding the context for each local
    // (a sorted copy of all the locals so far) made this quadratic: a local that refers to no
    // local is evaluated in the first context made, which differs from a fresh one in nothing
    // it can see.
    EvalContext withoutLocals = null;
    for (String name : ordering.order()) {
      if (ordering.cyclic().contains(name)) {
        continue;
      }
      Declared d = declared.get(name);
      EvalContext ctx;
      if (seesAllLocals.contains(name)) {
        ctx = scope.locals();
      } else if (refersToLocals.contains(name)) {
        // Its dependencies come first in the order (or are cyclic, and unknown), so all have
        // values; were one missing, the whole object says so as it always did.
        Map<String, Value> visible = new HashMap<>();
        for (String dependency : dependencies.get(name)) {
          Value known = values.get(dependency);
          if (known == null) {
            visible = null;
            break;
          }
          visible.put(dependency, known);
        }
        ctx = visible == null ? scope.locals() : scope.locals(visible);
      } else {
        if (withoutLocals == null) {
          withoutLocals = scope.locals();
        }
        ctx = withoutLocals;
      }
      Value v = expressions.value(d.expression(), ctx);
      if (d.sensitive()) {
        v = v.mark(Mark.SENSITIVE);
      } else if (v.containsSensitive()) {
        secretsRead.put(name, secretsRead(d.expression(), ctx, secretsRead));
      }
      values.put(name, v);
      scope.setLocal(name, v);
    }
    List<Local> result = new ArrayList<>();
    for (Declared d : declared.values()) {
      result.add(
          new Local(
              d.name(),
              values.get(d.name()),
              d.sensitive(),
              d.range(),
              secretsRead.getOrDefault(d.name(), List.of())));
    }
    return result;
  }

  /**
   * The secrets {@code e} reads ({@link Local#secretsRead}): each reference whose value holds a
   * secret, as {@code var.NAME}, {@code local.NAME} of a local declared sensitive, {@code
   * data.TYPE.NAME}, or, for a local that only holds a secret in turn, what that one reads ({@code
   * earlier}, filled in dependency order).
   */
  private List<String> secretsRead(
      Expression e, EvalContext ctx, Map<String, List<String>> earlier) {
    Set<String> read = new LinkedHashSet<>();
    for (ScopeTraversal t : Evaluator.references(e)) {
      List<Traverser> steps = t.traversers();
      if (steps.isEmpty()
          || !(steps.get(0) instanceof GetAttr first)
          || !Evaluator.evaluate(t, ctx).value().containsSensitive()) {
        continue;
      }
      switch (t.root()) {
        case "var":
          read.add("var." + first.name());
          break;
        case "local":
          Declared d = declared.get(first.name());
          if (d != null && d.sensitive()) {
            read.add("local." + first.name());
          } else {
            read.addAll(earlier.getOrDefault(first.name(), List.of()));
          }
          break;
        case "data":
          if (steps.size() >= 2 && steps.get(1) instanceof GetAttr second) {
            read.add("data." + first.name() + "." + second.name());
          }
          break;
        default:
          break;
      }
    }
    return List.copyOf(read);
  }

  /**
   * Where the expressions of sensitive locals are written: a renderer masks them when it quotes
   * those lines (they may be literal secrets). One that shows no value ({@link ValueFreeSyntax}, as
   * {@code expression = var.pw}) is shown, and of any other only the parts that write values are
   * masked (the names of the functions it calls stay), unless a comment in or after it may keep
   * one: then all of it is masked.
   *
   * @param commentFree whether a range and the rest of its last line hold no comment
   */
  List<Range> secretRanges(Predicate<Range> commentFree) {
    List<Range> ranges = new ArrayList<>(secrets);
    for (Range r : references) {
      if (!commentFree.test(r)) {
        ranges.add(r);
      }
    }
    for (Map.Entry<Range, List<Range>> e : valueParts.entrySet()) {
      if (commentFree.test(e.getKey())) {
        ranges.addAll(e.getValue());
      } else {
        ranges.add(e.getKey());
      }
    }
    return ranges;
  }

  private void reportCycle(List<String> cycle) {
    Declared first = declared.get(cycle.get(0));
    List<String> path = new ArrayList<>();
    for (String name : cycle) {
      path.add("local." + name);
    }
    path.add("local." + cycle.get(0));
    Diagnostic d =
        Diagnostic.of(
            PackerCode.LOCALS_CYCLE,
            first.nameRange(),
            "These local values refer to each other in a cycle: "
                + String.join(" → ", path)
                + ". A local value cannot depend on itself, even through other locals; break the"
                + " cycle.");
    for (String name : cycle.subList(1, cycle.size())) {
      d = d.withRelated(new Related(declared.get(name).nameRange(), "local." + name));
    }
    out.add(d);
  }
}
