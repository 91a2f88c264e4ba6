package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.BoolValue;
import io.github.packer2aib.core.aib.DataDisk;
import io.github.packer2aib.core.aib.Distributor;
import io.github.packer2aib.core.aib.ImageSource;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.aib.TargetRegion;
import io.github.packer2aib.core.aib.Versioning;
import io.github.packer2aib.core.aib.VmProfile;
import io.github.packer2aib.core.aib.VnetConfig;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code azure-arm} builder's fields → the template's location, tags, source, distribute
 * targets and build VM profile (mapping.md §A). Every field is either mapped, dropped with a
 * diagnostic, or refused.
 */
final class AzureArmMapper {

  /** What the builder fields give the template. */
  record Result(
      ImageSource source,
      List<Distributor> distribute,
      VmProfile vmProfile,
      String stagingResourceGroup,
      Map<String, String> tags,
      List<DataDisk> additionalDataDisks) {}

  private static final Pattern RUN_OUTPUT_NAME = Pattern.compile("[A-Za-z0-9-_.]{1,64}");
  private static final Pattern GALLERY_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
  private static final Pattern GALLERY_IMAGE_ID =
      Pattern.compile(
          "(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Compute/"
              + "galleries/[^/]+/images/[^/]+(/versions/[^/]+)?$");
  private static final Pattern DIRECT_SHARED_ID =
      Pattern.compile("(?i)^/sharedGalleries/[^/]+/images/[^/]+(/versions/[^/]+)?$");
  private static final Set<String> STORAGE_TYPES =
      Set.of("Standard_LRS", "Standard_ZRS", "Premium_LRS");

  private static final String SIG = "properties.distribute[SharedImage]";

  private final Unit u;
  private final Fields f;
  private final Set<String> runOutputNames = new HashSet<>();
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final List<Range> distributorRanges = new ArrayList<>();

  AzureArmMapper(Unit unit, Fields fields) {
    this.u = unit;
    this.f = fields;
  }

  Result map() {
    // Read when a resource id needs it: a sensitive subscription_id is an error only then.
    u.subscriptionField = f.take("subscription_id").filter(f::known);
    u.subscriptionFields = f;
    operatingSystem();
    String staging = location();
    tags();
    ImageSource source = source();
    List<Distributor> distribute = distribute();
    VmProfile vm = vmProfile();
    List<DataDisk> disks = dataDisks();
    DroppedFields.report(u, f);
    return new Result(
        source, distribute, vm, staging, tags.isEmpty() ? null : new LinkedHashMap<>(tags), disks);
  }

  // ------------------------------------------------------------------ os_type

  private void operatingSystem() {
    Optional<String> os = f.inspect("os_type");
    if (os.isPresent()) {
      String v = os.get().toLowerCase(Locale.ROOT);
      if (v.equals("linux") || v.equals("windows")) {
        u.os = v.equals("linux") ? Os.LINUX : Os.WINDOWS;
        return;
      }
      u.report.add(
          PackerMapCode.INVALID_VALUE,
          f.take("os_type").get().valueRange(),
          "os_type must be \"Linux\" or \"Windows\", but it is "
              + f.shown("os_type", os.get())
              + ". Fix the value in the template.");
      return;
    }
    if (f.has("os_type")) {
      return; // unknown or invalid: already reported
    }
    Os guess = Provisioners.guessOs(u.build.provisioners()).orElse(Os.LINUX);
    u.os = guess;
    u.report.add(
        PackerMapCode.OS_TYPE_MISSING,
        f.range(),
        "The azure-arm source has no os_type, which Packer requires. Set os_type = \"Linux\" or"
            + " os_type = \"Windows\". (The rest of this usage was converted as "
            + guess.label()
            + ", judging by its provisioners.)");
  }

  // ------------------------------------------------------------------ location

  /** Sets the template location; returns the staging resource group id, if any. */
  private String location() {
    Optional<String> location = f.string("location", "the location of the template");
    Optional<String> buildGroup =
        f.string("build_resource_group_name", "properties.stagingResourceGroup");
    Optional<String> tempGroup =
        f.string("temp_resource_group_name", "properties.stagingResourceGroup");
    if (location.isPresent() && buildGroup.isPresent()) {
      u.report.add(
          PackerMapCode.CONFLICTING_FIELDS,
          f.nameRange("build_resource_group_name"),
          "Packer accepts either location (a new resource group is created there) or"
              + " build_resource_group_name (an existing resource group is used), not both. Remove"
              + " one of them.",
          f.nameRange("location"),
          "location set here");
    }
    if (buildGroup.isPresent() && tempGroup.isPresent()) {
      u.report.add(
          PackerMapCode.CONFLICTING_FIELDS,
          f.nameRange("temp_resource_group_name"),
          "Packer accepts either temp_resource_group_name or build_resource_group_name, not both."
              + " Remove one of them.",
          f.nameRange("build_resource_group_name"),
          "build_resource_group_name set here");
    }
    if (location.isPresent()) {
      u.location = location.get();
      u.trace.put("/location", f.take("location").get().valueRange());
      if (u.options.location().isPresent() && !u.options.location().get().equals(u.location)) {
        u.report.add(
            PackerMapCode.LOCATION_OPTION_IGNORED,
            f.nameRange("location"),
            "The source sets location = \""
                + u.location
                + "\", which is used; the location given with --location (\""
                + u.options.location().get()
                + "\") applies only to sources without one.");
      }
    } else if (u.options.location().isPresent()) {
      u.location = u.options.location().get();
    } else if (buildGroup.isPresent()) {
      u.report.add(
          PackerMapCode.NO_LOCATION,
          f.nameRange("build_resource_group_name"),
          "Packer takes the location from the resource group build_resource_group_name = \""
              + buildGroup.get()
              + "\" when it runs, but an image template needs its location written in it. Pass"
              + " --location with that resource group's region.");
    } else if (!f.has("location")) {
      u.report.add(
          PackerMapCode.NO_LOCATION,
          f.range(),
          "The source sets neither location nor build_resource_group_name, so the image template"
              + " has no location. Set location in the source or pass --location.");
    }
    String staging = null;
    if (buildGroup.isPresent()) {
      staging =
          stagingGroup(
              "build_resource_group_name",
              buildGroup.get(),
              "Image Builder builds in the existing resource group that build_resource_group_name"
                  + " names, as Packer does, but the group must be empty and in the template's"
                  + " region, and Image Builder deletes what it created there when the template is"
                  + " deleted.");
    } else if (tempGroup.isPresent()) {
      staging =
          stagingGroup(
              "temp_resource_group_name",
              tempGroup.get(),
              "Image Builder creates the resource group that temp_resource_group_name names (as"
                  + " Packer does) and deletes it when the template is deleted, not after each"
                  + " build.");
    }
    return staging;
  }

  private String stagingGroup(String field, String group, String meaning) {
    Range at = f.nameRange(field);
    if (!u.supports("properties.stagingResourceGroup")) {
      u.report.add(
          PackerMapCode.NOT_IN_API_VERSION,
          at,
          field
              + " would become properties.stagingResourceGroup, which exists "
              + Unit.availability("properties.stagingResourceGroup")
              + ", not in "
              + u.api.id()
              + "; it was dropped and Image Builder names its own staging resource group. Choose"
              + " a newer API version to keep it.");
      return null;
    }
    Optional<String> sub = u.subscription(field, at);
    if (sub.isEmpty()) {
      return null;
    }
    u.trace.put("/properties/stagingResourceGroup", f.take(field).get().valueRange());
    u.report.add(
        PackerMapCode.STAGING_RESOURCE_GROUP,
        at,
        field + " becomes properties.stagingResourceGroup. " + meaning);
    return ArmIds.resourceGroup(sub.get(), group);
  }

  // ------------------------------------------------------------------ tags

  private void tags() {
    Optional<Map<String, String>> map =
        f.stringMap("azure_tags", "the template's tags and the images' artifactTags");
    map.ifPresent(tags::putAll);
    if (f.has("azure_tags")) {
      u.trace.put("/tags", f.nameRange("azure_tags"));
    }
    for (Fields tag : f.nestedList("azure_tag")) {
      Optional<String> name =
          tag.string("name", "the template's tags and the images' artifactTags");
      Optional<String> value =
          tag.string("value", "the template's tags and the images' artifactTags");
      if (!tag.has("name")) {
        u.report.add(
            PackerMapCode.MISSING_FIELD,
            tag.range(),
            "An azure_tag block needs a name. Add name = \"…\" to it.");
      }
      if (name.isPresent()) {
        tags.put(name.get(), value.orElse(""));
        u.trace.put("/tags", tag.range());
      }
      unknownFields(tag, List.of("name", "value"));
    }
    if (tags.size() > 50) {
      u.report.add(
          PackerMapCode.INVALID_VALUE,
          f.nameRange(f.has("azure_tags") ? "azure_tags" : "azure_tag"),
          "Azure allows at most 50 tags on a resource, but the source sets "
              + tags.size()
              + ". Remove some.");
    }
    for (Map.Entry<String, String> t : tags.entrySet()) {
      if (t.getKey().length() > 512 || t.getValue().length() > 256) {
        u.report.add(
            PackerMapCode.INVALID_VALUE,
            f.nameRange(f.has("azure_tags") ? "azure_tags" : "azure_tag"),
            "The tag \""
                + (t.getKey().length() > 40 ? t.getKey().substring(0, 40) + "…" : t.getKey())
                + "\" is too long: Azure allows tag names of up to 512 characters and values of"
                + " up to 256. Shorten it.");
      }
    }
  }

  // ------------------------------------------------------------------ source image

  private ImageSource source() {
    List<String> kinds = new ArrayList<>();
    if (f.has("image_url")) {
      kinds.add("image_url");
    }
    if (f.has("custom_managed_image_name") || f.has("custom_managed_image_resource_group_name")) {
      kinds.add("custom_managed_image_name");
    }
    if (f.has("image_publisher") || f.has("image_offer") || f.has("image_sku")) {
      kinds.add("image_publisher");
    }
    if (f.has("shared_image_gallery")) {
      kinds.add("shared_image_gallery");
    }
    kinds.sort(java.util.Comparator.comparingInt(k -> offset(f.nameRange(k))));
    if (kinds.size() > 1) {
      u.report.add(
          PackerMapCode.CONFLICTING_FIELDS,
          f.nameRange(kinds.get(1)),
          "A source image is given in more than one way ("
              + Words.and(kinds.stream().map(Words::quote).toList())
              + "); Packer accepts exactly one. Keep one of them.",
          f.nameRange(kinds.get(0)),
          "first source image");
    }
    if (kinds.isEmpty()) {
      u.report.add(
          PackerMapCode.NO_SOURCE_IMAGE,
          f.range(),
          "The source names no image to start from. Set image_publisher, image_offer and"
              + " image_sku (a Marketplace image), custom_managed_image_name with"
              + " custom_managed_image_resource_group_name, or a shared_image_gallery block.");
      return null;
    }
    ImageSource result = null;
    for (String kind : kinds) {
      ImageSource s =
          switch (kind) {
            case "image_url" -> imageUrl();
            case "custom_managed_image_name" -> managedImageSource();
            case "image_publisher" -> platformImage();
            default -> galleryImageSource();
          };
      if (result == null) {
        result = s;
      }
    }
    if (!kinds.contains("image_publisher") && f.has("plan_info")) {
      f.consume("plan_info");
      u.report.add(
          PackerMapCode.NO_EQUIVALENT,
          f.nameRange("plan_info"),
          "Image Builder takes a purchase plan (planInfo) only for a Marketplace source image"
              + " (image_publisher, image_offer, image_sku), which this source does not use, so"
              + " plan_info was dropped; a build from an image that needs a plan may fail.");
    }
    if (!kinds.contains("image_publisher") && f.has("image_version")) {
      f.consume("image_version");
      u.report.add(
          PackerMapCode.FIELD_DROPPED,
          f.nameRange("image_version"),
          "image_version applies only to a Marketplace source image (image_publisher,"
              + " image_offer, image_sku), which this source does not use; it was dropped.");
    }
    return result;
  }

  private ImageSource imageUrl() {
    f.consume("image_url");
    u.report.add(
        PackerMapCode.FIELD_REFUSED,
        f.nameRange("image_url"),
        "Image Builder cannot start from a VHD URL: its sources are Marketplace images, managed"
            + " images and gallery image versions. Create a managed image (or a gallery image"
            + " version) from the VHD first and use custom_managed_image_name or"
            + " shared_image_gallery instead of image_url.");
    return null;
  }

  private ImageSource managedImageSource() {
    String dest = "properties.source.imageId";
    Optional<String> name = f.string("custom_managed_image_name", dest);
    Optional<String> group = f.string("custom_managed_image_resource_group_name", dest);
    if (!required("custom_managed_image_name", "custom_managed_image_resource_group_name")) {
      return null;
    }
    if (name.isEmpty() || group.isEmpty()) {
      return null;
    }
    Optional<String> sub =
        u.subscription("custom_managed_image_name", f.nameRange("custom_managed_image_name"));
    if (sub.isEmpty()) {
      return null;
    }
    u.trace.put("/properties/source", f.nameRange("custom_managed_image_name"));
    return new ImageSource.ManagedImage(ArmIds.managedImage(sub.get(), group.get(), name.get()));
  }

  private ImageSource platformImage() {
    String dest = "properties.source";
    Optional<String> publisher = f.string("image_publisher", dest + ".publisher");
    Optional<String> offer = f.string("image_offer", dest + ".offer");
    Optional<String> sku = f.string("image_sku", dest + ".sku");
    Optional<String> version = f.string("image_version", dest + ".version");
    boolean complete = required("image_publisher", "image_offer", "image_sku");
    u.trace.put("/properties/source", f.nameRange("image_publisher"));
    for (String[] p :
        new String[][] {
          {"image_publisher", "publisher"},
          {"image_offer", "offer"},
          {"image_sku", "sku"},
          {"image_version", "version"}
        }) {
      f.take(p[0]).ifPresent(x -> u.trace.put("/properties/source/" + p[1], x.valueRange()));
    }
    ImageSource.PlanInfo plan = planInfo();
    if (!complete || publisher.isEmpty() || offer.isEmpty() || sku.isEmpty()) {
      return null;
    }
    if (f.has("image_version") && version.isEmpty()) {
      return null;
    }
    return new ImageSource.PlatformImage(
        publisher.get(), offer.get(), sku.get(), version.orElse("latest"), plan);
  }

  private ImageSource.PlanInfo planInfo() {
    Optional<Fields> plan = f.nested("plan_info");
    if (plan.isEmpty()) {
      return null;
    }
    Fields p = plan.get();
    String dest = "properties.source.planInfo";
    Optional<String> name = p.string("plan_name", dest + ".planName");
    Optional<String> product = p.string("plan_product", dest + ".planProduct");
    Optional<String> publisher = p.string("plan_publisher", dest + ".planPublisher");
    if (p.has("plan_promotion_code")) {
      p.consume("plan_promotion_code");
      u.report.add(
          PackerMapCode.NO_EQUIVALENT,
          p.nameRange("plan_promotion_code"),
          "Image Builder's planInfo has no promotion code, so plan_info.plan_promotion_code was"
              + " dropped; the image is built under the plan's regular terms.");
    }
    unknownFields(p, List.of("plan_name", "plan_product", "plan_publisher", "plan_promotion_code"));
    if (!p.has("plan_name") && !p.has("plan_product") && !p.has("plan_publisher")) {
      return null;
    }
    List<String> missing = new ArrayList<>();
    for (String k : List.of("plan_name", "plan_product", "plan_publisher")) {
      if (!p.has(k)) {
        missing.add(k);
      }
    }
    if (!missing.isEmpty()) {
      u.report.add(
          PackerMapCode.MISSING_FIELD,
          p.range(),
          "plan_info needs plan_name, plan_product and plan_publisher together (Packer and Image"
              + " Builder both require all three), but "
              + Words.and(missing)
              + (missing.size() > 1 ? " are" : " is")
              + " missing. Add "
              + (missing.size() > 1 ? "them" : "it")
              + ".");
      return null;
    }
    if (!u.supports("properties.source[PlatformImage].planInfo")) {
      u.report.add(
          PackerMapCode.NOT_IN_API_VERSION,
          p.range(),
          "plan_info would become properties.source.planInfo, which exists "
              + Unit.availability("properties.source[PlatformImage].planInfo")
              + ", not in "
              + u.api.id()
              + "; it was dropped, so a build from an image that needs a purchase plan fails."
              + " Choose a newer API version to keep it.");
      return null;
    }
    if (name.isEmpty() || product.isEmpty() || publisher.isEmpty()) {
      return null;
    }
    u.trace.put("/properties/source/planInfo", p.range());
    return new ImageSource.PlanInfo(name.get(), product.get(), publisher.get());
  }

  private ImageSource galleryImageSource() {
    Optional<Fields> nested = f.nested("shared_image_gallery");
    if (nested.isEmpty()) {
      return null;
    }
    Fields g = nested.get();
    u.trace.put("/properties/source", g.range());
    String dest = "properties.source.imageVersionId";
    List<String> known =
        List.of(
            "subscription",
            "resource_group",
            "gallery_name",
            "image_name",
            "image_version",
            "id",
            "community_gallery_image_id",
            "direct_shared_gallery_image_id");
    if (g.has("community_gallery_image_id")) {
      g.consume("community_gallery_image_id");
      u.report.add(
          PackerMapCode.FIELD_REFUSED,
          g.nameRange("community_gallery_image_id"),
          "Image Builder cannot start from a community gallery image: no API version has such a"
              + " source. Copy the image into your own Azure Compute Gallery and name it with the"
              + " gallery fields of shared_image_gallery instead.");
      unknownFields(g, known);
      return null;
    }
    if (g.has("direct_shared_gallery_image_id")) {
      Optional<String> id = g.string("direct_shared_gallery_image_id", dest);
      unknownFields(g, known);
      if (id.isEmpty()) {
        return null;
      }
      Range at = g.nameRange("direct_shared_gallery_image_id");
      if (!u.supports("properties.source[SharedImageVersion].exactVersion")) {
        u.report.add(
            PackerMapCode.REFUSED_IN_API_VERSION,
            at,
            "Image Builder accepts images from a directly shared gallery from API version"
                + " 2022-07-01, not in "
                + u.api.id()
                + ". Choose API version 2022-07-01 or later.");
        return null;
      }
      if (!DIRECT_SHARED_ID.matcher(id.get()).matches()) {
        invalidId(
            at, "direct_shared_gallery_image_id", "/sharedGalleries/<unique-name>/images/<image>");
        return null;
      }
      u.report.add(
          PackerMapCode.FIELD_REFUSED,
          at,
          "Image Builder's SharedImageVersion source takes the resource id of a gallery image"
              + " version (/subscriptions/<id>/resourceGroups/…/galleries/…/images/…/versions/…);"
              + " whether it accepts the id of a directly shared gallery image is not documented,"
              + " so it is not converted. Name an image version in a gallery of your subscription"
              + " (id, or the gallery fields of shared_image_gallery) instead.");
      return null;
    }
    if (g.has("id")) {
      Optional<String> id = g.string("id", dest);
      for (String k : List.of("subscription", "resource_group", "gallery_name", "image_name")) {
        if (g.has(k)) {
          g.consume(k);
          u.report.add(
              PackerMapCode.CONFLICTING_FIELDS,
              g.nameRange(k),
              "shared_image_gallery.id names the image by itself; Packer allows no other field"
                  + " beside it except image_version. Remove "
                  + g.name(k)
                  + ".",
              g.nameRange("id"),
              "id set here");
        }
      }
      Optional<String> version = g.string("image_version", dest);
      unknownFields(g, known);
      if (id.isEmpty()) {
        return null;
      }
      if (!GALLERY_IMAGE_ID.matcher(id.get()).matches()) {
        invalidId(
            g.nameRange("id"),
            "shared_image_gallery.id",
            "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/galleries/"
                + "<gallery>/images/<image>[/versions/<version>]");
        return null;
      }
      String full = id.get();
      if (!full.matches("(?i).*/versions/[^/]+$")) {
        String v = version.orElse("latest");
        full = full + "/versions/" + v;
        latestWarning(v, g.nameRange("id"));
      }
      return new ImageSource.SharedImageVersion(full);
    }
    Optional<String> sub = g.string("subscription", dest);
    Optional<String> group = g.string("resource_group", dest);
    Optional<String> gallery = g.string("gallery_name", dest);
    Optional<String> image = g.string("image_name", dest);
    Optional<String> version = g.string("image_version", dest);
    unknownFields(g, known);
    List<String> missing = new ArrayList<>();
    for (String k : List.of("resource_group", "gallery_name", "image_name")) {
      if (!g.has(k)) {
        missing.add(k);
      }
    }
    if (!missing.isEmpty()) {
      u.report.add(
          PackerMapCode.MISSING_FIELD,
          g.range(),
          "shared_image_gallery needs resource_group, gallery_name and image_name to name the"
              + " source image, but "
              + Words.and(missing)
              + (missing.size() > 1 ? " are" : " is")
              + " missing. Add "
              + (missing.size() > 1 ? "them" : "it")
              + ", or give the image's resource id in id.");
      return null;
    }
    if (group.isEmpty() || gallery.isEmpty() || image.isEmpty()) {
      return null;
    }
    if (g.has("subscription") && sub.isEmpty()) {
      return null;
    }
    Optional<String> subscription =
        sub.isPresent() ? sub : u.subscription("shared_image_gallery", g.range());
    if (subscription.isEmpty()) {
      return null;
    }
    String v = version.orElse("latest");
    latestWarning(v, g.range());
    return new ImageSource.SharedImageVersion(
        ArmIds.galleryImageVersion(subscription.get(), group.get(), gallery.get(), image.get(), v));
  }

  private void latestWarning(String version, Range at) {
    if (version.equalsIgnoreCase("latest")
        && !u.supports("properties.source[SharedImageVersion].exactVersion")) {
      u.report.add(
          PackerMapCode.UNCERTAIN_MAPPING,
          at,
          "The source image version is \"latest\" (Packer's default). Image Builder documents"
              + " \"latest\" in imageVersionId from API version 2022-07-01; whether "
              + u.api.id()
              + " accepts it is not documented. Set image_version to an explicit version, or"
              + " choose API version 2022-07-01 or later.");
    }
  }

  private void invalidId(Range at, String field, String form) {
    u.report.add(
        PackerMapCode.INVALID_VALUE,
        at,
        field + " is not a resource id of the form " + form + ". Fix the value in the template.");
  }

  // ------------------------------------------------------------------ destinations

  private List<Distributor> distribute() {
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
    managedImageTarget().ifPresent(out::add);
    galleryTarget().ifPresent(out::add);
    vhdTarget().ifPresent(out::add);
    if (!any) {
      u.report.add(
          PackerMapCode.NO_DESTINATION,
          f.range(),
          "The source captures no image: set managed_image_name with"
              + " managed_image_resource_group_name, a shared_image_gallery_destination block, or"
              + " capture_container_name with capture_name_prefix.");
    }
    for (int i = 0; i < out.size(); i++) {
      u.trace.put("/properties/distribute/" + i, distributorRanges.get(i));
    }
    return out;
  }

  private Optional<Distributor> managedImageTarget() {
    if (!f.has("managed_image_name") && !f.has("managed_image_resource_group_name")) {
      return Optional.empty();
    }
    String dest = "properties.distribute[].imageId";
    Optional<String> name = f.string("managed_image_name", dest);
    Optional<String> group = f.string("managed_image_resource_group_name", dest);
    if (!required("managed_image_name", "managed_image_resource_group_name")
        || name.isEmpty()
        || group.isEmpty()
        || u.location == null) {
      return Optional.empty();
    }
    Optional<String> sub = u.subscription("managed_image_name", f.nameRange("managed_image_name"));
    if (sub.isEmpty()) {
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
    String dest = "properties.distribute[].galleryImageId";
    Optional<String> sub = d.string("subscription", dest);
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
          d.range(),
          "shared_image_gallery_destination needs resource_group, gallery_name and image_name,"
              + " but "
              + Words.and(missing)
              + (missing.size() > 1 ? " are" : " is")
              + " missing. Add "
              + (missing.size() > 1 ? "them" : "it")
              + ".");
    }
    if (d.bool("specialized").orElse(false)) {
      u.report.add(
          PackerMapCode.FIELD_REFUSED,
          d.nameRange("specialized"),
          "Image Builder always generalizes the image, so it cannot publish a specialized image"
              + " version. Remove specialized, or build the specialized image with Packer.");
    }
    String replicationMode = null;
    if (d.bool("use_shallow_replication").orElse(false)) {
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
    Optional<String> storage = d.string("storage_account_type", SIG + ".storageAccountType");
    if (storage.isPresent() && !STORAGE_TYPES.contains(storage.get())) {
      u.report.add(
          PackerMapCode.INVALID_VALUE,
          d.take("storage_account_type").get().valueRange(),
          "storage_account_type must be Standard_LRS, Standard_ZRS or Premium_LRS, but it is \""
              + storage.get()
              + "\". Fix the value in the template.");
      storage = Optional.empty();
    }
    Optional<List<String>> replicationRegions =
        d.strings("replication_regions", SIG + ".targetRegions");
    List<Fields> targetRegionBlocks = d.nestedList("target_region");
    Optional<Long> replicaCount =
        f.integer("shared_image_gallery_replica_count", SIG + ".targetRegions[].replicaCount");
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
    if (!missing.isEmpty() || group.isEmpty() || gallery.isEmpty() || image.isEmpty()) {
      return Optional.empty();
    }
    if (d.has("subscription") && sub.isEmpty()) {
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
      if (!GALLERY_VERSION.matcher(version.get()).matches()) {
        u.report.add(
            PackerMapCode.INVALID_VALUE,
            d.take("image_version").get().valueRange(),
            "shared_image_gallery_destination.image_version must have the form"
                + " Major.Minor.Patch (such as 1.0.0), but it is \""
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
      u.report.add(
          PackerMapCode.MISSING_FIELD,
          d.range(),
          "shared_image_gallery_destination has no image_version, which Packer requires. Set"
              + " image_version (Major.Minor.Patch)"
              + (u.supports(SIG + ".versioning")
                  ? ", or pass --gallery-versioning latest to let Image Builder number versions."
                  : "."));
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
          Optional<String> name = t.string("name", SIG + ".targetRegions[].name");
          Optional<Long> replicas = t.integer("replicas", SIG + ".targetRegions[].replicaCount");
          desOnTargetRegion(t);
          unknownFields(t, List.of("name", "replicas", "disk_encryption_set_id"));
          if (!t.has("name")) {
            u.report.add(
                PackerMapCode.MISSING_FIELD,
                t.range(),
                "A target_region block needs a name (the region). Add name = \"…\".");
          }
          if (name.isPresent()) {
            targets.add(
                new TargetRegion(
                    name.get(), replicas.map(IntValue::of).orElse(null), storage.orElse(null)));
          }
        }
      } else {
        List<String> names = replicationRegions.orElse(List.of(u.location));
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
        for (Fields t : targetRegionBlocks) {
          t.string("name", SIG + ".replicationRegions").ifPresent(replication::add);
          desOnTargetRegion(t);
          if (t.has("replicas")) {
            t.consume("replicas");
            u.report.add(
                PackerMapCode.NOT_IN_API_VERSION,
                t.nameRange("replicas"),
                "target_region blocks become replicationRegions in API version "
                    + u.api.id()
                    + ", which has no replica count (targetRegions exists "
                    + Unit.availability(SIG + ".targetRegions")
                    + "); replicas was dropped and each region gets Image Builder's default.");
          }
          unknownFields(t, List.of("name", "replicas", "disk_encryption_set_id"));
        }
      } else {
        replication = new ArrayList<>(replicationRegions.orElse(List.of(u.location)));
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
      for (String k : List.of("storage_account", "resource_group_name")) {
        if (f.has(k)) {
          f.consume(k);
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
    String dest = "properties.distribute[].uri";
    Optional<String> container = f.string("capture_container_name", dest);
    Optional<String> prefix = f.string("capture_name_prefix", dest);
    Optional<String> account = f.string("storage_account", dest);
    f.consume("resource_group_name");
    if (!required("capture_container_name", "capture_name_prefix")
        || container.isEmpty()
        || prefix.isEmpty()) {
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
    } else {
      uri =
          "https://"
              + account.get()
              + ".blob.core.windows.net/"
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
              + " Data Contributor role on that container. The address assumes the public Azure"
              + " cloud.");
    }
    distributorRanges.add(at);
    return Optional.of(
        new Distributor.Vhd(uri, runOutputName(prefix.get(), "vhd", at), artifactTags()));
  }

  /** Tags for one distributor: a copy, so each target owns its map. */
  private Map<String, String> artifactTags() {
    return tags.isEmpty() ? null : new LinkedHashMap<>(tags);
  }

  /**
   * A run output name: the target's own name when it fits {@code [A-Za-z0-9-_.]{1,64}}, else a
   * cleaned form; unique within the template.
   */
  private String runOutputName(String wanted, String fallback, Range at) {
    String name = wanted;
    if (!RUN_OUTPUT_NAME.matcher(name).matches()) {
      name = TemplateNames.clean(wanted, fallback);
      u.report.add(
          PackerMapCode.FIELD_REWRITTEN,
          at,
          "The run output of this target is named \""
              + name
              + "\": Image Builder allows only letters, digits, '-', '_' and '.' (at most 64).");
    }
    String unique = name;
    int n = 2;
    while (!runOutputNames.add(unique)) {
      String suffix = "-" + n++;
      unique = name.substring(0, Math.min(name.length(), 64 - suffix.length())) + suffix;
    }
    return unique;
  }

  // ------------------------------------------------------------------ build VM

  private VmProfile vmProfile() {
    String vmSize = null;
    Optional<String> size = f.string("vm_size", "properties.vmProfile.vmSize");
    if (size.isPresent()) {
      vmSize = size.get();
      u.trace.put("/properties/vmProfile/vmSize", f.take("vm_size").get().valueRange());
    } else if (!f.has("vm_size")) {
      u.report.add(
          PackerMapCode.VM_SIZE_DEFAULT,
          f.range(),
          "The source sets no vm_size, so Packer would build on a Standard_A1. The template"
              + " leaves vmSize to Image Builder, which picks Standard_D1_v2 (Gen1 images) or"
              + " Standard_D2ds_v4 (Gen2). Set vm_size to choose.");
    }
    IntValue osDisk = null;
    Optional<Long> disk = f.integer("os_disk_size_gb", "properties.vmProfile.osDiskSizeGB");
    if (disk.isPresent()) {
      if (disk.get() > 0) {
        osDisk = IntValue.of(disk.get());
        u.trace.put(
            "/properties/vmProfile/osDiskSizeGB", f.take("os_disk_size_gb").get().valueRange());
      } else {
        u.report.add(
            PackerMapCode.FIELD_DROPPED,
            f.nameRange("os_disk_size_gb"),
            "os_disk_size_gb = "
                + disk.get()
                + " means the source image's disk size (Packer ignores values below 1), which is"
                + " also Image Builder's default; it was dropped.");
      }
    }
    VnetConfig vnet = vnet();
    List<String> identities = null;
    Optional<List<String>> ids =
        f.strings(
            "user_assigned_managed_identities", "properties.vmProfile.userAssignedIdentities");
    if (ids.isPresent()) {
      if (u.supports("properties.vmProfile.userAssignedIdentities")) {
        identities = ids.get();
        u.trace.put(
            "/properties/vmProfile/userAssignedIdentities",
            f.take("user_assigned_managed_identities").get().valueRange());
      } else {
        u.report.add(
            PackerMapCode.NOT_IN_API_VERSION,
            f.nameRange("user_assigned_managed_identities"),
            "user_assigned_managed_identities would become"
                + " properties.vmProfile.userAssignedIdentities, which exists "
                + Unit.availability("properties.vmProfile.userAssignedIdentities")
                + ", not in "
                + u.api.id()
                + "; it was dropped, so the build VM has no managed identity. Choose a newer API"
                + " version to keep it.");
      }
    }
    if (vmSize == null && osDisk == null && vnet == null && identities == null) {
      return null;
    }
    u.trace.put("/properties/vmProfile", f.range());
    return new VmProfile(vmSize, osDisk, vnet, identities);
  }

  private VnetConfig vnet() {
    List<String> keys =
        List.of(
            "virtual_network_name",
            "virtual_network_subnet_name",
            "virtual_network_resource_group_name");
    if (keys.stream().noneMatch(f::has)) {
      return null;
    }
    String dest = "properties.vmProfile.vnetConfig";
    Optional<String> network = f.string("virtual_network_name", dest);
    Optional<String> subnet = f.string("virtual_network_subnet_name", dest);
    Optional<String> group = f.string("virtual_network_resource_group_name", dest);
    List<String> missing = keys.stream().filter(k -> !f.has(k)).toList();
    if (!missing.isEmpty()) {
      u.report.add(
          PackerMapCode.MISSING_FIELD,
          f.nameRange(keys.stream().filter(f::has).findFirst().get()),
          "Packer looks up "
              + Words.and(missing)
              + " when it runs, but the image template must name the subnet exactly. Set "
              + Words.and(keys)
              + ".");
      return null;
    }
    if (network.isEmpty() || subnet.isEmpty() || group.isEmpty()) {
      return null;
    }
    u.trace.put("/properties/vmProfile/vnetConfig", f.nameRange("virtual_network_name"));
    if (u.supports("properties.vmProfile.vnetConfig.subnetId")) {
      Optional<String> sub =
          u.subscription("virtual_network_name", f.nameRange("virtual_network_name"));
      if (sub.isEmpty()) {
        return null;
      }
      return VnetConfig.ofSubnet(
          ArmIds.subnet(sub.get(), group.get(), network.get(), subnet.get()));
    }
    return new VnetConfig(null, null, null, network.get(), subnet.get(), group.get());
  }

  private List<DataDisk> dataDisks() {
    if (!f.has("disk_additional_size")) {
      return null;
    }
    Optional<List<String>> sizes =
        f.strings("disk_additional_size", "properties.additionalDataDisks");
    if (sizes.isEmpty()) {
      return null;
    }
    if (!u.supports("properties.additionalDataDisks")) {
      u.report.add(
          PackerMapCode.REFUSED_IN_API_VERSION,
          f.nameRange("disk_additional_size"),
          "disk_additional_size would become properties.additionalDataDisks, which exists "
              + Unit.availability("properties.additionalDataDisks")
              + ", not in "
              + u.api.id()
              + ". Choose that API version, or remove the data disks.");
      return null;
    }
    List<DataDisk> out = new ArrayList<>();
    for (String s : sizes.get()) {
      try {
        out.add(new DataDisk(IntValue.of(Long.parseLong(s.trim()))));
      } catch (NumberFormatException e) {
        f.invalid(
            f.take("disk_additional_size").get(),
            "a list of whole numbers",
            f.take("disk_additional_size").get().value());
        return null;
      }
    }
    if (f.has("disk_additional_luns")) {
      f.consume("disk_additional_luns");
      u.report.add(
          PackerMapCode.NO_EQUIVALENT,
          f.nameRange("disk_additional_luns"),
          "Image Builder's data disks have no LUN setting; disk_additional_luns was dropped.");
    }
    u.trace.put("/properties/additionalDataDisks", f.nameRange("disk_additional_size"));
    return out;
  }

  // ------------------------------------------------------------------ helpers

  private static int offset(Range r) {
    return r == null ? 0 : r.start().offset();
  }

  /** Reports the missing ones of fields that go together; true when all are present. */
  private boolean required(String... keys) {
    List<String> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String k : keys) {
      (f.has(k) ? present : missing).add(k);
    }
    if (missing.isEmpty()) {
      return true;
    }
    if (!present.isEmpty()) {
      u.report.add(
          PackerMapCode.MISSING_FIELD,
          f.nameRange(present.get(0)),
          Words.and(present)
              + (present.size() > 1 ? " need " : " needs ")
              + Words.and(missing)
              + " as well; Packer and Image Builder both require "
              + Words.and(List.of(keys))
              + " together. Add "
              + Words.and(missing)
              + ".");
    }
    return false;
  }

  private void unknownFields(Fields nested, List<String> known) {
    for (Fields.Leftover l : nested.leftovers()) {
      String close = Words.closest(l.key(), known);
      u.report.add(
          PackerMapCode.UNKNOWN_FIELD,
          l.range(),
          "The converter does not know "
              + l.name()
              + ", so it was dropped."
              + (close == null ? "" : " Did you mean \"" + close + "\"?")
              + " If it matters for the image, add its equivalent to the image template by hand.");
    }
  }
}
