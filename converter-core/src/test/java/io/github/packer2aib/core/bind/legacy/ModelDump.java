package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.packer.Build;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.PostProcessor;
import io.github.packer2aib.core.packer.Provisioner;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.Source;
import io.github.packer2aib.core.packer.SourceUsage;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stable, readable dump of a {@link PackerTemplate} for golden files. Values print with {@link
 * Values#render}, which shows a sensitive value as {@code (sensitive value)}, so secrets never
 * reach a golden file. With {@code ranges} off, two templates that differ only in where things are
 * written dump the same.
 */
final class ModelDump {
  private final StringBuilder out = new StringBuilder();
  private final boolean ranges;

  private ModelDump(boolean ranges) {
    this.ranges = ranges;
  }

  static String of(PackerTemplate t, boolean ranges) {
    ModelDump d = new ModelDump(ranges);
    d.template(t);
    return d.out.toString();
  }

  private void template(PackerTemplate t) {
    line(0, "syntax: " + t.syntax());
    line(0, "root: " + t.root());
    t.description().ifPresent(d -> line(0, "description: " + quote(d)));
    t.packer()
        .ifPresent(
            p -> line(0, "min_packer_version: " + p.requiredVersion().orElse("") + at(p.range())));
    line(0, "variables:" + (t.variables().isEmpty() ? " []" : ""));
    for (Variable v : t.variables()) {
      line(
          1,
          v.name()
              + " = "
              + Values.render(v.value())
              + " ("
              + v.setBy().name().toLowerCase()
              + (v.sensitive() ? ", sensitive" : "")
              + ")"
              + at(v.range())
              + v.valueRange().map(r -> " value" + at(r)).orElse(""));
    }
    line(0, "sources:");
    for (Source s : t.sources()) {
      line(1, s.reference() + at(s.range()));
      config(2, s.config());
    }
    for (Build b : t.builds()) {
      build(b);
    }
  }

  private void build(Build b) {
    line(0, "build" + b.name().map(n -> " " + quote(n)).orElse("") + at(b.range()) + ":");
    b.description().ifPresent(d -> line(1, "description: " + quote(d)));
    for (SourceUsage u : b.sources()) {
      line(1, "uses " + u.reference() + " (source " + u.source().reference() + ")" + at(u.range()));
    }
    for (Provisioner p : b.provisioners()) {
      provisioner(1, "provisioner", p);
    }
    b.errorCleanupProvisioner().ifPresent(p -> provisioner(1, "error-cleanup-provisioner", p));
    for (List<PostProcessor> chain : b.postProcessors()) {
      line(1, "post-processor chain:");
      for (PostProcessor p : chain) {
        line(
            2,
            p.type()
                + p.name().map(n -> " name=" + quote(n)).orElse("")
                + lists(p.only(), p.except())
                + at(p.range()));
        config(3, p.config());
      }
    }
  }

  private void provisioner(int depth, String label, Provisioner p) {
    line(
        depth,
        label
            + " "
            + p.type()
            + p.name().map(n -> " name=" + quote(n)).orElse("")
            + lists(p.only(), p.except())
            + at(p.range()));
    setting(depth + 1, "pause_before", p.pauseBefore());
    setting(depth + 1, "max_retries", p.maxRetries());
    setting(depth + 1, "timeout", p.timeout());
    config(depth + 1, p.config());
    for (Map.Entry<String, Config> e : new java.util.TreeMap<>(p.override()).entrySet()) {
      line(depth + 1, "override " + e.getKey() + ":");
      config(depth + 2, e.getValue());
    }
    // In the builders' order, as evaluated.
    for (Map.Entry<String, Config> e : p.bySource().entrySet()) {
      line(depth + 1, "for " + e.getKey() + ":");
      config(depth + 2, e.getValue());
    }
  }

  private void setting(int depth, String label, Optional<Setting> s) {
    s.ifPresent(
        x -> line(depth, "[" + label + "] " + Values.render(x.value()) + at(x.valueRange())));
  }

  private static String lists(List<String> only, List<String> except) {
    return (only.isEmpty() ? "" : " only=" + only) + (except.isEmpty() ? "" : " except=" + except);
  }

  private void config(int depth, Config c) {
    for (Setting s : c.settings()) {
      line(depth, s.name() + " = " + Values.render(s.value()) + at(s.valueRange()));
    }
  }

  private String at(Range r) {
    return ranges && r != null ? " @" + r.file() + ":" + r.start() + "-" + r.end() : "";
  }

  private static String quote(String s) {
    return io.github.packer2aib.core.hcl.value.Strings.quote(s);
  }

  private void line(int depth, String text) {
    out.append("  ".repeat(depth)).append(text).append('\n');
  }
}
