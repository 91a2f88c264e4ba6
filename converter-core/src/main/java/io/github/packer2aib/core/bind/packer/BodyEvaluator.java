package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.eval.EvalContext;
import io.github.packer2aib.core.hcl.eval.Evaluator;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.BodyItem;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.GetAttr;
import io.github.packer2aib.core.hcl.syntax.HclPrinter;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateInterpolation;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.Credentials;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the body of a source, provisioner or post-processor into a {@link Config}: every
 * argument into a {@link Setting}, every nested block into a {@link Config.NestedBlock}, and every
 * {@code dynamic "type" { for_each … content { … } }} expanded into the blocks it generates, as
 * HCL's {@code dynblock} does. We have no plugin schemas, so nothing is checked against one; a
 * setting whose name says it holds a credential ({@link Credentials}) is marked sensitive.
 */
final class BodyEvaluator {
  private final Expressions expressions;
  private final DynamicBlocks dynamicBlocks;

  /** Where the values of credential settings are written ({@link #credentialRanges}). */
  private final List<Range> credentialRanges = new ArrayList<>();

  /**
   * The expressions of the template's locals, by name: an unknown value read through a local is
   * traced into the local's expression ({@link #unknownReferences}).
   */
  private final Map<String, Expression> locals;

  BodyEvaluator(
      Expressions expressions,
      Attributes attributes,
      List<Diagnostic> out,
      Map<String, Expression> locals) {
    this.expressions = expressions;
    this.locals = locals;
    this.dynamicBlocks = new DynamicBlocks(expressions, attributes, out);
  }

  Config config(List<? extends BodyItem> items, EvalContext ctx, Range range) {
    // Sized, indexed, and no block list unless there are blocks (most bodies have none): every
    // body of a template comes here, in C1 code in bulk runs.
    int n = items.size();
    List<Setting> settings = new ArrayList<>(n);
    List<Config.NestedBlock> blocks = List.of();
    for (int i = 0; i < n; i++) {
      BodyItem item = items.get(i);
      if (item instanceof Attribute a) {
        Value value = expressions.value(a.expression(), ctx);
        if (Credentials.holdsSecret(a.name())) {
          // client_secret = "…" written out is as secret as one from a sensitive variable.
          value = value.mark(Mark.SENSITIVE);
          if (!isReference(a.expression())) {
            credentialRanges.add(a.expression().range());
          }
        }
        settings.add(
            new Setting(
                a.name(),
                value,
                a.nameRange(),
                a.expression().range(),
                value.isWhollyKnown() ? List.of() : unknownReferences(a.expression(), ctx),
                ExpressionLayout.ofParts(a.expression()),
                readsVariable(a.expression())));
      } else {
        Block b = (Block) item;
        if (blocks.isEmpty()) {
          blocks = new ArrayList<>();
        }
        if (b.type().equals("dynamic")) {
          dynamic(b, ctx, blocks);
        } else {
          blocks.add(
              new Config.NestedBlock(
                  b.type(),
                  b.labelValues(),
                  config(b.body().items(), ctx, b.body().range()),
                  b.range()));
        }
      }
    }
    return new Config(settings, blocks, range);
  }

  /**
   * The references of {@code e} that have no value in {@code ctx}, as written, in source order
   * without repeats: what a message about the unknown value of {@code e} names (rarely needed: a
   * value is unknown only where a data source, build.* or the like is read). A local without a
   * value is traced into its own expression, so the message names the data source behind it. The
   * calls of functions whose result is never known here follow, as {@code vault(…)}.
   */
  private List<String> unknownReferences(Expression e, EvalContext ctx) {
    List<String> unknown = new ArrayList<>();
    Set<String> localsSeen = new HashSet<>();
    // By a stack of its own rather than by recursion: a chain of thousands of locals, each naming
    // the one before, with a data source (or a value refused as too deep) at its start, is traced
    // through every local, and a frame per local overflowed the thread's stack (an internal error).
    Deque<Tracing> open = new ArrayDeque<>();
    open.push(new Tracing(e));
    while (!open.isEmpty()) {
      Tracing at = open.peek();
      if (at.through != null) {
        // Back from the local that at.through reads: named itself only when its local named none.
        if (unknown.size() == at.before) {
          addOnce(unknown, HclPrinter.print(at.through));
        }
        at.through = null;
        continue;
      }
      if (at.next < at.references.size()) {
        ScopeTraversal reference = at.references.get(at.next++);
        if (Evaluator.evaluate(reference, ctx).value().isWhollyKnown()) {
          continue;
        }
        String local = localName(reference);
        if (local != null && locals.containsKey(local) && localsSeen.add(local)) {
          at.through = reference;
          at.before = unknown.size();
          open.push(new Tracing(locals.get(local)));
          continue;
        }
        addOnce(unknown, HclPrinter.print(reference));
        continue;
      }
      // Calls whose result is never known here: a secret fetcher's (vault, aws_secretsmanager, …)
      // or bcrypt's (a random salt). Named without their arguments, which may be what the secret
      // is read with.
      for (FunctionCall call : Evaluator.calls(at.expression, FunctionRegistry::neverKnown)) {
        addOnce(unknown, call.name() + "(…)");
      }
      open.pop();
    }
    return unknown;
  }

  private static void addOnce(List<String> names, String name) {
    if (!names.contains(name)) {
      names.add(name);
    }
  }

  /** An expression whose unknown references {@link #unknownReferences} is going through. */
  private static final class Tracing {
    final Expression expression;
    final List<ScopeTraversal> references;
    int next;

    /** The reference to a local being traced, or null; and how many names were found before it. */
    ScopeTraversal through;

    int before;

    Tracing(Expression expression) {
      this.expression = expression;
      this.references = Evaluator.references(expression);
    }
  }

  /** The name of the local that {@code reference} reads ({@code local.name…}), or null. */
  private static String localName(ScopeTraversal reference) {
    if (reference.root().equals("local")
        && !reference.traversers().isEmpty()
        && reference.traversers().get(0) instanceof GetAttr attr) {
      return attr.name();
    }
    return null;
  }

  /**
   * A reference, as {@code var.client_secret} or {@code "${var.client_secret}"} (nearly every
   * template): it shows nothing to mask, and a file without ranges is quoted without working out
   * what to mask.
   */
  private static boolean isReference(Expression e) {
    if (e instanceof TemplateExpr t
        && t.parts().size() == 1
        && t.parts().get(0) instanceof TemplateInterpolation i) {
      return i.expression() instanceof ScopeTraversal;
    }
    return e instanceof ScopeTraversal;
  }

  /**
   * The variable {@code e} reads and nothing else ({@code var.x}, {@code "${var.x}"}), or null:
   * what a message about a secret value names ({@link Setting#reads}).
   */
  private static String readsVariable(Expression e) {
    Expression inner = e;
    if (inner instanceof TemplateExpr t
        && t.parts().size() == 1
        && t.parts().get(0) instanceof TemplateInterpolation i) {
      inner = i.expression();
    }
    if (inner instanceof ScopeTraversal t
        && t.root().equals("var")
        && t.traversers().size() == 1
        && t.traversers().get(0) instanceof GetAttr attr) {
      return attr.name();
    }
    return null;
  }

  /**
   * Where the bodies evaluated so far write the values of credential settings ({@link
   * Credentials}): a renderer masks them when it quotes those lines, as it masks a sensitive
   * default.
   */
  List<Range> credentialRanges() {
    return credentialRanges;
  }

  /** Expands a dynamic block into {@code into}. */
  private void dynamic(Block b, EvalContext ctx, List<Config.NestedBlock> into) {
    String type = b.labels().size() == 1 ? b.labels().get(0).value() : "";
    for (DynamicBlocks.Generated g : dynamicBlocks.expand(b, ctx)) {
      into.add(
          new Config.NestedBlock(
              type,
              g.labels(),
              config(
                  g.content().body().items(), ctx.child(g.binding()), g.content().body().range()),
              b.range()));
    }
  }
}
