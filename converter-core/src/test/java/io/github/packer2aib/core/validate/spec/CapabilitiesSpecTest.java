package io.github.packer2aib.core.validate.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.aib.Capabilities;
import io.github.packer2aib.core.aib.Capabilities.Feature;
import io.github.packer2aib.core.aib.Capabilities.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link Capabilities} equal to the shipped specs: every entry agrees with every version's
 * spec (present ⇔ supported), except the documented 2019-05-01-preview additions, and everything
 * the specs define has an entry. A new spec or a table typo fails here.
 */
class CapabilitiesSpecTest {

  /** What one spec defines, as capability paths. */
  static final class SpecFacts {
    final Map<String, Boolean> properties = new TreeMap<>(); // path → read-only
    final Set<String> types = new TreeSet<>();
    final Set<String> required = new TreeSet<>();
    final Map<String, List<String>> enums = new TreeMap<>();
  }

  static final Map<ApiVersion, SpecFacts> BARE = new EnumMap<>(ApiVersion.class);

  @BeforeAll
  static void walkSpecs() {
    for (ApiVersion v : ApiVersion.values()) {
      CompiledSpec spec = SpecLoader.compile(v, false);
      SpecFacts facts = new SpecFacts();
      walk(spec, spec.root(), "", facts, 0);
      BARE.put(v, facts);
    }
  }

  static void walk(CompiledSpec spec, Schema schema, String path, SpecFacts facts, int depth) {
    assertTrue(depth < 24, "spec nesting too deep at " + path);
    Schema s = spec.resolve(schema);
    if (s instanceof Schema.ArraySchema a) {
      walk(spec, a.items(), path, facts, depth + 1);
    } else if (s instanceof Schema.StringSchema str && !str.enumValues().isEmpty()) {
      facts.enums.put(path, str.enumValues());
    } else if (s instanceof Schema.ObjectSchema o) {
      members(spec, o, path, Set.of(), facts, depth);
      if (o.discriminator() != null) {
        for (String value : o.discriminator().values()) {
          String sub = path + "[" + value + "]";
          facts.types.add(sub);
          members(
              spec,
              spec.subtype(o.discriminator(), value),
              sub,
              o.properties().keySet(),
              facts,
              depth);
        }
      }
      if (o.additionalProperties() != null) {
        walk(spec, o.additionalProperties(), path + ".*", facts, depth + 1);
      }
    }
  }

  static void members(
      CompiledSpec spec,
      Schema.ObjectSchema o,
      String path,
      Set<String> inherited,
      SpecFacts facts,
      int depth) {
    for (Schema.Property p : o.properties().values()) {
      if (inherited.contains(p.name())) {
        continue; // listed under the base's path
      }
      String child = path.isEmpty() ? p.name() : path + "." + p.name();
      facts.properties.put(child, p.readOnly());
      if (o.required().contains(p.name())) {
        facts.required.add(child);
      }
      if (!p.readOnly()) {
        walk(spec, p.schema(), child, facts, depth + 1);
      }
    }
  }

  static boolean inSpec(Feature f, ApiVersion v) {
    SpecFacts facts = BARE.get(v);
    String path = f.path();
    switch (f.kind()) {
      case TYPE:
        return facts.types.contains(path);
      case REQUIRED:
        return facts.required.contains(path.substring(0, path.length() - "@required".length()));
      case ENUM_VALUE:
        int eq = path.lastIndexOf('=');
        return facts
            .enums
            .getOrDefault(path.substring(0, eq), List.of())
            .contains(path.substring(eq + 1));
      default:
        return facts.properties.containsKey(path);
    }
  }

  @Test
  void everyEntryAgreesWithEverySpec() {
    List<String> problems = new ArrayList<>();
    for (Feature f : Capabilities.features()) {
      for (ApiVersion v : ApiVersion.values()) {
        boolean spec = inSpec(f, v);
        boolean documented = f.documentedOnly().contains(v);
        if (documented && spec) {
          problems.add(f.path() + ": documented-only in " + v + " but the spec has it");
        } else if (!documented && spec != f.supports(v)) {
          problems.add(
              f.path()
                  + ": spec "
                  + v
                  + (spec ? " has it" : " lacks it")
                  + ", table says otherwise");
        }
        if (spec && f.kind() == Kind.READ_ONLY && !BARE.get(v).properties.get(f.path())) {
          problems.add(f.path() + ": READ_ONLY but writable in " + v);
        }
        if (spec && f.kind() == Kind.PROPERTY && BARE.get(v).properties.get(f.path())) {
          problems.add(f.path() + ": PROPERTY but read-only in " + v);
        }
      }
      assertTrue(f.versions().containsAll(f.documentedOnly()), f.path());
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everythingTheSpecsDefineHasAnEntry() {
    Set<String> missing = new TreeSet<>();
    Set<String> paths = new HashSet<>();
    Capabilities.features().forEach(f -> paths.add(f.path()));
    for (SpecFacts facts : BARE.values()) {
      facts.properties.keySet().stream().filter(p -> !paths.contains(p)).forEach(missing::add);
      facts.types.stream().filter(p -> !paths.contains(p)).forEach(missing::add);
    }
    assertEquals(Set.of(), missing);
  }

  @Test
  void requiredNessThatVariesHasAnEntry() {
    Set<String> missing = new TreeSet<>();
    Set<String> all = new TreeSet<>();
    BARE.values().forEach(f -> all.addAll(f.properties.keySet()));
    for (String p : all) {
      Set<Boolean> seen = new HashSet<>();
      for (SpecFacts facts : BARE.values()) {
        if (facts.properties.containsKey(p)) {
          seen.add(facts.required.contains(p));
        }
      }
      if (seen.size() > 1 && Capabilities.feature(p + "@required").isEmpty()) {
        missing.add(p + "@required");
      }
    }
    assertEquals(Set.of(), missing);
  }

  @Test
  void enumValuesThatVaryHaveAnEntry() {
    Set<String> missing = new TreeSet<>();
    Map<String, Set<String>> allValues = new TreeMap<>();
    BARE.values()
        .forEach(
            f ->
                f.enums.forEach(
                    (p, vs) -> allValues.computeIfAbsent(p, k -> new TreeSet<>()).addAll(vs)));
    allValues.forEach(
        (p, values) -> {
          for (String value : values) {
            boolean everywhere =
                BARE.values().stream()
                    .filter(f -> f.enums.containsKey(p))
                    .allMatch(f -> f.enums.get(p).contains(value));
            if (!everywhere && Capabilities.feature(p + "=" + value).isEmpty()) {
              missing.add(p + "=" + value);
            }
          }
        });
    assertEquals(Set.of(), missing);
  }

  @Test
  void documentationOverridesAddExactlyTheDocumentedFeaturesTo2019() {
    CompiledSpec patched = SpecLoader.compile(ApiVersion.V2019_05_01_PREVIEW, true);
    SpecFacts facts = new SpecFacts();
    walk(patched, patched.root(), "", facts, 0);
    SpecFacts bare = BARE.get(ApiVersion.V2019_05_01_PREVIEW);
    Set<String> added = new TreeSet<>(facts.properties.keySet());
    added.removeAll(bare.properties.keySet());
    Set<String> addedTypes = new TreeSet<>(facts.types);
    addedTypes.removeAll(bare.types);
    added.addAll(addedTypes);
    Set<String> documented = new TreeSet<>();
    Capabilities.features().stream()
        .filter(f -> f.documentedOnly().contains(ApiVersion.V2019_05_01_PREVIEW))
        .forEach(f -> documented.add(f.path()));
    assertEquals(documented, added);
    assertEquals(
        Set.of(
            "properties.customize[WindowsUpdate]",
            "properties.customize[WindowsUpdate].filters",
            "properties.customize[WindowsUpdate].searchCriteria",
            "properties.customize[WindowsUpdate].updateLimit",
            "properties.vmProfile.osDiskSizeGB",
            "properties.vmProfile.vnetConfig",
            "properties.vmProfile.vnetConfig.name",
            "properties.vmProfile.vnetConfig.resourceGroupName",
            "properties.vmProfile.vnetConfig.subnetName"),
        documented);
  }

  @Test
  void theWalkSeesTheWholeSpec() {
    // Guards the walker itself: a broken walk would make the checks above vacuous.
    SpecFacts latest = BARE.get(ApiVersion.V2025_10_01);
    assertTrue(
        latest.properties.containsKey(
            "properties.distribute[SharedImage].targetRegions.replicaCount"));
    assertTrue(latest.types.contains("properties.distribute[SharedImage].versioning[Latest]"));
    assertTrue(latest.required.contains("identity"));
    assertEquals(
        List.of("cleanup", "abort"),
        latest.enums.get("properties.errorHandling.onCustomizerError"));
    assertTrue(BARE.get(ApiVersion.V2019_05_01_PREVIEW).types.contains("properties.source[ISO]"));
    assertTrue(BARE.get(ApiVersion.V2021_10_01).properties.get("systemData"));
  }
}
