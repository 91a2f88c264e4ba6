package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.DataDisk;
import io.github.packer2aib.core.aib.Distributor;
import io.github.packer2aib.core.aib.ImageSource;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.aib.TagLimits;
import io.github.packer2aib.core.aib.VmProfile;
import io.github.packer2aib.core.aib.VnetConfig;
import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

  private final Unit u;
  private final Fields f;
  private final Map<String, String> tags = new LinkedHashMap<>();

  /**
   * Where a tag of an azure_tag block or of plan_info is written (a tag of azure_tags is found when
   * needed).
   */
  private final Map<String, Range> tagPlaces = new HashMap<>();

  /** Whether plan_info added Packer's four tags. */
  private boolean planTagged;

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
    SourceImageMapper images = new SourceImageMapper(u, f);
    ImageSource source = images.map();
    planTags(images.planTags());
    checkTags();
    List<Distributor> distribute = new DestinationMapper(u, f, tags).map();
    VmProfile vm = vmProfile();
    List<DataDisk> disks = dataDisks();
    PluginRefusals.check(u, f);
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
      guessOs();
      return;
    }
    if (f.has("os_type")) {
      guessOs();
      return; // unknown or invalid: already reported
    }
    boolean judged = guessOs();
    String guess =
        " (The rest of this usage was converted as "
            + u.os.label()
            + (judged
                ? ", judging by its provisioners.)"
                : ", as nothing in it tells the operating system.)");
    if (f.written("os_type")) {
      // Written (os_type = var.os) but empty: at the line, which "has no os_type" sent the reader
      // looking for, as PKRMAP-E108 says it of other fields.
      u.report.add(
          PackerMapCode.OS_TYPE_MISSING,
          f.nameRange("os_type"),
          "Packer requires os_type (\"Linux\" or \"Windows\"), but "
              + BuilderChecks.absentOrEmpty(f, List.of("os_type"))
              + guess);
      return;
    }
    u.report.add(
        PackerMapCode.OS_TYPE_MISSING,
        f.range(),
        "The azure-arm source has no os_type, which Packer requires. Set os_type = \"Linux\" or"
            + " os_type = \"Windows\"."
            + guess);
  }

  /**
   * Takes the operating system from the provisioners (Linux when they do not tell), so that the
   * rest of the usage is checked as it most likely is, and what depends on it says it was guessed;
   * whether the provisioners told it.
   */
  private boolean guessOs() {
    Optional<Os> told = Provisioners.guessOs(u.build.provisioners());
    u.os = told.orElse(Os.LINUX);
    u.osGuessed = true;
    return told.isPresent();
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
    // Empty (an unset variable) is no location, as for Packer, which reads "" as not set.
    if (location.isPresent() && !location.get().isEmpty()) {
      u.location = Regions.normalized(location.get());
      u.trace.put("/location", f.take("location").get().valueRange());
      if (!Regions.possible(u.location)) {
        u.report.add(
            PackerMapCode.INVALID_VALUE,
            f.take("location").get().valueRange(),
            "location = "
                + Words.quote(location.get())
                + Regions.impossibleDetail(location.get(), false));
      } else if (!u.location.equals(location.get())) {
        u.report.add(
            PackerMapCode.FIELD_REWRITTEN,
            f.nameRange("location"),
            "location = \""
                + location.get()
                + "\" is written as \""
                + u.location
                + "\", the region's name in the form Image Builder documents (lower case, no"
                + " spaces), which the Azure plugin also gives gallery regions.");
      }
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
          f.written("location") ? f.nameRange("location") : f.range(),
          f.written("location")
              ? "The source sets no build_resource_group_name, so the image template has no"
                  + " location: "
                  + BuilderChecks.absentOrEmpty(f, List.of("location"))
                  + " Or pass --location."
              : "The source sets neither location nor build_resource_group_name, so the image"
                  + " template has no location. Set location in the source or pass --location.");
    }
    // The Azure plugin checks both names whatever else is set (assertResourceGroupName).
    boolean groupsFit =
        groupFits("build_resource_group_name", buildGroup)
            & groupFits("temp_resource_group_name", tempGroup);
    String staging = null;
    if (!groupsFit) {
      return null;
    }
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

  /** Whether a staging resource group's name, if any, is one the Azure plugin takes. */
  private boolean groupFits(String field, Optional<String> group) {
    return group.isEmpty()
        || ResourceNames.check(u, f, field, group.get(), ResourceName.PLUGIN_RESOURCE_GROUP, "");
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
    if (map.isPresent()) {
      tags.putAll(map.get());
    }
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
            BuilderChecks.missingAt(tag, List.of("name"), tag.range()),
            "An azure_tag block needs a name"
                + BuilderChecks.missingOrEmpty(tag, "name", ". Add name = \"…\" to it."));
      }
      if (name.isPresent()) {
        tags.put(name.get(), value.orElse(""));
        u.trace.put("/tags", tag.range());
        tagPlaces.put(name.get(), tag.range());
      }
      unknownFields(tag, List.of("name", "value"));
    }
  }

  /**
   * Adds the tags Packer adds for plan_info, over any of the same name, as the plugin does: they go
   * wherever azure_tags go (the template's tags, artifactTags, managedResourceTags).
   */
  private void planTags(SourceImageMapper.PlanTags plan) {
    if (plan.tags().isEmpty()) {
      return;
    }
    planTagged = true;
    tags.putAll(plan.tags());
    tagPlaces.putAll(plan.places());
    u.trace.put("/tags", plan.block());
    u.report.add(
        PackerMapCode.FIELD_REWRITTEN,
        plan.block(),
        "Packer adds the tags PlanInfo, PlanProduct, PlanPublisher and PlanPromotionCode (empty"
            + " without plan_promotion_code) to azure_tags for plan_info, so they are written"
            + " where azure_tags are: the template's tags, each image's artifactTags and, from"
            + " API 2024-02-01, the build resources' managedResourceTags.");
  }

  /** Azure's limits on tags, checked once plan_info's are in, as Packer checks them. */
  private void checkTags() {
    if (tags.size() > TagLimits.MAX_TAGS) {
      u.report.add(
          PackerMapCode.INVALID_VALUE,
          f.nameRange(f.has("azure_tags") ? "azure_tags" : "azure_tag"),
          "Azure allows at most "
              + TagLimits.MAX_TAGS
              + " tags on a resource, but the source sets "
              + tags.size()
              + (planTagged ? ", counting the four that Packer adds for plan_info" : "")
              + ". Remove some.");
    }
    for (Map.Entry<String, String> t : tags.entrySet()) {
      if (TagLimits.nameTooLong(t.getKey()) || TagLimits.valueTooLong(t.getValue())) {
        Range block = tagPlaces.get(t.getKey());
        u.report.add(
            PackerMapCode.INVALID_VALUE,
            block != null ? block : f.memberRange("azure_tags", t.getKey()),
            "The tag \""
                + Excerpts.cut(t.getKey(), 40)
                + "\" is too long: Azure allows tag names of up to "
                + TagLimits.MAX_NAME
                + " characters and values of up to "
                + TagLimits.MAX_VALUE
                + ". Shorten it.");
      }
    }
  }

  // ------------------------------------------------------------------ build VM

  private VmProfile vmProfile() {
    String vmSize = null;
    Optional<String> size = f.string("vm_size", "properties.vmProfile.vmSize");
    if (size.isPresent()) {
      vmSize = size.get();
      u.trace.put("/properties/vmProfile/vmSize", f.take("vm_size").get().valueRange());
    } else if (!f.has("vm_size") && !DroppedFields.misspelt(f, "vm_size")) {
      // A misspelt vm_size is an error of its own (PKRMAP-E128): Packer would not build at all.
      boolean empty = f.written("vm_size");
      u.report.add(
          PackerMapCode.VM_SIZE_DEFAULT,
          empty ? f.nameRange("vm_size") : f.range(),
          (empty
                  ? BuilderChecks.absentOrEmpty(f, List.of("vm_size"))
                      + " Packer reads an empty vm_size as not set, so it would build"
                  : "The source sets no vm_size, so Packer would build")
              + " on a Standard_A1. The template leaves vmSize to Image Builder, which picks"
              + " Standard_D1_v2 (Gen1 images) or Standard_D2ds_v4 (Gen2)."
              + (empty ? "" : " Set vm_size to choose."));
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
    // Loops, not streams: every template comes here. (Asking has() reads nothing.)
    String firstSet = null;
    List<String> missing = new ArrayList<>();
    for (String k : keys) {
      if (!f.has(k)) {
        missing.add(k);
      } else if (firstSet == null) {
        firstSet = k;
      }
    }
    if (firstSet == null) {
      return null;
    }
    final String dest = "properties.vmProfile.vnetConfig";
    Optional<String> network = f.string("virtual_network_name", dest);
    Optional<String> subnet = f.string("virtual_network_subnet_name", dest);
    Optional<String> group = f.string("virtual_network_resource_group_name", dest);
    if (!missing.isEmpty()) {
      u.report.add(
          PackerMapCode.MISSING_FIELD,
          f.nameRange(firstSet),
          vnetMissing(missing)
              + (missing.stream().noneMatch(f::written)
                  ? ". Set " + Words.and(keys) + "."
                  : ", with " + Words.and(keys) + ". " + BuilderChecks.absentOrEmpty(f, missing)));
      return null;
    }
    if (network.isEmpty() || subnet.isEmpty() || group.isEmpty()) {
      return null;
    }
    // Each name, in both forms: the older one names the network by its parts.
    boolean fit =
        ResourceNames.check(
                u, f, "virtual_network_name", network.get(), ResourceName.VIRTUAL_NETWORK, "")
            & ResourceNames.check(
                u, f, "virtual_network_subnet_name", subnet.get(), ResourceName.SUBNET, "")
            & ResourceNames.check(
                u,
                f,
                "virtual_network_resource_group_name",
                group.get(),
                ResourceName.RESOURCE_GROUP,
                "");
    if (!fit) {
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

  /**
   * Why a partial network setting cannot be converted. Packer looks up the subnet and the network's
   * group of a named network when it runs, but refuses either without virtual_network_name ("If
   * virtual_network_subnet_name is specified, so must virtual_network_name").
   */
  private String vnetMissing(List<String> missing) {
    List<String> lookedUp = new ArrayList<>(missing);
    if (!lookedUp.remove("virtual_network_name")) {
      return "Packer looks up "
          + Words.and(lookedUp)
          + " when it runs, but the image template must name the subnet exactly";
    }
    List<String> given = new ArrayList<>();
    for (String k : List.of("virtual_network_subnet_name", "virtual_network_resource_group_name")) {
      if (f.has(k)) {
        given.add(k);
      }
    }
    return "Packer refuses "
        + Words.and(given)
        + " without virtual_network_name (\"If "
        + given.get(0)
        + " is specified, so must virtual_network_name\"), and the image template must name the"
        + " subnet exactly";
  }

  private List<DataDisk> dataDisks() {
    if (f.has("disk_additional_luns")) {
      // Whatever becomes of the disks (older API versions refuse them): never an unknown field.
      f.consume("disk_additional_luns");
      u.report.add(
          PackerMapCode.NO_EQUIVALENT,
          f.nameRange("disk_additional_luns"),
          "Image Builder's data disks have no LUN setting; disk_additional_luns was dropped.");
    }
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
    u.trace.put("/properties/additionalDataDisks", f.nameRange("disk_additional_size"));
    return out;
  }

  // ------------------------------------------------------------------ helpers

  private void unknownFields(Fields nested, List<String> known) {
    BuilderChecks.unknownFields(u, nested, known);
  }
}
