package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.eval.EvalContext;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.BodyItem;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.GetAttr;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateInterpolation;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.Credentials;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.List;

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

  BodyEvaluator(Expressions expressions, Attributes attributes, List<Diagnostic> out) {
    this.expressions = expressions;
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
                value.isWhollyKnown()
                    ? List.of()
                    : expressions.unknownReferences(a.expression(), ctx),
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
