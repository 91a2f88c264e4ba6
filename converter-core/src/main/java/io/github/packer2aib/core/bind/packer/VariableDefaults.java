package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.eval.EvalResult;
import io.github.packer2aib.core.hcl.eval.Evaluator;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateLiteral;
import io.github.packer2aib.core.hcl.syntax.TemplatePart;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the default of an input variable as Packer does: before anything else exists, so no
 * variables, and only one function, {@code env(NAME)}, which reads the environment (an unset
 * variable reads as the empty string).
 *
 * <p>Each {@code env(…)} call is replaced by the string it reads before the expression is evaluated
 * in a context without functions; any other call is reported with advice to use a local.
 */
final class VariableDefaults {
  private final Map<String, String> environment;

  VariableDefaults(Map<String, String> environment) {
    this.environment = environment;
  }

  /** The default's value; unknown when it has errors, which are added to {@code out}. */
  Expressions.Outcome evaluate(Expression e, List<Diagnostic> out) {
    Value literal = Evaluator.plainLiteral(e);
    if (literal != null) {
      return new Expressions.Outcome(literal, true);
    }
    if (!Expressions.noReferences(e, out)) {
      return new Expressions.Outcome(Value.unknown(Type.DYNAMIC), false);
    }
    boolean[] failed = {false};
    // Most defaults are plain strings and lists, with nothing to substitute.
    Expression rewritten = plainData(e) ? e : withCallsReplaced(e, out, failed);
    if (failed[0]) {
      return new Expressions.Outcome(Value.unknown(Type.DYNAMIC), false);
    }
    EvalResult r = Evaluator.evaluate(rewritten, Scope.constants());
    out.addAll(r.diagnostics());
    return new Expressions.Outcome(r.value(), !r.hasErrors());
  }

  /** {@code e} with each env() call replaced by what it reads; other calls are reported. */
  private Expression withCallsReplaced(Expression e, List<Diagnostic> out, boolean[] failed) {
    return SyntaxRewriter.rewrite(
        e,
        node -> {
          if (!(node instanceof FunctionCall call)) {
            return node;
          }
          if (failed[0] && call.name().equals("env")) {
            return node; // its argument may be a call reported already
          }
          Expression replacement = replace(call, out);
          if (replacement == null) {
            failed[0] = true;
            return LiteralValue.nullValue(call.range());
          }
          return replacement;
        });
  }

  /**
   * Whether an expression is written as plain data: literals, strings without interpolations, and
   * tuples and objects of them (with bare-name or plain keys). It can hold no call, so the rewrite
   * (a reflective walk over the whole tree) is skipped.
   */
  private static boolean plainData(Expression e) {
    if (e instanceof LiteralValue) {
      return true;
    }
    // Loops, not streams: this runs for every default, in C1-compiled code in bulk runs.
    if (e instanceof TemplateExpr t) {
      for (TemplatePart p : t.parts()) {
        if (!(p instanceof TemplateLiteral)) {
          return false;
        }
      }
      return true;
    }
    if (e instanceof Tuple t) {
      for (Expression element : t.elements()) {
        if (!plainData(element)) {
          return false;
        }
      }
      return true;
    }
    if (e instanceof ObjectCons o) {
      for (ObjectItem i : o.items()) {
        if (!(i.literalName().isPresent() || plainData(i.key())) || !plainData(i.value())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** The literal an env() call reads, or null after reporting why the call cannot be made. */
  private Expression replace(FunctionCall call, List<Diagnostic> out) {
    if (!call.name().equals("env")) {
      out.add(
          Diagnostic.of(
              PackerCode.FUNCTION_NOT_ALLOWED,
              call.nameRange(),
              "Only the env function can be called in the default of a variable: Packer"
                  + " evaluates defaults before anything else exists. Compute this value in a"
                  + " local instead (locals may call "
                  + call.name()
                  + "() and use var.*)."));
      return null;
    }
    if (call.arguments().size() != 1 || call.expandFinal()) {
      out.add(
          Diagnostic.of(
              PackerCode.FUNCTION_NOT_ALLOWED,
              call.range(),
              "The env function takes exactly one argument, the name of an environment variable,"
                  + " as in env(\"ARM_CLIENT_ID\")."));
      return null;
    }
    EvalResult name = Evaluator.evaluate(call.arguments().get(0), Scope.constants());
    out.addAll(name.diagnostics());
    if (name.hasErrors()) {
      return null;
    }
    Value v = name.value().unmarked();
    if (!(v instanceof StringValue)) {
      out.add(
          Diagnostic.of(
              PackerCode.FUNCTION_NOT_ALLOWED,
              call.arguments().get(0).range(),
              "The argument of env must be a string: the name of an environment variable."));
      return null;
    }
    String value = environment.getOrDefault(v.asString(), "");
    // Name only: the value may be a secret (ARM_CLIENT_SECRET is the classic one).
    out.add(
        Diagnostic.of(
            PackerCode.ENVIRONMENT_READ,
            call.range(),
            "The environment variable "
                + v.asString()
                + (environment.containsKey(v.asString())
                    ? " was read"
                    : " is not set, so it read as \"\"")
                + " when this template was converted; the converted template holds the result,"
                + " so convert again in an environment like the build's, or set the variable"
                + " explicitly with --var."));
    return new TemplateExpr(
        List.of(new TemplateLiteral(value, call.range())),
        TemplateExpr.Form.QUOTED,
        "",
        call.range());
  }
}
