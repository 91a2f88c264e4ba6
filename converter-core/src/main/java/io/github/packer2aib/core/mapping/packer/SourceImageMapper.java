package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.ImageSource;
import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The azure-arm source image fields → {@code properties.source} (mapping.md §A.1): a Marketplace
 * image with its plan, a managed image, or a gallery image version; VHD URLs and community
 * galleries are refused.
 */
final class SourceImageMapper {
  private static final Pattern GALLERY_IMAGE_ID =
      Pattern.compile(
          "(?i)^/subscriptions/(?<subscription>[^/]+)/resourceGroups/(?<group>[^/]+)/providers/"
              + "Microsoft\\.Compute/galleries/(?<gallery>[^/]+)/images/(?<image>[^/]+)"
              + "(/versions/(?<version>[^/]+))?$");
  private static final Pattern DIRECT_SHARED_ID =
      Pattern.compile("(?i)^/sharedGalleries/[^/]+/images/[^/]+(/versions/[^/]+)?$");

  private final Unit u;
  private final Fields f;

  SourceImageMapper(Unit unit, Fields fields) {
    this.u = unit;
    this.f = fields;
  }

  // ------------------------------------------------------------------ source image

  ImageSource map() {
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
      noSourceImage();
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
              + " plan_info was dropped, and with it the tags PlanInfo, PlanProduct, PlanPublisher"
              + " and PlanPromotionCode that Packer adds for it; a build from an image that needs"
              + " a plan may fail.");
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

  /** The fields of each way to name a source image (a gallery one is a block: set or absent). */
  private static final List<List<String>> SOURCE_FIELDS =
      List.of(
          List.of("image_url"),
          List.of("custom_managed_image_name", "custom_managed_image_resource_group_name"),
          List.of("image_publisher", "image_offer", "image_sku"));

  /**
   * Says that the source names no image. When fields of a source image are written but empty
   * (image_sku = var.sku with sku defaulting to ""), says so at the first of them, with what else
   * that way needs, as PKRMAP-E111 says it of a destination: "names no image" at the block's brace
   * sent the reader looking for lines that are there.
   */
  private void noSourceImage() {
    Fields.WrittenButEmpty written = f.writtenButEmpty(SOURCE_FIELDS);
    List<String> empty = written.fields();
    String partners = written.partners();
    u.report.add(
        PackerMapCode.NO_SOURCE_IMAGE,
        empty.isEmpty() ? f.range() : f.nameRange(empty.get(0)),
        empty.isEmpty()
            ? "The source names no image to start from. Set image_publisher, image_offer and"
                + " image_sku (a Marketplace image), custom_managed_image_name with"
                + " custom_managed_image_resource_group_name, or a shared_image_gallery block."
            : "The source names no image to start from: "
                + BuilderChecks.absentOrEmpty(f, empty)
                + partners);
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
    final String dest = "properties.source.imageId";
    Optional<String> name = f.string("custom_managed_image_name", dest);
    Optional<String> group = f.string("custom_managed_image_resource_group_name", dest);
    managedImageTargetRequired();
    if (!required("custom_managed_image_name", "custom_managed_image_resource_group_name")) {
      return null;
    }
    if (name.isEmpty() || group.isEmpty()) {
      return null;
    }
    boolean fit =
        ResourceNames.check(u, f, "custom_managed_image_name", name.get(), ResourceName.IMAGE, "")
            & ResourceNames.check(
                u,
                f,
                "custom_managed_image_resource_group_name",
                group.get(),
                ResourceName.RESOURCE_GROUP,
                "");
    if (!fit) {
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

  /**
   * The plugin's custom image branch requires a managed image target ("A
   * managed_image_resource_group_name must be specified", "A managed_image_name must be specified";
   * Packer 1.6.6 and the current plugin), so a custom managed image published only to a gallery
   * never ran in Packer, though Image Builder would build it.
   */
  private void managedImageTargetRequired() {
    if (!f.has("custom_managed_image_name")) {
      return; // the plugin takes the source for a Marketplace image then, and says what is missing
    }
    List<String> missing = new ArrayList<>();
    List<String> quoted = new ArrayList<>();
    // In the plugin's order, to quote its words.
    for (String k : List.of("managed_image_resource_group_name", "managed_image_name")) {
      if (!f.has(k)) {
        missing.add(k);
        quoted.add("\"A " + k + " must be specified\"");
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    u.report.add(
        PackerMapCode.MISSING_FIELD,
        f.nameRange("custom_managed_image_name"),
        "Packer requires a managed image destination beside a custom_managed_image_name source"
            + (f.has("shared_image_gallery_destination")
                ? ", even with a shared_image_gallery_destination"
                : "")
            + " ("
            + String.join(", ", quoted)
            + "), so it refuses the template. "
            + BuilderChecks.absentOrEmpty(f, missing));
  }

  private ImageSource platformImage() {
    // final, so that dest + "…" is a constant rather than a concatenation per step.
    final String dest = "properties.source";
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
    osOfPublisher(publisher.get());
    String v = version.orElse("latest");
    if (version.isPresent() && isLatest(v)) {
      // "Latest" as for a gallery source: the spelling the service documents, with a note.
      v = latest(v, f.valueRange("image_version"));
    }
    return new ImageSource.PlatformImage(publisher.get(), offer.get(), sku.get(), v, plan);
  }

  /**
   * Publishers whose Marketplace images all run one operating system: os_type set to the other one
   * converts every step for the wrong system (Packer would wait for SSH on a Windows VM), so it is
   * a warning. Publishers with images of both (Oracle, third parties) are not judged.
   */
  private static final Map<String, Os> PUBLISHER_OS =
      Map.of(
          "microsoftwindowsserver", Os.WINDOWS,
          "microsoftwindowsdesktop", Os.WINDOWS,
          "microsoftvisualstudio", Os.WINDOWS,
          "canonical", Os.LINUX,
          "redhat", Os.LINUX,
          "suse", Os.LINUX,
          "debian", Os.LINUX,
          "openlogic", Os.LINUX,
          "almalinux", Os.LINUX,
          "kinvolk", Os.LINUX);

  private void osOfPublisher(String publisher) {
    Os os = PUBLISHER_OS.get(publisher.toLowerCase(Locale.ROOT));
    if (os == null || os == u.os || u.osGuessed) {
      return;
    }
    u.report.add(
        PackerMapCode.OS_TYPE_NOT_THE_IMAGES,
        f.has("os_type") ? f.take("os_type").get().valueRange() : f.range(),
        "os_type is "
            + u.os.label()
            + ", but the images of "
            + publisher
            + " run "
            + os.label()
            + ", so the steps were converted for the wrong system and the build would fail. Set"
            + " os_type = \""
            + os.label()
            + "\", or choose a "
            + u.os.label()
            + " image.",
        f.take("image_publisher").get().valueRange(),
        "the image's publisher");
  }

  /**
   * The tags Packer adds for a complete plan_info (PlanInfo, PlanProduct, PlanPublisher,
   * PlanPromotionCode; the Azure plugin's Config.Prepare puts them into azure_tags, so they go
   * wherever azure_tags go), with where each value is written; empty without a plan.
   */
  record PlanTags(Map<String, String> tags, Map<String, Range> places, Range block) {
    static final PlanTags NONE = new PlanTags(Map.of(), Map.of(), null);
  }

  private PlanTags planTags = PlanTags.NONE;

  /** What {@link #map} found plan_info adds to the tags. */
  PlanTags planTags() {
    return planTags;
  }

  private ImageSource.PlanInfo planInfo() {
    Optional<Fields> plan = f.nested("plan_info");
    if (plan.isEmpty()) {
      return null;
    }
    Fields p = plan.get();
    final String dest = "properties.source.planInfo";
    Optional<String> name = p.string("plan_name", dest + ".planName and the tag PlanInfo");
    Optional<String> product =
        p.string("plan_product", dest + ".planProduct and the tag PlanProduct");
    Optional<String> publisher =
        p.string("plan_publisher", dest + ".planPublisher and the tag PlanPublisher");
    Optional<String> promotion = p.string("plan_promotion_code", "the tag PlanPromotionCode");
    unknownFields(p, List.of("plan_name", "plan_product", "plan_publisher", "plan_promotion_code"));
    // A promotion code alone is a plan too: Packer refuses it without the three names ("if either
    // plan_name, plan_product, plan_publisher, or plan_promotion_code are defined then …").
    if (!p.has("plan_name")
        && !p.has("plan_product")
        && !p.has("plan_publisher")
        && !p.has("plan_promotion_code")) {
      return null;
    }
    if (!complete(p)) {
      return null;
    }
    if (name.isPresent() && product.isPresent() && publisher.isPresent()) {
      planTags(p, name.get(), product.get(), publisher.get(), promotion);
    }
    if (p.has("plan_promotion_code")) {
      // After the tags: the sentence about the tag only where the tag is written.
      u.report.add(
          PackerMapCode.NO_EQUIVALENT,
          p.nameRange("plan_promotion_code"),
          "Image Builder's planInfo has no promotion code, so plan_info.plan_promotion_code was"
              + " dropped from it; the image is built under the plan's regular terms."
              + (planTags.tags().isEmpty()
                  ? ""
                  : " (The code is still written in the tag PlanPromotionCode, which Packer"
                      + " adds.)"));
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

  /** Whether plan_info has its three names, as Packer and Image Builder require; else reported. */
  private boolean complete(Fields p) {
    List<String> missing = new ArrayList<>();
    for (String k : List.of("plan_name", "plan_product", "plan_publisher")) {
      if (!p.has(k)) {
        missing.add(k);
      }
    }
    if (missing.isEmpty()) {
      return true;
    }
    u.report.add(
        PackerMapCode.MISSING_FIELD,
        BuilderChecks.missingAt(p, missing, p.range()),
        "plan_info needs plan_name, plan_product and plan_publisher together (Packer and Image"
            + " Builder both require all three), but "
            + BuilderChecks.absentOrEmpty(p, missing));
    return false;
  }

  /**
   * Records the tags Packer adds for a plan: PlanPromotionCode is there, empty, when the template
   * gives no code, as in the plugin's ARM template ({@code c.AzureTags["PlanPromotionCode"] =
   * c.PlanInfo.PlanPromotionCode}).
   */
  private void planTags(
      Fields p, String name, String product, String publisher, Optional<String> promotion) {
    if (p.has("plan_promotion_code") && promotion.isEmpty()) {
      return; // sensitive or unknown: reported where it was read
    }
    Map<String, String> tags = new LinkedHashMap<>();
    Map<String, Range> places = new HashMap<>();
    String[][] pairs = {
      {"PlanInfo", "plan_name", name},
      {"PlanProduct", "plan_product", product},
      {"PlanPublisher", "plan_publisher", publisher},
      {"PlanPromotionCode", "plan_promotion_code", promotion.orElse("")}
    };
    for (String[] t : pairs) {
      tags.put(t[0], t[2]);
      places.put(t[0], p.has(t[1]) ? p.valueRange(t[1]) : p.range());
    }
    planTags = new PlanTags(tags, places, f.nameRange("plan_info"));
  }

  /**
   * A VHD destination built from a gallery image named by its gallery fields. Packer 1.6.6 and the
   * Azure plugin before 2.5.0 refuse it (Config.Prepare: "VHD Target [capture_container_name] is
   * not supported when using Shared Image Gallery as source": they captured a VHD through an
   * unmanaged disk, which a gallery image cannot make); 2.5.0, which copies the VHD from the
   * managed OS disk (pull request 522), dropped the check, and Image Builder distributes a VHD from
   * any source. So a warning of the W133 family, as for a VHD beside a managed image, not an error.
   * Not for the other gallery kinds: the community and direct shared ones are refused here anyway,
   * and whether older plugins refused a VHD beside an id was not found.
   */
  private void vhdFromGallery(Fields g) {
    String vhd = PluginRefusals.firstSet(f, "capture_container_name", "capture_name_prefix");
    if (vhd == null
        || !g.has("gallery_name")
        || g.has("community_gallery_image_id")
        || g.has("direct_shared_gallery_image_id")) {
      return;
    }
    u.report.add(
        PackerMapCode.OLDER_PLUGINS_REFUSE,
        f.nameRange(vhd),
        "Packer 1.6.6 and Azure plugins before 2.5.0 refuse a VHD when the source is a gallery"
            + " image (\"VHD Target ["
            + vhd
            + "] is not supported when using Shared Image Gallery as source. Use "
            + (vhd.equals("capture_container_name")
                ? "managed_image_resource_group_name"
                : "managed_image_name")
            + " instead.\"); plugin 2.5.0 and later accept it, and the converted template"
            + " distributes the VHD. With an older version this template never ran as written:"
            + " capture a managed image (managed_image_name and managed_image_resource_group_name)"
            + " or a gallery image version (shared_image_gallery_destination) instead of the VHD.",
        g.nameRange("gallery_name"),
        "gallery source set here");
  }

  private ImageSource galleryImageSource() {
    Optional<Fields> nested = f.nested("shared_image_gallery");
    if (nested.isEmpty()) {
      return null;
    }
    Fields g = nested.get();
    u.trace.put("/properties/source", g.range());
    vhdFromGallery(g);
    final String dest = "properties.source.imageVersionId";
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
      otherGalleryKinds(g, "community_gallery_image_id");
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
      otherGalleryKinds(g, "direct_shared_gallery_image_id");
      Optional<String> id = g.string("direct_shared_gallery_image_id", dest);
      unknownFields(g, known);
      if (id.isEmpty()) {
        return null;
      }
      Range at = g.nameRange("direct_shared_gallery_image_id");
      if (!DIRECT_SHARED_ID.matcher(id.get()).matches()) {
        invalidId(
            at, "direct_shared_gallery_image_id", "/sharedGalleries/<unique-name>/images/<image>");
        return null;
      }
      // Refused in every version, so the message never suggests another one: before 2022-07-01 the
      // source does not mention such galleries at all, from then on the id form is undocumented.
      boolean mentioned = u.supports("properties.source[SharedImageVersion].exactVersion");
      u.report.add(
          PackerMapCode.FIELD_REFUSED,
          at,
          "Image Builder's SharedImageVersion source takes the resource id of a gallery image"
              + " version (/subscriptions/<id>/resourceGroups/…/galleries/…/images/…/versions/…);"
              + (mentioned
                  ? " whether it accepts the id of a directly shared gallery image is not"
                      + " documented, so it is not converted."
                  : " API version "
                      + u.api.id()
                      + " describes no other kind, and from 2022-07-01, which also mentions"
                      + " directly shared galleries, whether it accepts such an id is not"
                      + " documented, so no API version converts it.")
              + " Name an image version in a gallery of your subscription"
              + " (id, or the gallery fields of shared_image_gallery) instead.");
      return null;
    }
    if (g.has("id")) {
      Optional<String> id = g.string("id", dest);
      // Packer refuses each of these beside id ("When setting shared_image_gallery.id,
      // shared_image_gallery.image_version must not be specified"): the version is the id's.
      for (String k :
          List.of(
              "subscription", "resource_group", "gallery_name", "image_name", "image_version")) {
        if (g.has(k)) {
          g.consume(k);
          u.report.add(
              PackerMapCode.CONFLICTING_FIELDS,
              g.nameRange(k),
              "shared_image_gallery.id names the image by itself; Packer allows no other field"
                  + " beside it. Remove "
                  + g.name(k)
                  + (k.equals("image_version")
                      ? " (to choose a version, end the id with /versions/<version>)."
                      : "."),
              g.nameRange("id"),
              "id set here");
        }
      }
      unknownFields(g, known);
      if (id.isEmpty()) {
        return null;
      }
      Range at = g.valueRange("id");
      Matcher m = GALLERY_IMAGE_ID.matcher(id.get());
      if (!m.matches()) {
        invalidId(
            g.nameRange("id"),
            "shared_image_gallery.id",
            "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/galleries/"
                + "<gallery>/images/<image>[/versions/<version>]");
        return null;
      }
      u.checkSubscriptionId(
          m.group("subscription"), "The subscription in shared_image_gallery.id", at);
      // The id's own parts keep the rules of the names the fields would give.
      String version = m.group("version");
      boolean fit =
          ResourceNames.checkPart(
                  u,
                  at,
                  "The resource group",
                  "shared_image_gallery.id",
                  m.group("group"),
                  ResourceName.RESOURCE_GROUP)
              & ResourceNames.checkPart(
                  u,
                  at,
                  "The gallery name",
                  "shared_image_gallery.id",
                  m.group("gallery"),
                  ResourceName.GALLERY)
              & ResourceNames.checkPart(
                  u,
                  at,
                  "The image name",
                  "shared_image_gallery.id",
                  m.group("image"),
                  ResourceName.GALLERY_IMAGE)
              & (version == null
                  || sourceVersion(g, "id", at, "The version in shared_image_gallery.id", version));
      if (!fit) {
        return null;
      }
      if (version == null) {
        // An image definition: Packer's VM takes its latest version; so does "latest" in AIB.
        latestWarning(" (the id names an image, not one of its versions)", ID_ADVICE, at);
        return new ImageSource.SharedImageVersion(id.get() + "/versions/latest");
      }
      String full = id.get();
      if (isLatest(version)) {
        latestWarning("", ID_ADVICE, at);
        full = full.substring(0, full.length() - version.length()) + latest(version, at);
      }
      return new ImageSource.SharedImageVersion(full);
    }
    Optional<String> sub = u.nestedSubscription(g, "shared_image_gallery", dest);
    sub.ifPresent(
        id ->
            u.checkSubscriptionId(
                id, "shared_image_gallery.subscription", g.valueRange("subscription")));
    Optional<String> group = g.string("resource_group", dest);
    Optional<String> gallery = g.string("gallery_name", dest);
    Optional<String> image = g.string("image_name", dest);
    Optional<String> version = g.string("image_version", dest);
    unknownFields(g, known);
    List<String> missing = new ArrayList<>();
    // Packer requires the subscription too ("A shared_image_gallery.subscription must be
    // specified"), where the destination's falls back to subscription_id.
    for (String k : List.of("subscription", "resource_group", "gallery_name", "image_name")) {
      if (!g.has(k)) {
        missing.add(k);
      }
    }
    if (!missing.isEmpty()) {
      u.report.add(
          PackerMapCode.MISSING_FIELD,
          BuilderChecks.missingAt(g, missing, g.range()),
          "shared_image_gallery needs subscription, resource_group, gallery_name and image_name"
              + " to name the source image (Packer refuses the template without any of them), but "
              + BuilderChecks.absentOrEmpty(g, missing)
              + " Or give the image's resource id in id instead.");
      return null;
    }
    if (group.isEmpty() || gallery.isEmpty() || image.isEmpty()) {
      return null;
    }
    if (g.has("subscription") && sub.isEmpty()) {
      return null;
    }
    boolean fit =
        ResourceNames.check(u, g, "resource_group", group.get(), ResourceName.RESOURCE_GROUP, "")
            & ResourceNames.check(u, g, "gallery_name", gallery.get(), ResourceName.GALLERY, "")
            & ResourceNames.check(u, g, "image_name", image.get(), ResourceName.GALLERY_IMAGE, "")
            & (version.isEmpty()
                || sourceVersion(
                    g,
                    "image_version",
                    g.valueRange("image_version"),
                    g.name("image_version"),
                    version.get()));
    if (!fit) {
      return null;
    }
    Optional<String> subscription =
        sub.isPresent() ? sub : u.subscription("shared_image_gallery", g.range());
    if (subscription.isEmpty()) {
      return null;
    }
    String v = version.orElse("latest");
    if (isLatest(v)) {
      // Where the version is written, the warnings point at it; else at the block.
      Range at = version.isPresent() ? g.valueRange("image_version") : g.range();
      latestWarning(
          version.isPresent() ? "" : " (Packer's default)",
          "Set image_version to an explicit version",
          at);
      v = latest(v, at);
    }
    return new ImageSource.SharedImageVersion(
        ArmIds.galleryImageVersion(subscription.get(), group.get(), gallery.get(), image.get(), v));
  }

  /**
   * Whether a source image version is "latest" (in any case) or a version Azure can have: {@code
   * Major.Minor.Patch}, each part a 32-bit number; else reported. Joined into the id, any other
   * text names no version ({@code 1.0/x} names another resource), and Packer does not check it. The
   * version is read from {@code key} of {@code g} (all of it, or a part of the id), and shown as
   * that field's text is ({@link Fields#shown}: masked when sensitive).
   */
  private boolean sourceVersion(Fields g, String key, Range at, String label, String version) {
    if (isLatest(version)
        || DestinationMapper.isGalleryVersion(version)
        || ArmExpression.isExpression(version)) {
      return true;
    }
    u.report.add(
        PackerMapCode.INVALID_VALUE,
        at,
        label
            + " is "
            + g.shown(key, Excerpts.cut(version, 80))
            + ", but a gallery image version is \"latest\" or has the form Major.Minor.Patch (such"
            + " as 1.0.0), each a whole number up to 2147483647, so no image version has that"
            + " name. Fix the value in the template.");
    return false;
  }

  private static boolean isLatest(String version) {
    return version.equalsIgnoreCase("latest");
  }

  /**
   * "latest" as Image Builder documents it, for a gallery source and a Marketplace one alike (its
   * PlatformImage.version documents only 'latest'). Gallery image versions are named
   * Major.Minor.Patch and Marketplace image versions are numbers too (22.04.202401010), so "Latest"
   * can only mean the keyword: writing the documented spelling loses nothing, and whether the
   * service reads the keyword in another case is not documented. A note says so.
   */
  private String latest(String version, Range at) {
    if (!version.equals("latest")) {
      u.report.add(
          PackerMapCode.FIELD_REWRITTEN,
          at,
          "The source image version \""
              + version
              + "\" is written as \"latest\", the spelling Image Builder documents for the newest"
              + " version of the image.");
    }
    return "latest";
  }

  private static final String ID_ADVICE =
      "End the id with an explicit version (/versions/<version>)";

  /**
   * "latest" is documented in imageVersionId from 2022-07-01; before, a warning says so: {@code
   * why} says where the "latest" comes from when the template does not write it.
   */
  private void latestWarning(String why, String advice, Range at) {
    if (!u.supports("properties.source[SharedImageVersion].exactVersion")) {
      u.report.add(
          PackerMapCode.UNCERTAIN_MAPPING,
          at,
          "The source image version is \"latest\""
              + why
              + ". Image Builder documents \"latest\" in imageVersionId from API version"
              + " 2022-07-01; whether "
              + u.api.id()
              + " accepts it is not documented. "
              + advice
              + ", or choose API version 2022-07-01 or later.");
    }
  }

  private void invalidId(Range at, String field, String form) {
    u.report.add(
        PackerMapCode.INVALID_VALUE,
        at,
        field + " is not a resource id of the form " + form + ". Fix the value in the template.");
  }

  private static int offset(Range r) {
    return r == null ? 0 : r.startOffset();
  }

  private boolean required(String... keys) {
    return BuilderChecks.required(u, f, keys);
  }

  /**
   * Refuses {@code id} and {@code gallery_name} beside {@code kind}, a community or directly shared
   * gallery image's id, as Packer does ("Cannot specify multiple kinds of azure compute gallery
   * sources"); they are the other kinds of gallery source, not fields the converter would not know.
   */
  private void otherGalleryKinds(Fields g, String kind) {
    for (String k : List.of("id", "gallery_name")) {
      if (g.has(k)) {
        g.consume(k);
        u.report.add(
            PackerMapCode.CONFLICTING_FIELDS,
            g.nameRange(k),
            "shared_image_gallery."
                + kind
                + " and "
                + g.name(k)
                + " name two kinds of gallery source; Packer refuses the template (\"Cannot"
                + " specify multiple kinds of azure compute gallery sources\"). Keep one of them.",
            g.nameRange(kind),
            kind + " set here");
      }
    }
    if (g.has("community_gallery_image_id") && g.has("direct_shared_gallery_image_id")) {
      g.consume("direct_shared_gallery_image_id");
      u.report.add(
          PackerMapCode.CONFLICTING_FIELDS,
          g.nameRange("direct_shared_gallery_image_id"),
          "shared_image_gallery.community_gallery_image_id and direct_shared_gallery_image_id"
              + " cannot both be set; Packer refuses the template (\"Cannot specify both community"
              + " gallery and direct shared gallery as a source\"). Keep one of them.",
          g.nameRange("community_gallery_image_id"),
          "community_gallery_image_id set here");
    }
  }

  private void unknownFields(Fields nested, List<String> known) {
    BuilderChecks.unknownFields(u, nested, known);
  }
}
