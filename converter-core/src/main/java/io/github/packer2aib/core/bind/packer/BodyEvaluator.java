package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.eval.EvalContext;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.BodyItem;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the body of a source, provisioner or post-processor into a {@link Config}: every
 * argument into a {@link Setting}, every nested block into a {@link Config.NestedBlock}, and every
 * {@code dynamic "type" { for_each … content { … } }} expanded into the blocks it generates, as
 * HCL's {@code dynblock} does. We have no plugin schemas, so nothing is checked against one.
 */
final class BodyEvaluator {
  private final Expressions expressions;
  private final DynamicBlocks dynamicBlocks;

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
        settings.add(
            new Setting(
                a.name(),
                expressions.value(a.expression(), ctx),
                a.nameRange(),
                a.expression().range()));
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
