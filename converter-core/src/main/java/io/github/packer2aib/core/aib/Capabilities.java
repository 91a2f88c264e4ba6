package io.github.packer2aib.core.aib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which AIB API versions have which template feature: one table, kept equal to the shipped specs by
 * a test (a feature is supported in a version exactly when that version's spec has it, except the
 * documented 2019-05-01-preview additions), so the validator's "exists in other versions" messages
 * and the retargeter's drops cannot drift from the specs.
 *
 * <p>Feature paths name JSON members from the resource object, joined by dots; arrays are
 * transparent; {@code [Value]} selects a discriminated subtype ({@code
 * properties.customize[Shell]}, {@code properties.source[ISO]}); {@code .*} stands for any key of a
 * map; {@code path=Value} is one enum value of a property; {@code path@required} says the property
 * is required. A subtype's path falls back to its base's ({@code properties.customize[Shell].name}
 * → {@code properties.customize.name}).
 */
public final class Capabilities {
  private Capabilities() {}

  /** What a table entry describes. */
  public enum Kind {
    /** A property the template may set. */
    PROPERTY,
    /** A property that the service sets; templates should not. */
    READ_ONLY,
    /** A discriminator value: a source, customizer, validator, distributor or versioning type. */
    TYPE,
    /** One value of an enum property. */
    ENUM_VALUE,
    /** The property named before {@code @required} is required. */
    REQUIRED
  }

  /**
   * One table entry.
   *
   * @param path the feature path (see the class comment)
   * @param kind what it is
   * @param versions the versions that have it, oldest first
   * @param documentedOnly versions that have it by their documentation although their saved spec
   *     lacks it (mapping.md Part 1, item 15); a subset of {@code versions}
   * @param hint an extra sentence for messages, or empty
   */
  public record Feature(
      String path,
      Kind kind,
      List<ApiVersion> versions,
      List<ApiVersion> documentedOnly,
      String hint) {
    public Feature {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(kind, "kind");
      versions = List.copyOf(versions);
      documentedOnly = List.copyOf(documentedOnly);
      Objects.requireNonNull(hint, "hint");
    }

    public boolean supports(ApiVersion v) {
      return versions.contains(v);
    }
  }

  private static final ApiVersion V2019 = ApiVersion.V2019_05_01_PREVIEW;

  private static final Map<String, Feature> TABLE = build();

  private static Map<String, Feature> build() {
    Table t = new Table();
    // Resource envelope. name and type are read-only in the specs because ARM fills them from
    // the request URL; the validator checks them as the envelope before it looks at the spec.
    t.add("id", Kind.READ_ONLY, all());
    t.add("name", Kind.READ_ONLY, all());
    t.add("type", Kind.READ_ONLY, all());
    t.add("location", Kind.PROPERTY, all());
    t.add("tags", Kind.PROPERTY, all());
    t.add("systemData", Kind.READ_ONLY, from(ApiVersion.V2021_10_01));
    t.add("identity", Kind.PROPERTY, all());
    t.add(
        "identity@required",
        Kind.REQUIRED,
        from(ApiVersion.V2020_02_14),
        "From API version 2020-02-14 every image template needs a user-assigned identity.");
    t.add("identity.type", Kind.PROPERTY, all());
    t.add("identity.userAssignedIdentities", Kind.PROPERTY, all());
    t.add("identity.userAssignedIdentities.*.clientId", Kind.READ_ONLY, all());
    t.add("identity.userAssignedIdentities.*.principalId", Kind.READ_ONLY, all());

    t.add("properties", Kind.PROPERTY, all());
    t.add("properties.buildTimeoutInMinutes", Kind.PROPERTY, all());
    t.add("properties.provisioningState", Kind.READ_ONLY, all());
    t.add("properties.provisioningError", Kind.READ_ONLY, all());
    t.add("properties.lastRunStatus", Kind.READ_ONLY, all());
    t.add("properties.stagingResourceGroup", Kind.PROPERTY, from(ApiVersion.V2022_02_14));
    t.add("properties.exactStagingResourceGroup", Kind.READ_ONLY, from(ApiVersion.V2022_02_14));
    t.add("properties.errorHandling", Kind.PROPERTY, from(ApiVersion.V2023_07_01));
    t.add(
        "properties.errorHandling.onCustomizerError", Kind.PROPERTY, from(ApiVersion.V2023_07_01));
    t.add(
        "properties.errorHandling.onValidationError", Kind.PROPERTY, from(ApiVersion.V2023_07_01));
    t.add("properties.autoRun", Kind.PROPERTY, from(ApiVersion.V2024_02_01));
    t.add("properties.autoRun.state", Kind.PROPERTY, from(ApiVersion.V2024_02_01));
    t.add("properties.managedResourceTags", Kind.PROPERTY, from(ApiVersion.V2024_02_01));
    t.add("properties.additionalDataDisks", Kind.PROPERTY, from(ApiVersion.V2025_10_01));
    t.add("properties.additionalDataDisks.sizeGB", Kind.PROPERTY, from(ApiVersion.V2025_10_01));
    t.add("properties.optimize", Kind.PROPERTY, from(ApiVersion.V2022_07_01));
    t.add("properties.optimize.vmBoot", Kind.PROPERTY, from(ApiVersion.V2022_07_01));
    t.add("properties.optimize.vmBoot.state", Kind.PROPERTY, from(ApiVersion.V2022_07_01));
    for (String p : List.of("", ".state", ".scriptUri", ".sha256Checksum")) {
      t.add("properties.optimize.workload" + p, Kind.PROPERTY, from(ApiVersion.V2025_10_01));
    }

    // Build VM.
    t.add("properties.vmProfile", Kind.PROPERTY, all());
    t.add("properties.vmProfile.vmSize", Kind.PROPERTY, all());
    t.addDocumented("properties.vmProfile.osDiskSizeGB", from(ApiVersion.V2020_02_14), "");
    t.add(
        "properties.vmProfile.userAssignedIdentities", Kind.PROPERTY, from(ApiVersion.V2021_10_01));
    t.addDocumented("properties.vmProfile.vnetConfig", from(ApiVersion.V2020_02_14), "");
    t.add(
        "properties.vmProfile.vnetConfig.subnetId",
        Kind.PROPERTY,
        from(ApiVersion.V2020_02_14),
        "API version 2019-05-01-preview names the subnet by name, subnetName and resourceGroupName"
            + " instead.");
    t.add(
        "properties.vmProfile.vnetConfig.proxyVmSize", Kind.PROPERTY, from(ApiVersion.V2021_10_01));
    t.add(
        "properties.vmProfile.vnetConfig.containerInstanceSubnetId",
        Kind.PROPERTY,
        from(ApiVersion.V2024_02_01));
    for (String p : List.of("name", "subnetName", "resourceGroupName")) {
      t.addDocumented(
          "properties.vmProfile.vnetConfig." + p,
          EnumSet.noneOf(ApiVersion.class),
          "From API version 2020-02-14 vnetConfig names the subnet by its resource id in"
              + " subnetId.");
    }

    // Source (discriminator "type").
    t.add("properties.source", Kind.PROPERTY, all());
    t.add("properties.source.type", Kind.PROPERTY, all());
    t.add("properties.source[PlatformImage]", Kind.TYPE, all());
    for (String p : List.of("publisher", "offer", "sku", "version")) {
      t.add("properties.source[PlatformImage]." + p, Kind.PROPERTY, all());
    }
    for (String p : List.of("", ".planName", ".planProduct", ".planPublisher")) {
      t.add(
          "properties.source[PlatformImage].planInfo" + p,
          Kind.PROPERTY,
          from(ApiVersion.V2020_02_14));
    }
    t.add(
        "properties.source[PlatformImage].exactVersion",
        Kind.READ_ONLY,
        from(ApiVersion.V2021_10_01));
    t.add("properties.source[ManagedImage]", Kind.TYPE, all());
    t.add("properties.source[ManagedImage].imageId", Kind.PROPERTY, all());
    t.add("properties.source[SharedImageVersion]", Kind.TYPE, all());
    t.add("properties.source[SharedImageVersion].imageVersionId", Kind.PROPERTY, all());
    t.add(
        "properties.source[SharedImageVersion].exactVersion",
        Kind.READ_ONLY,
        from(ApiVersion.V2022_07_01));
    t.add(
        "properties.source[ISO]",
        Kind.TYPE,
        only(V2019),
        "The service retired ISO sources; start from a PlatformImage, ManagedImage or"
            + " SharedImageVersion instead.");
    t.add("properties.source[ISO].sourceUri", Kind.PROPERTY, only(V2019));
    t.add("properties.source[ISO].sha256Checksum", Kind.PROPERTY, only(V2019));

    // Customizers (discriminator "type").
    t.add("properties.customize", Kind.PROPERTY, all());
    t.add("properties.customize.type", Kind.PROPERTY, all());
    t.add("properties.customize.name", Kind.PROPERTY, all());
    t.add("properties.customize[Shell]", Kind.TYPE, all());
    for (String p : List.of("scriptUri", "sha256Checksum", "inline")) {
      t.add("properties.customize[Shell]." + p, Kind.PROPERTY, all());
    }
    t.add("properties.customize[PowerShell]", Kind.TYPE, all());
    for (String p :
        List.of("scriptUri", "sha256Checksum", "inline", "runElevated", "validExitCodes")) {
      t.add("properties.customize[PowerShell]." + p, Kind.PROPERTY, all());
    }
    t.add(
        "properties.customize[PowerShell].runAsSystem",
        Kind.PROPERTY,
        from(ApiVersion.V2020_02_14));
    t.add("properties.customize[File]", Kind.TYPE, all());
    for (String p : List.of("sourceUri", "destination", "sha256Checksum")) {
      t.add("properties.customize[File]." + p, Kind.PROPERTY, all());
    }
    t.add("properties.customize[WindowsRestart]", Kind.TYPE, all());
    for (String p : List.of("restartCommand", "restartCheckCommand", "restartTimeout")) {
      t.add("properties.customize[WindowsRestart]." + p, Kind.PROPERTY, all());
    }
    t.addDocumented(
        "properties.customize[WindowsUpdate]", Kind.TYPE, from(ApiVersion.V2020_02_14), "");
    for (String p : List.of("searchCriteria", "filters", "updateLimit")) {
      t.addDocumented("properties.customize[WindowsUpdate]." + p, from(ApiVersion.V2020_02_14), "");
    }

    // In-VM validation.
    ApiVersion validateFrom = ApiVersion.V2022_02_14;
    for (String p :
        List.of(
            "",
            ".continueDistributeOnFailure",
            ".sourceValidationOnly",
            ".inVMValidations",
            ".inVMValidations.type",
            ".inVMValidations.name")) {
      t.add("properties.validate" + p, Kind.PROPERTY, from(validateFrom));
    }
    String v = "properties.validate.inVMValidations";
    t.add(v + "[Shell]", Kind.TYPE, from(validateFrom));
    for (String p : List.of("scriptUri", "sha256Checksum", "inline")) {
      t.add(v + "[Shell]." + p, Kind.PROPERTY, from(validateFrom));
    }
    t.add(v + "[PowerShell]", Kind.TYPE, from(validateFrom));
    for (String p :
        List.of(
            "scriptUri",
            "sha256Checksum",
            "inline",
            "runElevated",
            "runAsSystem",
            "validExitCodes")) {
      t.add(v + "[PowerShell]." + p, Kind.PROPERTY, from(validateFrom));
    }
    t.add(v + "[File]", Kind.TYPE, from(ApiVersion.V2022_07_01));
    for (String p : List.of("sourceUri", "destination", "sha256Checksum")) {
      t.add(v + "[File]." + p, Kind.PROPERTY, from(ApiVersion.V2022_07_01));
    }

    // Distributors (discriminator "type").
    String d = "properties.distribute";
    t.add(d, Kind.PROPERTY, all());
    for (String p : List.of(".type", ".runOutputName", ".artifactTags")) {
      t.add(d + p, Kind.PROPERTY, all());
    }
    t.add(d + "[ManagedImage]", Kind.TYPE, all());
    t.add(d + "[ManagedImage].imageId", Kind.PROPERTY, all());
    t.add(d + "[ManagedImage].location", Kind.PROPERTY, all());
    String s = d + "[SharedImage]";
    t.add(s, Kind.TYPE, all());
    t.add(s + ".galleryImageId", Kind.PROPERTY, all());
    t.add(s + ".replicationRegions", Kind.PROPERTY, all());
    t.add(
        s + ".replicationRegions@required",
        Kind.REQUIRED,
        upTo(ApiVersion.V2022_02_14),
        "Before API version 2022-07-01 a SharedImage distributor must list its"
            + " replicationRegions.");
    t.add(s + ".excludeFromLatest", Kind.PROPERTY, from(ApiVersion.V2020_02_14));
    t.add(s + ".storageAccountType", Kind.PROPERTY, from(ApiVersion.V2020_02_14));
    t.add(s + ".storageAccountType=Premium_LRS", Kind.ENUM_VALUE, from(ApiVersion.V2022_07_01));
    for (String p : List.of("", ".name", ".replicaCount", ".storageAccountType")) {
      t.add(
          s + ".targetRegions" + p,
          Kind.PROPERTY,
          from(ApiVersion.V2022_07_01),
          p.isEmpty() ? "Older API versions list region names in replicationRegions instead." : "");
    }
    t.add(s + ".versioning", Kind.PROPERTY, from(ApiVersion.V2022_07_01));
    t.add(s + ".versioning.scheme", Kind.PROPERTY, from(ApiVersion.V2022_07_01));
    t.add(s + ".versioning[Latest]", Kind.TYPE, from(ApiVersion.V2022_07_01));
    t.add(s + ".versioning[Latest].major", Kind.PROPERTY, from(ApiVersion.V2022_07_01));
    t.add(s + ".versioning[Source]", Kind.TYPE, from(ApiVersion.V2022_07_01));
    t.add(s + ".replicationMode", Kind.PROPERTY, from(ApiVersion.V2025_10_01));
    t.add(d + "[VHD]", Kind.TYPE, all());
    t.add(d + "[VHD].uri", Kind.PROPERTY, from(ApiVersion.V2022_07_01));
    return Collections.unmodifiableMap(t.entries);
  }

  /** Every entry, in table order. */
  public static List<Feature> features() {
    return List.copyOf(TABLE.values());
  }

  /**
   * The entry for a path; a subtype's member falls back to its base's entry ({@code
   * properties.customize[Shell].name} → {@code properties.customize.name}).
   */
  public static Optional<Feature> feature(String path) {
    Feature f = TABLE.get(path);
    if (f != null) {
      return Optional.of(f);
    }
    String base = baseOf(path);
    return base == null ? Optional.empty() : Optional.ofNullable(TABLE.get(base));
  }

  /**
   * Whether version {@code v} has the feature.
   *
   * @throws IllegalArgumentException for a path the table lacks: that is a bug in the caller
   */
  public static boolean supports(String featurePath, ApiVersion v) {
    return require(featurePath).supports(v);
  }

  /** The versions that have a feature, oldest first; empty for a path the table lacks. */
  public static List<ApiVersion> versionsWith(String path) {
    return feature(path).map(Feature::versions).orElse(List.of());
  }

  /**
   * Availability in words, for messages: "from 2022-07-01", "only in 2019-05-01-preview", "up to
   * 2022-02-14", "from 2020-02-14 to 2022-02-14", "in 2019-05-01-preview and 2024-02-01", "in every
   * API version", "in no API version".
   */
  public static String describeAvailability(String path) {
    return describe(versionsWith(path), false);
  }

  /**
   * As {@link #describeAvailability} with the words "API version": "from API version 2022-07-01",
   * "only in API version 2019-05-01-preview", "in API versions 2020-02-14 to 2022-02-14", …
   */
  public static String describeAvailabilityInApiVersions(String path) {
    return describe(versionsWith(path), true);
  }

  /** The words for a set of versions; see {@link #describeAvailability}. */
  public static String describe(List<ApiVersion> versions, boolean withNoun) {
    String one = withNoun ? "API version " : "";
    String many = withNoun ? "API versions " : "";
    ApiVersion[] all = ApiVersion.values();
    if (versions.isEmpty()) {
      return "in no API version";
    }
    if (versions.size() == all.length) {
      return "in every API version";
    }
    ApiVersion first = versions.get(0);
    ApiVersion last = versions.get(versions.size() - 1);
    if (versions.size() == 1) {
      return "only in " + one + first.id();
    }
    boolean contiguous = last.ordinal() - first.ordinal() + 1 == versions.size();
    if (contiguous && last == all[all.length - 1]) {
      return "from " + one + first.id();
    }
    if (contiguous && first == all[0]) {
      return "up to " + one + last.id();
    }
    if (contiguous) {
      return "in " + many + first.id() + " to " + last.id();
    }
    StringBuilder b = new StringBuilder("in ").append(many);
    for (int i = 0; i < versions.size(); i++) {
      if (i > 0) {
        b.append(i == versions.size() - 1 ? " and " : ", ");
      }
      b.append(versions.get(i).id());
    }
    return b.toString();
  }

  private static Feature require(String path) {
    return feature(path)
        .orElseThrow(() -> new IllegalArgumentException("no capability entry for " + path));
  }

  /** {@code a.b[X].c} → {@code a.b.c}; null when the path does not end in a subtype's member. */
  private static String baseOf(String path) {
    int dot = path.lastIndexOf('.');
    if (dot <= 0 || path.charAt(dot - 1) != ']') {
      return null;
    }
    int open = path.lastIndexOf('[', dot);
    return open < 0 ? null : path.substring(0, open) + path.substring(dot);
  }

  private static EnumSet<ApiVersion> all() {
    return EnumSet.allOf(ApiVersion.class);
  }

  private static EnumSet<ApiVersion> from(ApiVersion first) {
    return EnumSet.range(first, ApiVersion.values()[ApiVersion.values().length - 1]);
  }

  private static EnumSet<ApiVersion> upTo(ApiVersion last) {
    return EnumSet.range(ApiVersion.values()[0], last);
  }

  private static EnumSet<ApiVersion> only(ApiVersion v) {
    return EnumSet.of(v);
  }

  /** Collects entries in order and rejects duplicates (a table typo would otherwise hide one). */
  private static final class Table {
    final Map<String, Feature> entries = new LinkedHashMap<>();

    void add(String path, Kind kind, Set<ApiVersion> versions) {
      add(path, kind, versions, "");
    }

    void add(String path, Kind kind, Set<ApiVersion> versions, String hint) {
      put(new Feature(path, kind, new ArrayList<>(versions), List.of(), hint));
    }

    /** A property that 2019-05-01-preview has by its documentation only, besides {@code spec}. */
    void addDocumented(String path, Set<ApiVersion> spec, String hint) {
      addDocumented(path, Kind.PROPERTY, spec, hint);
    }

    void addDocumented(String path, Kind kind, Set<ApiVersion> spec, String hint) {
      EnumSet<ApiVersion> versions = EnumSet.of(V2019);
      versions.addAll(spec);
      put(new Feature(path, kind, new ArrayList<>(versions), List.of(V2019), hint));
    }

    private void put(Feature f) {
      if (entries.put(f.path(), f) != null) {
        throw new IllegalStateException("duplicate capability entry " + f.path());
      }
    }
  }
}
