package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.TupleValue;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.SourceUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

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

  /**
   * The body with the usage's {@code override} entry merged in: its fields replace the body's, but
   * a list replaces only as many elements as it has ({@link #overlay}).
   */
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
      Setting given = settings.get(s.name());
      settings.put(s.name(), given == null ? s : s.withValue(overlay(given.value(), s.value())));
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
   * The names of the body's list settings that the override gives a shorter list, whose further
   * elements therefore stay ({@link #overlay}); empty when the usage has no override.
   */
  static List<String> overlaidLists(Config body, Map<String, Config> override, SourceUsage usage) {
    Config o = override.get(usage.name());
    if (o == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Setting s : o.settings()) {
      Optional<Setting> b = body.setting(s.name());
      if (b.isPresent() && overlays(b.get().value(), s.value())) {
        out.add(s.name());
      }
    }
    return out;
  }

  /**
   * An override's value laid over the body's as Packer lays it: its plugins decode the body and
   * then the override into one struct (mapstructure), which writes a list element by element, so a
   * shorter list replaces the first elements and the others stay ({@code inline = ["a", "b", "c"]}
   * overridden with {@code ["x"]} runs x, b and c, and environment_vars {@code ["A=1", "B=2"]} with
   * {@code ["C=3"]} sets C and B; Packer 1.6.6, legacy and HCL2). A map is written key by key into
   * the map decoded before (mapstructure makes a new one only when there is none), so {@code env =
   * {A = "1", B = "2"}} overridden with {@code {C = "3"}} sets all three. Anything else is the
   * override's value.
   */
  static Value overlay(Value body, Value override) {
    SortedMap<String, Value> keys = entries(body.unmarked());
    SortedMap<String, Value> more = entries(override.unmarked());
    if (keys != null && more != null && !keys.isEmpty()) {
      Map<String, Value> merged = new LinkedHashMap<>(keys);
      merged.putAll(more);
      return Value.object(merged).withMarks(marksOf(body, override));
    }
    if (!overlays(body, override)) {
      return override;
    }
    List<Value> under = elements(body.unmarked());
    List<Value> over = elements(override.unmarked());
    List<Value> all = new ArrayList<>(under.size());
    all.addAll(over);
    all.addAll(under.subList(over.size(), under.size()));
    return Value.tuple(all).withMarks(marksOf(body, override));
  }

  private static Set<Mark> marksOf(Value body, Value override) {
    Set<Mark> marks = new HashSet<>(body.marks());
    marks.addAll(override.marks());
    return marks;
  }

  /** The entries of a known map or object value, else null. */
  private static SortedMap<String, Value> entries(Value v) {
    if (v instanceof ObjectValue o) {
      return o.attributes();
    }
    return v instanceof MapValue m ? m.entries() : null;
  }

  /** Whether {@code override} is a known list shorter than the known list {@code body}. */
  private static boolean overlays(Value body, Value override) {
    List<Value> under = elements(body.unmarked());
    List<Value> over = elements(override.unmarked());
    return under != null && over != null && over.size() < under.size();
  }

  /** The number of elements of a list value (as {@link #overlaidLists} names them). */
  static int length(Value v) {
    return elements(v.unmarked()).size();
  }

  private static List<Value> elements(Value v) {
    if (v instanceof TupleValue t) {
      return t.elements();
    }
    return v instanceof ListValue l ? l.elements() : null;
  }
}
