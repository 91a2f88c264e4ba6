package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.BoolValue;
import io.github.packer2aib.core.aib.Distributor;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.aib.TargetRegion;
import io.github.packer2aib.core.aib.Versioning;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The azure-arm capture fields → {@code properties.distribute} (mapping.md §A.2): a managed image,
 * a gallery image version (with regions, storage, versioning per API version) and a VHD, each with
 * the template's tags as {@code artifactTags} and a unique {@code runOutputName}.
 */
final class DestinationMapper {
  private static final Set<String> STORAGE_TYPES =
      Set.of("Standard_LRS", "Standard_ZRS", "Premium_LRS");
  private static final String SIG = "properties.distribute[SharedImage]";

  /** The fields of a target_region block (the Azure plugin's TargetRegion). */
  private static final List<String> TARGET_REGION_FIELDS =
      List.of("name", "replicas", "disk_encryption_set_id", "storage_account_type");

  private final Unit u;
  private final Fields f;
  private final Map<String, String> tags;
  private final Set<String> runOutputNames = new HashSet<>();
  private final List<Range> distributorRanges = new ArrayList<>();

  DestinationMapper(Unit unit, Fields fields, Map<String, String> tags) {
    this.u = unit;
    this.f = fields;
    this.tags = tags;
  }

  // ------------------------------------------------------------------ destinations

  List<Distributor> map() {
    List<Distributor> out = new ArrayList<>();
    if (f.bool("skip_create_image").orElse(false)) {
      u.report.add(
          PackerMapCode.FIELD_REFUSED,
          f.nameRange("skip_create_image"),
          "skip_create_image = true runs the provisioners without capturing an image; Image"
              + " Builder always distributes an image. Remove skip_create_image, or test the"
              + " provisioners another way (for instance with properties.validate).");
    }
    boolean any =
        f.has("managed_image_name")
            || f.has("managed_image_resource_group_name")
            || f.has("shared_image_gallery_destination")
            || f.has("capture_container_name")
            || f.has("capture_name_prefix");
    // Plain ifs: in C1 code each bound method reference is an allocation through a method handle.
    addIfPresent(out, managedImageTarget());
    addIfPresent(out, galleryTarget());
    addIfPresent(out, vhdTarget());
    if (!any) {
      noDestination();
    }
    olderPluginsRefuse();
    for (int i = 0; i < out.size(); i++) {
      u.trace.put("/properties/distribute/" + i, distributorRanges.get(i));
    }
    return out;
  }

  /** The fields that name a destination, by the destination they name. */
  private static final List<List<String>> DESTINATION_FIELDS =
      List.of(
          List.of("managed_image_name", "managed_image_resource_group_name"),
          List.of("shared_image_gallery_destination"),
          List.of("capture_container_name", "capture_name_prefix"));

  /**
   * Says that the source captures no image. When fields of a destination are written but empty (a
   * variable or environment variable without a value, which Packer reads as not set), says so at
   * the first of them, with what else that destination needs, as E108 says it of a pair with one
   * empty half ({@link BuilderChecks#absentOrEmpty}).
   */
  private void noDestination() {
    Fields.WrittenButEmpty written = f.writtenButEmpty(DESTINATION_FIELDS);
    List<String> empty = written.fields();
    String partners = written.partners();
    u.report.add(
        PackerMapCode.NO_DESTINATION,
        empty.isEmpty() ? f.range() : f.nameRange(empty.get(0)),
        "The source captures no image: "
            + (empty.isEmpty()
                ? "set managed_image_name with managed_image_resource_group_name, a"
                    + " shared_image_gallery_destination block, or capture_container_name with"
                    + " capture_name_prefix."
                : BuilderChecks.absentOrEmpty(f, empty) + partners));
  }

  /**
   * A VHD beside a managed image, or storage_account and resource_group_name (a VHD's storage)
   * beside a managed image or gallery destination. Packer 1.6.6 and the Azure plugin before 2.5.0
   * refuse them (Config.Prepare: "Either a VHD or a managed image can be built, but not both", and
   * the exclusive or of a VHD's storage and the other destinations; 1.6.6 names only the managed
   * image there), while 2.5.0 and later, which copy the VHD from a managed disk, accept them (pull
   * request 522: "Allow building managed image and VHD at the same time"), and the converted
   * template distributes every destination. So it is a warning, as for allowed_inbound_ip_addresses
   * beside virtual_network_name, not an error: refusing would refuse templates the current plugin
   * builds. Given at the field that makes the combination, once.
   */
  private void olderPluginsRefuse() {
    String vhd = PluginRefusals.firstSet(f, "capture_container_name", "capture_name_prefix");
    String managed =
        PluginRefusals.firstSet(f, "managed_image_name", "managed_image_resource_group_name");
    List<String> storage = new ArrayList<>();
    List<String> vhdFields = new ArrayList<>();
    for (String k :
        List.of(
            "capture_container_name",
            "capture_name_prefix",
            "storage_account",
            "resource_group_name")) {
      if (f.has(k)) {
        (k.startsWith("capture_") ? vhdFields : storage).add(k);
      }
    }
    vhdFields.addAll(storage);
    if (vhd != null && managed != null) {
      List<String> managedFields = new ArrayList<>();
      for (String k : List.of("managed_image_name", "managed_image_resource_group_name")) {
        if (f.has(k)) {
          managedFields.add(k);
        }
      }
      u.report.add(
          PackerMapCode.OLDER_PLUGINS_REFUSE,
          f.nameRange(vhd),
          "Packer 1.6.6 and Azure plugins before 2.5.0 refuse a VHD beside a managed image"
              + " (\"Either a VHD or a managed image can be built, but not both. Please specify"
              + " either capture_container_name and capture_name_prefix or"
              + " managed_image_resource_group_name and managed_image_name.\"); plugin 2.5.0 and"
              + " later accept both, and the converted template distributes both. With an older"
              + " version this template never ran as written: keep the destination you need, and"
              + " remove "
              + Words.and(vhdFields)
              + " (the VHD) or "
              + Words.and(managedFields)
              + " (the managed image).",
          f.nameRange(managed),
          managed + " set here");
      return;
    }
    String other = managed != null ? managed : "shared_image_gallery_destination";
    if (storage.isEmpty() || (managed == null && !f.has(other))) {
      return;
    }
    boolean one = storage.size() == 1;
    u.report.add(
        PackerMapCode.OLDER_PLUGINS_REFUSE,
        f.nameRange(storage.get(0)),
        (managed != null ? "Packer 1.6.6 and Azure plugins" : "Azure plugins")
            + " before 2.5.0 refuse "
            + Words.and(storage)
            + (managed != null ? " beside a managed image" : " beside a gallery destination")
            + " (\"Specify either a VHD (storage_account and resource_group_name), a Managed Image"
            + " (managed_image_resource_group_name and managed_image_name) or a Shared Image"
            + " Gallery (shared_image_gallery_destination) output (Managed Images can also be"
            + " published to Shared Image Galleries)\"); plugin 2.5.0 and later accept "
            + (one ? "it" : "them")
            + (vhd != null
                ? ". With an older version this template never ran as written: keep the"
                    + " destination you need, and remove "
                    + Words.and(vhdFields)
                    + " (the VHD) or shared_image_gallery_destination."
                : ". Without capture_container_name and capture_name_prefix "
                    + (one
                        ? "it makes no VHD, so it was dropped"
                        : "they make no VHD, so they were dropped")
                    + "; with an older version this template never ran as written: remove "
                    + (one ? "it." : "them.")),
        f.nameRange(other),
        other + " set here");
  }

  private static void addIfPresent(List<Distributor> out, Optional<Distributor> d) {
    if (d.isPresent()) {
      out.add(d.get());
    }
  }

  private Optional<Distributor> managedImageTarget() {
    if (!f.has("managed_image_name") && !f.has("managed_image_resource_group_name")) {
      return Optional.empty();
    }
    if (!f.written("managed_image_name") && f.has("shared_image_gallery_destination")) {
      // The Azure plugin 2 makes a managed image only when managed_image_name is set
      // (isManagedImage); without it, it publishes straight to the gallery and the group is unused.
      // Its name is still checked (assertResourceGroupName): Packer refuses a bad one all the same.
      Optional<String> unused = f.string("managed_image_resource_group_name", null);
      if (unused.isPresent()
          && !ResourceNames.check(
              u,
              f,
              "managed_image_resource_group_name",
              unused.get(),
              ResourceName.PLUGIN_RESOURCE_GROUP,
              "")) {
        return Optional.empty();
      }
      u.report.add(
          PackerMapCode.FIELD_DROPPED,
          f.nameRange("managed_image_resource_group_name"),
          "managed_image_resource_group_name is set without managed_image_name, so the Azure"
              + " plugin (version 2 and later) makes no managed image and publishes only to the"
              + " shared_image_gallery_destination; it was dropped, and only the gallery image"
              + " version is distributed. Add managed_image_name to distribute a managed image"
              + " too.");
      return Optional.empty();
    }
    final String dest = "properties.distribute[].imageId";
    Optional<String> name = f.string("managed_image_name", dest);
    Optional<String> group = f.string("managed_image_resource_group_name", dest);
    if (!required("managed_image_name", "managed_image_resource_group_name")) {
      return Optional.empty();
    }
    if (name.isEmpty() || group.isEmpty() || u.location == null) {
      // Refused (a sensitive value, a wrong type) or no location: the subscription's own problems
      // are told in the same run, not only once this one is fixed.
      u.subscription("managed_image_name", f.nameRange("managed_image_name"));
      return Optional.empty();
    }
    boolean groupFits =
        ResourceNames.check(
            u,
            f,
            "managed_image_resource_group_name",
            group.get(),
            ResourceName.PLUGIN_RESOURCE_GROUP,
            "");
    if (!isManagedImageName(name.get())) {
      u.subscription("managed_image_name", f.nameRange("managed_image_name"));
      // Packer refuses such a name before it builds; Image Builder only when it distributes, at
      // the end of a build that has run for an hour (img-{{isotime}} holds colons).
      u.report.add(
          PackerMapCode.INVALID_VALUE,
          f.take("managed_image_name").get().valueRange(),
          "managed_image_name must start with a letter or digit, hold only letters, digits and"
              + " - _ . ) (at most 80 characters) and not end with - or ., as Azure's image names"
              + " and the Azure plugin require, but it is \""
              + name.get()
              + "\": Packer refuses the template, and Image Builder would fail when it distributes"
              + " the image, after the build. Fix the value (clean_resource_name replaces the"
              + " other characters with -).");
      return Optional.empty();
    }
    Optional<String> sub = u.subscription("managed_image_name", f.nameRange("managed_image_name"));
    if (sub.isEmpty() || !groupFits) {
      return Optional.empty();
    }
    distributorRanges.add(f.nameRange("managed_image_name"));
    return Optional.of(
        new Distributor.ManagedImage(
            ArmIds.managedImage(sub.get(), group.get(), name.get()),
            u.location,
            runOutputName(name.get(), "managed-image", f.nameRange("managed_image_name")),
            artifactTags()));
  }

  private Optional<Distributor> galleryTarget() {
    Optional<Fields> nested = f.nested("shared_image_gallery_destination");
    List<String> topLevel =
        List.of(
            "shared_image_gallery_replica_count",
            "shared_gallery_image_version_exclude_from_latest");
    if (nested.isEmpty()) {
      for (String k : topLevel) {
        if (f.has(k)) {
          f.consume(k);
          u.report.add(
              PackerMapCode.FIELD_DROPPED,
              f.nameRange(k),
              k
                  + " applies only to a shared_image_gallery_destination, which this source does"
                  + " not have; it was dropped.");
        }
      }
      return Optional.empty();
    }
    Fields d = nested.get();
    final String dest = "properties.distribute[].galleryImageId";
    Optional<String> sub = u.nestedSubscription(d, "shared_image_gallery_destination", dest);
    sub.ifPresent(
        id ->
            u.checkSubscriptionId(
                id, "shared_image_gallery_destination.subscription", d.valueRange("subscription")));
    Optional<String> group = d.string("resource_group", dest);
    Optional<String> gallery = d.string("gallery_name", dest);
    Optional<String> image = d.string("image_name", dest);
    Optional<String> version = d.string("image_version", dest);
    List<String> missing = new ArrayList<>();
    for (String k : List.of("resource_group", "gallery_name", "image_name")) {
      if (!d.has(k)) {
        missing.add(k);
      }
    }
    if (!missing.isEmpty()) {
      u.report.add(
          PackerMapCode.MISSING_FIELD,
          BuilderChecks.missingAt(d, missing, d.range()),
          "shared_image_gallery_destination needs resource_group, gallery_name and image_name,"
              + " but "
              + BuilderChecks.absentOrEmpty(d, missing));
    }
    if (d.bool("specialized").orElse(false)) {
      u.report.add(
          PackerMapCode.FIELD_REFUSED,
          d.nameRange("specialized"),
          "Image Builder always generalizes the image, so it cannot publish a specialized image"
              + " version. Remove specialized, or build the specialized image with Packer.");
    }
    String replicationMode = null;
    boolean shallow = d.bool("use_shallow_replication").orElse(false);
    if (shallow) {
      if (u.supports(SIG + ".replicationMode")) {
        replicationMode = "Shallow";
      } else {
        u.report.add(
            PackerMapCode.REFUSED_IN_API_VERSION,
            d.nameRange("use_shallow_replication"),
            "use_shallow_replication becomes replicationMode = \"Shallow\", which exists "
                + Unit.availability(SIG + ".replicationMode")
                + ", not in "
                + u.api.id()
                + ". Choose that API version, or remove use_shallow_replication.");
      }
    }
    if (d.has("confidential_vm_image_encryption_type")) {
      d.consume("confidential_vm_image_encryption_type");
      u.report.add(
          PackerMapCode.NO_EQUIVALENT,
          d.nameRange("confidential_vm_image_encryption_type"),
          "Image Builder has no setting for the confidential VM encryption of the image version;"
              + " confidential_vm_image_encryption_type was dropped.");
    }
    Optional<String> storage = storageAccountType(d, SIG + ".storageAccountType");
    Optional<List<String>> replicationRegions =
        d.strings("replication_regions", SIG + ".targetRegions")
            .map(names -> regionNames(d, "replication_regions", names));
    List<Fields> targetRegionBlocks = d.nestedList("target_region");
    Optional<Long> replicaCount =
        replicas(
            f,
            "shared_image_gallery_replica_count",
            f.integer("shared_image_gallery_replica_count", SIG + ".targetRegions[].replicaCount"));
    Optional<Boolean> exclude = f.bool("shared_gallery_image_version_exclude_from_latest");
    unknownFields(
        d,
        List.of(
            "subscription",
            "resource_group",
            "gallery_name",
            "image_name",
            "image_version",
            "replication_regions",
            "target_region",
            "storage_account_type",
            "specialized",
            "use_shallow_replication",
            "confidential_vm_image_encryption_type"));
    if (!targetRegionBlocks.isEmpty() && d.has("replication_regions")) {
      u.report.add(
          PackerMapCode.CONFLICTING_FIELDS,
          targetRegionBlocks.get(0).range(),
          "Packer accepts either replication_regions or target_region blocks, not both. Keep"
              + " one of them.",
          d.nameRange("replication_regions"),
          "replication_regions set here");
    }
    if (!targetRegionBlocks.isEmpty() && f.has("shared_image_gallery_replica_count")) {
      u.report.add(
          PackerMapCode.CONFLICTING_FIELDS,
          f.nameRange("shared_image_gallery_replica_count"),
          "Packer accepts either shared_image_gallery_replica_count or replicas in target_region"
              + " blocks, not both. Set replicas in each target_region instead.",
          targetRegionBlocks.get(0).range(),
          "target_region block");
    }
    if (shallow) {
      shallowRegionsAndReplicas(d, targetRegionBlocks, replicationRegions, replicaCount);
    }
    if (!missing.isEmpty() || group.isEmpty() || gallery.isEmpty() || image.isEmpty()) {
      return Optional.empty();
    }
    if (d.has("subscription") && sub.isEmpty()) {
      return Optional.empty();
    }
    final String afterTheBuild =
        "Image Builder would fail only when it distributes the image, after the build.";
    boolean fit =
        ResourceNames.check(
                u, d, "resource_group", group.get(), ResourceName.RESOURCE_GROUP, afterTheBuild)
            & ResourceNames.check(
                u, d, "gallery_name", gallery.get(), ResourceName.GALLERY, afterTheBuild)
            & ResourceNames.check(
                u, d, "image_name", image.get(), ResourceName.GALLERY_IMAGE, afterTheBuild);
    if (!fit) {
      return Optional.empty();
    }
    Optional<String> subscription =
        sub.isPresent() ? sub : u.subscription("shared_image_gallery_destination", d.range());
    if (subscription.isEmpty() || u.location == null) {
      return Optional.empty();
    }
    String definition =
        ArmIds.galleryImage(subscription.get(), group.get(), gallery.get(), image.get());
    String galleryImageId = definition;
    Versioning versioning = null;
    boolean automatic = u.options.galleryVersioning() == MapOptions.GalleryVersioning.LATEST;
    Range versionAt = d.nameRange("image_version");
    if (automatic && !u.supports(SIG + ".versioning")) {
      u.report.add(
          PackerMapCode.NOT_IN_API_VERSION,
          d.has("image_version") ? versionAt : d.range(),
          "--gallery-versioning latest asks Image Builder to number versions itself, which it"
              + " does "
              + Unit.availability(SIG + ".versioning")
              + ", not in "
              + u.api.id()
              + (d.has("image_version")
                  ? "; the explicit image_version is kept."
                  : "; the template names no version."));
      automatic = false;
    }
    if (automatic) {
      versioning = new Versioning.Latest(null);
      if (version.isPresent()) {
        u.report.add(
            PackerMapCode.GALLERY_VERSION_DROPPED,
            versionAt,
            "image_version = \""
                + version.get()
                + "\" was dropped because of --gallery-versioning latest: Image Builder gives"
                + " each build the next version after the latest one in the image definition.");
      }
    } else if (version.isPresent()) {
      if (!isGalleryVersion(version.get())) {
        u.report.add(
            PackerMapCode.INVALID_VALUE,
            d.take("image_version").get().valueRange(),
            "shared_image_gallery_destination.image_version must have the form"
                + " Major.Minor.Patch (such as 1.0.0), each a whole number up to 2147483647 as"
                + " Azure requires, but it is \""
                + version.get()
                + "\". Fix the value in the template.");
        return Optional.empty();
      }
      galleryImageId = definition + "/versions/" + version.get();
      u.report.add(
          PackerMapCode.GALLERY_VERSION_KEPT,
          versionAt,
          "The image version "
              + version.get()
              + " is written into galleryImageId, as Packer publishes it. Image Builder refuses"
              + " to build a version that already exists, so the template can run only once"
              + " unless you change the version before each run"
              + (u.supports(SIG + ".versioning")
                  ? "; pass --gallery-versioning latest to let Image Builder number versions."
                  : "."));
    } else if (!d.has("image_version")) {
      boolean latest = u.supports(SIG + ".versioning");
      String orLatest = "pass --gallery-versioning latest to let Image Builder number versions.";
      u.report.add(
          PackerMapCode.MISSING_FIELD,
          BuilderChecks.missingAt(d, List.of("image_version"), d.range()),
          d.written("image_version")
              ? "Packer requires the image_version (Major.Minor.Patch) of a"
                  + " shared_image_gallery_destination, but "
                  + BuilderChecks.absentOrEmpty(d, List.of("image_version"))
                  + (latest ? " Or " + orLatest : "")
              : "shared_image_gallery_destination has no image_version, which Packer requires."
                  + " Set image_version (Major.Minor.Patch)"
                  + (latest ? ", or " + orLatest : "."));
      return Optional.empty();
    } else {
      return Optional.empty(); // unknown or sensitive: reported
    }
    List<String> replication = null;
    List<TargetRegion> targets = null;
    String storageType = null;
    BoolValue excludeFromLatest = null;
    if (u.supports(SIG + ".targetRegions")) {
      targets = new ArrayList<>();
      if (!targetRegionBlocks.isEmpty()) {
        for (Fields t : targetRegionBlocks) {
          Optional<String> name =
              t.string("name", SIG + ".targetRegions[].name").map(n -> regionName(t, n));
          Optional<Long> replicas =
              replicas(t, "replicas", t.integer("replicas", SIG + ".targetRegions[].replicaCount"));
          // The region's own storage type, else the destination's (as the plugin reads them).
          Optional<String> regionStorage =
              storageAccountType(t, SIG + ".targetRegions[].storageAccountType").or(() -> storage);
          desOnTargetRegion(t);
          unknownFields(t, TARGET_REGION_FIELDS);
          if (shallow && replicas.isPresent() && replicas.get() > 1) {
            // The plugin documents it ("the value can only be 1") without checking it; Azure
            // refuses such a version when it publishes it.
            u.report.add(
                PackerMapCode.CONFLICTING_FIELDS,
                t.valueRange("replicas"),
                "With use_shallow_replication the image version has one replica in the build region"
                    + " (the Azure plugin's documentation: \"the value can only be 1\"), but "
                    + t.name("replicas")
                    + " is "
                    + replicas.get()
                    + ": Azure would refuse the version when it is published, after the build."
                    + " Remove replicas, or remove use_shallow_replication.",
                d.nameRange("use_shallow_replication"),
                "use_shallow_replication set here");
          }
          if (!t.has("name")) {
            u.report.add(
                PackerMapCode.MISSING_FIELD,
                BuilderChecks.missingAt(t, List.of("name"), t.range()),
                "A target_region block needs a name (the region)"
                    + BuilderChecks.missingOrEmpty(t, "name", ". Add name = \"…\"."));
          }
          if (name.isPresent()) {
            targets.add(
                new TargetRegion(
                    name.get(),
                    replicas.map(IntValue::of).orElse(null),
                    regionStorage.orElse(null)));
          }
        }
        List<String> named = new ArrayList<>();
        for (TargetRegion t : targets) {
          named.add(t.name());
        }
        if (targets.size() == targetRegionBlocks.size()
            && !d.has("replication_regions") // refused above
            && buildLocationAdded(named, targetRegionBlocks.get(0).range(), "target_region")) {
          targets.add(new TargetRegion(Regions.normalized(u.location), null, storage.orElse(null)));
        }
      } else {
        List<String> names = replicationRegions.orElse(List.of(u.location));
        if (replicationRegions.isPresent()
            && buildLocationAdded(
                names, d.nameRange("replication_regions"), "replication_regions")) {
          names = new ArrayList<>(names);
          names.add(Regions.normalized(u.location));
        }
        for (String n : names) {
          targets.add(
              new TargetRegion(
                  n, replicaCount.map(IntValue::of).orElse(null), storage.orElse(null)));
        }
        if (replicationRegions.isPresent()) {
          u.report.add(
              PackerMapCode.FIELD_REWRITTEN,
              d.nameRange("replication_regions"),
              "replication_regions becomes targetRegions, which replaces replicationRegions from"
                  + " API version 2022-07-01"
                  + (replicaCount.isPresent()
                      ? ", with shared_image_gallery_replica_count as each"
                          + " region's replicaCount."
                      : "."));
        }
      }
    } else {
      if (!targetRegionBlocks.isEmpty()) {
        replication = new ArrayList<>();
        int named = 0;
        for (Fields t : targetRegionBlocks) {
          Optional<String> name =
              t.string("name", SIG + ".replicationRegions").map(n -> regionName(t, n));
          if (name.isPresent()) {
            replication.add(name.get());
            named++;
          }
          desOnTargetRegion(t);
          dropBeforeTargetRegions(
              t,
              "storage_account_type",
              "no storage type per region",
              "the region gets the image version's");
          dropBeforeTargetRegions(
              t, "replicas", "no replica count", "each region gets Image Builder's default");
          unknownFields(t, TARGET_REGION_FIELDS);
        }
        if (named == targetRegionBlocks.size()
            && !d.has("replication_regions") // refused above
            && buildLocationAdded(
                replication, targetRegionBlocks.get(0).range(), "target_region")) {
          replication.add(Regions.normalized(u.location));
        }
      } else {
        replication = new ArrayList<>(replicationRegions.orElse(List.of(u.location)));
        if (replicationRegions.isPresent()
            && buildLocationAdded(
                replication, d.nameRange("replication_regions"), "replication_regions")) {
          replication.add(Regions.normalized(u.location));
        }
      }
      if (replicaCount.isPresent()) {
        u.report.add(
            PackerMapCode.NOT_IN_API_VERSION,
            f.nameRange("shared_image_gallery_replica_count"),
            "API version "
                + u.api.id()
                + " has no replica count (targetRegions[].replicaCount exists "
                + Unit.availability(SIG + ".targetRegions")
                + "); shared_image_gallery_replica_count was dropped.");
      }
      if (storage.isPresent()) {
        if (!u.supports(SIG + ".storageAccountType")) {
          u.report.add(
              PackerMapCode.NOT_IN_API_VERSION,
              d.nameRange("storage_account_type"),
              "storageAccountType exists "
                  + Unit.availability(SIG + ".storageAccountType")
                  + ", not in "
                  + u.api.id()
                  + "; storage_account_type was dropped and the image version uses Standard_LRS.");
        } else if (storage.get().equals("Premium_LRS")
            && !u.supports(SIG + ".storageAccountType=Premium_LRS")) {
          u.report.add(
              PackerMapCode.REFUSED_IN_API_VERSION,
              d.nameRange("storage_account_type"),
              "Image Builder accepts Premium_LRS for gallery image versions "
                  + Unit.availability(SIG + ".storageAccountType=Premium_LRS")
                  + ", not in "
                  + u.api.id()
                  + ". Choose a newer API version or another storage_account_type.");
        } else {
          storageType = storage.get();
        }
      }
    }
    if (exclude.isPresent()) {
      if (u.supports(SIG + ".excludeFromLatest")) {
        excludeFromLatest = BoolValue.of(exclude.get());
      } else {
        u.report.add(
            PackerMapCode.NOT_IN_API_VERSION,
            f.nameRange("shared_gallery_image_version_exclude_from_latest"),
            "excludeFromLatest exists "
                + Unit.availability(SIG + ".excludeFromLatest")
                + ", not in "
                + u.api.id()
                + "; shared_gallery_image_version_exclude_from_latest was dropped.");
      }
    }
    if (shallow) {
      List<String> regionsOut = new ArrayList<>();
      if (targets != null) {
        for (TargetRegion t : targets) {
          regionsOut.add(t.name());
        }
      } else {
        regionsOut.addAll(replication);
      }
      shallowBuildRegion(
          d, targetRegionBlocks, replicationRegions.map(List::size).orElse(0), regionsOut);
    }
    distributorRanges.add(d.range());
    return Optional.of(
        new Distributor.SharedImage(
            galleryImageId,
            runOutputName(image.get(), "gallery-image", d.range()),
            artifactTags(),
            replication,
            targets,
            versioning,
            excludeFromLatest,
            storageType,
            replicationMode));
  }

  /**
   * Refuses what the Azure plugin refuses beside use_shallow_replication (Config.Prepare): more
   * than one region ({@code ValidateShallowReplicationRegion}, which counts the target_region
   * blocks or the replication_regions) and a shared_image_gallery_replica_count above 1. A shallow
   * image version stays in the build region with one replica, so the converted template asked the
   * gallery for what it cannot do.
   */
  private void shallowRegionsAndReplicas(
      Fields d,
      List<Fields> targetRegionBlocks,
      Optional<List<String>> replicationRegions,
      Optional<Long> replicaCount) {
    Range flag = d.nameRange("use_shallow_replication");
    int regions = replicationRegions.map(List::size).orElse(0);
    if (targetRegionBlocks.size() > 1 || regions > 1) {
      boolean blocks = targetRegionBlocks.size() > 1;
      u.report.add(
          PackerMapCode.CONFLICTING_FIELDS,
          blocks ? targetRegionBlocks.get(1).range() : d.nameRange("replication_regions"),
          "Packer refuses use_shallow_replication with "
              + (blocks ? "more than one target_region block" : "more than one replication region")
              + " (\"when `use_shallow_replication` there can only be one destination region set"
              + " matching the build location of the Shared Image Gallery.\"): a shallow image"
              + " version is published only in the build region. Keep only the build location, or"
              + " remove use_shallow_replication.",
          flag,
          "use_shallow_replication set here");
    }
    if (replicaCount.isPresent() && replicaCount.get() > 1) {
      u.report.add(
          PackerMapCode.CONFLICTING_FIELDS,
          f.valueRange("shared_image_gallery_replica_count"),
          "Packer refuses shared_image_gallery_replica_count above 1 with use_shallow_replication"
              + " (\"When using shallow replication the replica count can only be 1\"). Remove"
              + " shared_image_gallery_replica_count, or remove use_shallow_replication.",
          flag,
          "use_shallow_replication set here");
    }
  }

  /**
   * Refuses a shallow image version whose one region is not the build location: the plugin (and the
   * converter, {@link #buildLocationAdded}) adds the build location beside it, and Azure refuses a
   * shallow version in two regions when it publishes it, after the build ("Can not contain any
   * region but the build region when using shallow replication").
   *
   * @param replicationRegions how many regions replication_regions names
   * @param regions the regions the image version is replicated to, the build location added last
   */
  private void shallowBuildRegion(
      Fields d, List<Fields> targetRegionBlocks, int replicationRegions, List<String> regions) {
    boolean blocks = !targetRegionBlocks.isEmpty();
    // More than one named is refused above; none leaves only the build location.
    boolean one = blocks ? targetRegionBlocks.size() == 1 : replicationRegions == 1;
    if (!one || regions.size() != 2) {
      return;
    }
    String field = blocks ? "the target_region block" : "replication_regions";
    u.report.add(
        PackerMapCode.CONFLICTING_FIELDS,
        blocks ? targetRegionBlocks.get(0).range() : d.nameRange("replication_regions"),
        "With use_shallow_replication the image version is published only in the build region"
            + " (the Azure plugin: \"Can not contain any region but the build region when using"
            + " shallow replication\"), but "
            + field
            + " names "
            + regions.get(0)
            + ", not the build location ("
            + Regions.normalized(u.location)
            + "), which the Azure plugin adds beside it: Azure would refuse the version when it is"
            + " published, after the build. Name only the build location, or remove"
            + " use_shallow_replication.",
        d.nameRange("use_shallow_replication"),
        "use_shallow_replication set here");
  }

  /**
   * A {@code storage_account_type} of {@code in} (the destination or one of its target_region
   * blocks); an invalid value is reported and read as unset.
   */
  private Optional<String> storageAccountType(Fields in, String destination) {
    Optional<String> type = in.string("storage_account_type", destination);
    if (type.isPresent() && !STORAGE_TYPES.contains(type.get())) {
      u.report.add(
          PackerMapCode.INVALID_VALUE,
          in.take("storage_account_type").get().valueRange(),
          "storage_account_type must be Standard_LRS, Standard_ZRS or Premium_LRS, but it is \""
              + type.get()
              + "\". Fix the value in the template.");
      return Optional.empty();
    }
    return type;
  }

  private void desOnTargetRegion(Fields t) {
    if (t.has("disk_encryption_set_id")) {
      t.consume("disk_encryption_set_id");
      u.report.add(
          PackerMapCode.FIELD_REFUSED,
          t.nameRange("disk_encryption_set_id"),
          "Image Builder cannot encrypt a replicated image version with a disk encryption set,"
              + " so the image would not be encrypted as requested. Remove"
              + " disk_encryption_set_id and encrypt the replicas after the build, or build this"
              + " image with Packer.");
    }
  }

  private Optional<Distributor> vhdTarget() {
    boolean capture = f.has("capture_container_name") || f.has("capture_name_prefix");
    if (!capture) {
      // Beside a managed image or gallery destination the warning that older plugins refuse them
      // (olderPluginsRefuse) says that they were dropped.
      boolean told =
          f.has("managed_image_name")
              || f.has("managed_image_resource_group_name")
              || f.has("shared_image_gallery_destination");
      for (String k : List.of("storage_account", "resource_group_name")) {
        if (f.has(k)) {
          f.consume(k);
          if (told) {
            continue;
          }
          u.report.add(
              PackerMapCode.FIELD_DROPPED,
              f.nameRange(k),
              k
                  + " is used only for VHD output (capture_container_name and"
                  + " capture_name_prefix), which this source does not have; it was dropped.");
        }
      }
      return Optional.empty();
    }
    final String dest = "properties.distribute[].uri";
    Optional<String> container = f.string("capture_container_name", dest);
    Optional<String> prefix = f.string("capture_name_prefix", dest);
    Optional<String> account = f.string("storage_account", dest);
    // The Azure plugin checks the container's name whatever else is set; Azure's rules for blob
    // containers are the same, so Image Builder would fail when it writes the VHD.
    boolean containerFits =
        container.isEmpty()
            || ResourceNames.check(
                u,
                f,
                "capture_container_name",
                container.get(),
                ResourceName.CAPTURE_CONTAINER,
                "");
    boolean pair = required("capture_container_name", "capture_name_prefix");
    boolean storageMissing = vhdStorageMissing();
    if (f.has("resource_group_name")) {
      f.consume("resource_group_name");
      // Beside the error, which names resource_group_name, a note that it was dropped says nothing.
      if (!storageMissing) {
        u.report.add(
            PackerMapCode.FIELD_DROPPED,
            f.nameRange("resource_group_name"),
            "resource_group_name names the resource group of Packer's storage_account; Image"
                + " Builder addresses the VHD by its URI alone, so it was dropped.");
      }
    }
    if (!containerFits || !pair || container.isEmpty() || prefix.isEmpty()) {
      return Optional.empty();
    }
    if (storageMissing) {
      // Only resource_group_name missing: the account's own problem is told in the same run.
      if (account.isPresent()) {
        storageAccountFits(account.get());
      }
      return Optional.empty();
    }
    Range at = f.nameRange("capture_container_name");
    String uri = null;
    if (!u.supports("properties.distribute[VHD].uri")) {
      u.report.add(
          PackerMapCode.VHD_LOCATION,
          at,
          "Packer writes the VHD to the container capture_container_name of the storage account"
              + " storage_account. In API version "
              + u.api.id()
              + " Image Builder chooses the VHD's location itself (a storage account in its"
              + " staging resource group, deleted with the template); the VHD's URI is reported in"
              + " the run output. Copy the VHD from there, or choose API version 2022-07-01 or"
              + " later, where the converter can set uri.");
    } else if (account.isEmpty()) {
      u.report.add(
          PackerMapCode.VHD_LOCATION,
          at,
          "The source has no storage_account, so the VHD distributor gets no uri: Image Builder"
              + " writes the VHD to a storage account in its staging resource group, which is"
              + " deleted with the template. Set storage_account to keep the VHD in your own"
              + " account.");
    } else if (storageSuffix().isEmpty()) {
      u.report.add(
          PackerMapCode.VHD_LOCATION,
          at,
          "cloud_environment_name names a cloud whose storage address the converter does not"
              + " know, so the VHD distributor gets no uri: Image Builder writes the VHD to a"
              + " storage account in its staging resource group, which is deleted with the"
              + " template. Set the VHD target's uri to https://"
              + account.get()
              + ".blob.<storage suffix of your cloud>/"
              + container.get()
              + "/"
              + prefix.get()
              + ".vhd yourself.");
    } else if (!storageAccountFits(account.get())) {
      return Optional.empty();
    } else {
      uri =
          "https://"
              + account.get()
              + ".blob."
              + storageSuffix().get()
              + "/"
              + container.get()
              + "/"
              + prefix.get()
              + ".vhd";
      u.report.add(
          PackerMapCode.VHD_LOCATION,
          at,
          "The VHD is written to "
              + uri
              + ". Packer names the blob <prefix>-osDisk.<id>.vhd under system/Microsoft.Compute/"
              + "Images/<container>/ instead, and the template identity needs the Storage Blob"
              + " Data Contributor role on that container.");
    }
    distributorRanges.add(at);
    return Optional.of(
        new Distributor.Vhd(uri, runOutputName(prefix.get(), "vhd", at), artifactTags()));
  }

  /** Whether storage_account is a name Azure takes (reported when not). */
  private boolean storageAccountFits(String account) {
    return ResourceNames.check(
        u,
        f,
        "storage_account",
        account,
        ResourceName.STORAGE_ACCOUNT,
        "Image Builder would fail only when it writes the VHD, after the build.");
  }

  /**
   * Refuses a VHD that is the source's only destination without storage_account and
   * resource_group_name. Without a managed image or gallery destination the Azure plugin requires
   * both ("A storage_account must be specified", "A resource_group_name must be specified"; Packer
   * 1.6.6 and the current plugin, Config.Prepare), so such a template never ran. Converted, it
   * would build a VHD that Image Builder leaves in its staging resource group, deleted with the
   * template: the usual cause is an unset variable or environment variable, and the build would
   * seem to work. Reports it (at the VHD destination, with the empty field as the related place);
   * true when it did.
   */
  private boolean vhdStorageMissing() {
    if (f.has("managed_image_name")
        || f.has("managed_image_resource_group_name")
        || f.has("shared_image_gallery_destination")) {
      return false;
    }
    List<String> missing = new ArrayList<>();
    List<String> quoted = new ArrayList<>();
    // In the plugin's order, to quote its words.
    for (String k : List.of("storage_account", "resource_group_name")) {
      if (!f.has(k)) {
        missing.add(k);
        quoted.add("\"A " + k + " must be specified\"");
      }
    }
    if (missing.isEmpty()) {
      return false;
    }
    String vhd = f.has("capture_container_name") ? "capture_container_name" : "capture_name_prefix";
    String empty = null; // the first missing field that is written but empty
    for (int i = missing.size() - 1; i >= 0; i--) {
      if (f.written(missing.get(i))) {
        empty = missing.get(i);
      }
    }
    u.report.add(
        PackerMapCode.MISSING_FIELD,
        f.nameRange(vhd),
        "Packer writes the VHD (capture_container_name, capture_name_prefix) to the storage"
            + " account storage_account in the resource group resource_group_name, and without a"
            + " managed image or gallery destination the Azure plugin requires both ("
            + String.join(", ", quoted)
            + "), so it refuses the template. "
            + BuilderChecks.absentOrEmpty(f, missing)
            + " Or, instead of the VHD, capture a managed image (managed_image_name with"
            + " managed_image_resource_group_name) or publish to a"
            + " shared_image_gallery_destination.",
        empty == null ? null : f.nameRange(empty),
        empty + " written but empty here");
    return true;
  }

  /**
   * A replica count as the plugin uses it: 0 or less is its default, 1, and more than 100 is 100
   * (step_publish_to_shared_image_gallery; it says nothing). Image Builder refuses a count below 1,
   * so such a count is left to its default of 1, and one above 100 is written as 100, each with a
   * note.
   */
  private Optional<Long> replicas(Fields fields, String key, Optional<Long> count) {
    if (count.isEmpty() || (count.get() >= 1 && count.get() <= MAX_REPLICAS)) {
      return count;
    }
    boolean none = count.get() < 1;
    u.report.add(
        PackerMapCode.FIELD_REWRITTEN,
        fields.valueRange(key),
        fields.name(key)
            + " is "
            + count.get()
            + ", which the Azure plugin "
            + (none
                ? "takes as its default of one replica, and so does Image Builder without a"
                    + " replicaCount; it was left out."
                : "lowers to its maximum of "
                    + MAX_REPLICAS
                    + " replicas per region; replicaCount is "
                    + MAX_REPLICAS
                    + "."));
    return none ? Optional.empty() : Optional.of((long) MAX_REPLICAS);
  }

  /** The Azure plugin's most replicas per region (SharedImageGalleryImageVersionDefaultMax…). */
  private static final int MAX_REPLICAS = 100;

  /**
   * The storage host suffix of the source's cloud (cloud_environment_name, the public cloud when it
   * is not set); empty for a cloud not known, or a name that is not a plain string.
   */
  private Optional<String> storageSuffix() {
    if (!f.written("cloud_environment_name")) {
      return AzureClouds.storageSuffix("Public");
    }
    return f.peekPlainString("cloud_environment_name").flatMap(AzureClouds::storageSuffix);
  }

  /**
   * The tags as artifactTags: the map itself, since every distributor record copies it when made (a
   * copy here too was a second map per target of every template).
   */
  private Map<String, String> artifactTags() {
    return tags.isEmpty() ? null : tags;
  }

  /**
   * A run output name: the target's own name when it fits {@code [A-Za-z0-9-_.]{1,64}}, else a
   * cleaned form; unique within the template.
   */
  private String runOutputName(String wanted, String fallback, Range at) {
    String name = wanted;
    if (!isRunOutputName(name)) {
      name = TemplateNames.clean(wanted, fallback);
      u.report.add(
          PackerMapCode.FIELD_REWRITTEN,
          at,
          "The run output of this target is named \""
              + name
              + "\": Image Builder allows only ASCII letters (A-Z, a-z), digits, '-', '_' and '.'"
              + " (at most 64).");
    }
    String unique = name;
    int n = 2;
    while (!runOutputNames.add(unique)) {
      String suffix = "-" + n++;
      unique = name.substring(0, Math.min(name.length(), 64 - suffix.length())) + suffix;
    }
    if (!unique.equals(name)) {
      u.report.add(
          PackerMapCode.FIELD_REWRITTEN,
          at,
          "Another target of this template is already named \""
              + name
              + "\", and Image Builder needs each target's run output name to be unique, so this"
              + " one is named \""
              + unique
              + "\".");
    }
    return unique;
  }

  /**
   * Whether a name fits {@code [A-Za-z0-9-_.]{1,64}} (a loop: every target of every template is
   * checked, and the pattern, compiled into a chain of matchers, was a visible part of it).
   */
  static boolean isRunOutputName(String name) {
    int n = name.length();
    if (n == 0 || n > 64) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!isAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code name} is a managed image name the Azure plugin accepts: its pattern {@code
   * ^[^_\W][\w-._)]{0,79}$} (Go's {@code \w} is ASCII) and no {@code -} or {@code .} at the end.
   */
  static boolean isManagedImageName(String name) {
    int n = name.length();
    if (n == 0 || n > 80 || !isAsciiLetterOrDigit(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = name.charAt(i);
      if (!isAsciiLetterOrDigit(c) && c != '_' && c != '-' && c != '.' && c != ')') {
        return false;
      }
    }
    char last = name.charAt(n - 1);
    return last != '-' && last != '.';
  }

  /**
   * Whether a version has the form {@code \d+\.\d+\.\d+} (ASCII digits, as {@code \d}), each part
   * at most 2147483647 (Azure's parts are 32-bit).
   */
  static boolean isGalleryVersion(String version) {
    int i = 0;
    int n = version.length();
    for (int part = 0; part < 3; part++) {
      if (part > 0) {
        if (i >= n || version.charAt(i) != '.') {
          return false;
        }
        i++;
      }
      int start = i;
      long value = 0;
      while (i < n && version.charAt(i) >= '0' && version.charAt(i) <= '9') {
        // Azure takes 32-bit parts: 1.0.20240115093000 ({{isotime "20060102150405"}}) passes
        // Packer's check and fails only when the image is published, after the build.
        value = Math.min(value * 10 + (version.charAt(i) - '0'), Integer.MAX_VALUE + 1L);
        i++;
      }
      if (i == start || value > Integer.MAX_VALUE) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private boolean required(String... keys) {
    return BuilderChecks.required(u, f, keys);
  }

  private void unknownFields(Fields nested, List<String> known) {
    BuilderChecks.unknownFields(u, nested, known);
  }

  /**
   * Drops {@code key} of a target_region block in an API version before targetRegions, where the
   * block becomes a plain entry of replicationRegions, which has {@code lacks}; {@code instead}
   * says what the region gets.
   */
  private void dropBeforeTargetRegions(Fields t, String key, String lacks, String instead) {
    if (!t.has(key)) {
      return;
    }
    t.consume(key);
    u.report.add(
        PackerMapCode.NOT_IN_API_VERSION,
        t.nameRange(key),
        "target_region blocks become replicationRegions in API version "
            + u.api.id()
            + ", which has "
            + lacks
            + " (targetRegions exists "
            + Unit.availability(SIG + ".targetRegions")
            + "); "
            + key
            + " was dropped and "
            + instead
            + ".");
  }

  /**
   * Whether the build location must be added to the regions a gallery image version is replicated
   * to ({@code regions}, normalized, from {@code field}), with a note at {@code at}: the Azure
   * plugin adds it when they do not name it (StepBuildTargetRegions; before that builder.go: "SIG
   * requires that replication regions include the region in which the Managed Image resides"),
   * while Image Builder replicates to the listed regions alone, so without it the version would
   * reach fewer regions than under Packer.
   */
  private boolean buildLocationAdded(List<String> regions, Range at, String field) {
    String location = Regions.normalized(u.location);
    if (regions.contains(location) || !Regions.possible(location)) {
      return false; // named, or no region at all (refused at location)
    }
    u.report.add(
        PackerMapCode.FIELD_REWRITTEN,
        at,
        "The Azure plugin also replicates the image version to the build location ("
            + location
            + ") when "
            + (field.equals("target_region")
                ? "no target_region block names it"
                : "replication_regions does not name it")
            + ", while Image Builder replicates only to the regions listed, so "
            + location
            + " was added to "
            + (u.supports(SIG + ".targetRegions") ? "targetRegions" : "replicationRegions")
            + (field.equals("target_region") ? " (one replica, the default)" : "")
            + ". Name it in "
            + field
            + " to make this visible in the Packer template.");
    return true;
  }

  /** {@link #regionNames} of the name of a target_region block. */
  private String regionName(Fields targetRegion, String name) {
    return regionNames(targetRegion, "name", List.of(name)).get(0);
  }

  /**
   * Region names as the Azure plugin replicates to them ({@link Regions}), with a note when one is
   * written otherwise than in the template.
   */
  private List<String> regionNames(Fields at, String field, List<String> names) {
    List<String> out = new ArrayList<>(names.size());
    List<String> changed = new ArrayList<>();
    for (String n : names) {
      String r = Regions.normalized(n);
      out.add(r);
      if (!Regions.possible(r)) {
        u.report.add(
            PackerMapCode.INVALID_VALUE,
            at.valueRange(field),
            n.isEmpty()
                ? Words.concat(
                    "A region in ",
                    at.name(field),
                    " is empty, as a variable or environment variable without a value makes it,"
                        + " and Azure refuses a region without a name when the template is"
                        + " deployed: give it a value.")
                : Words.concat(
                    "The region ",
                    Words.quote(n),
                    " in ",
                    at.name(field),
                    Regions.impossibleDetail(n, true)));
      } else if (!r.equals(n)) {
        changed.add(
            Words.quote(n) + (changed.isEmpty() ? " is written as " : " as ") + Words.quote(r));
      }
    }
    if (!changed.isEmpty()) {
      u.report.add(
          PackerMapCode.FIELD_REWRITTEN,
          at.nameRange(field),
          "The Azure plugin replicates to regions by their names in lower case without spaces, so "
              + Words.and(changed)
              + ".");
    }
    return out;
  }
}
