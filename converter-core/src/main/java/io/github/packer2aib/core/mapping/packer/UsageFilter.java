package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.SourceUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Packer's {@code only}/{@code except} and {@code override}, per source usage. In the model both
 * front ends give {@code only}/{@code except} as usage references, {@code type.name} ({@link
 * io.github.packer2aib.core.packer.Provisioner}): HCL2 templates write them so (the build-level
 * {@code name} if set, else the source's), and the legacy loader turns the builder names a legacy
 * template writes (a builder's {@code name}, which defaults to its type) into them, refusing names
 * of no builder. {@code override} is keyed by the bare name in both.
 */
final class UsageFilter {
  private UsageFilter() {}

  /**
   * How provisioners of this template name a usage in {@code only}/{@code except}: its reference,
   * whatever the syntax (matching a legacy builder by its bare name dropped every provisioner with
   * {@code "only": ["azure-arm"]}, as the loader hands over {@code azure-arm.azure-arm}).
   */
  static String key(SourceUsage usage) {
    return usage.reference();
  }

  static boolean isLegacy(PackerTemplate.Syntax syntax) {
    return syntax == PackerTemplate.Syntax.LEGACY_JSON
        || syntax == PackerTemplate.Syntax.LEGACY_YAML;
  }

  /** Whether a provisioner or post-processor with these lists runs for the usage. */
  static boolean applies(List<String> only, List<String> except, String key) {
    if (!only.isEmpty() && !only.contains(key)) {
      return false;
    }
    return !except.contains(key);
  }

  /** The body with the usage's {@code override} entry merged in (its fields replace the body's). */
  static Config merged(Config body, Map<String, Config> override, SourceUsage usage) {
    Config o = override.get(usage.name());
    if (o == null) {
      return body;
    }
    Map<String, Setting> settings = new LinkedHashMap<>();
    for (Setting s : body.settings()) {
      settings.put(s.name(), s);
    }
    for (Setting s : o.settings()) {
      settings.put(s.name(), s);
    }
    List<Config.NestedBlock> blocks = new ArrayList<>();
    List<String> replaced = o.blocks().stream().map(Config.NestedBlock::type).toList();
    for (Config.NestedBlock b : body.blocks()) {
      if (!replaced.contains(b.type())) {
        blocks.add(b);
      }
    }
    blocks.addAll(o.blocks());
    return new Config(new ArrayList<>(settings.values()), blocks, body.range());
  }

  /**
   * Packer's {@code -only}/{@code -except} globs: {@code *} matches any run of characters; a
   * pattern is matched against the build's name for the usage ({@code <build>.<type>.<name>}, or
   * {@code <type>.<name>} in an unnamed build) and, for convenience, against the usage's own forms.
   */
  static boolean globMatches(String pattern, List<String> names) {
    Pattern p = glob(pattern);
    return names.stream().anyMatch(n -> p.matcher(n).matches());
  }

  private static Pattern glob(String pattern) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        b.append(".*");
      } else if (c == '?') {
        b.append('.');
      } else {
        b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(b.toString());
  }
}
