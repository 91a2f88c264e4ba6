package io.github.packer2aib.core.validate.rules;

import io.github.packer2aib.core.aib.Distributor;
import io.github.packer2aib.core.aib.Identity;
import io.github.packer2aib.core.aib.ImageSource;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.aib.ImageTemplateProperties;
import io.github.packer2aib.core.aib.VmProfile;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The resources a template names that lie in its own staging resource group. Image Builder wants a
 * staging group that exists to be empty (the spec's description of {@code stagingResourceGroup};
 * the service's {@code BadStagingResourceGroup} error), and deletes what it created there with the
 * template. A group that holds the source image, the target gallery, the build VM's network or an
 * identity is never empty; one that receives the managed image is not empty after the first build.
 * Packer has no such rule: building in the group of the image (build_resource_group_name equal to
 * managed_image_resource_group_name) is common there, so converted templates meet this often.
 */
final class StagingGroupContents {
  private StagingGroupContents() {}

  /**
   * A resource in the staging group.
   *
   * @param pointer where the template names it
   * @param what the resource, for a message: {@code "the source managed image"}
   * @param written whether the build writes it there (a managed image target) rather than reads a
   *     resource that exists before it
   */
  record Resource(String pointer, String what, boolean written) {}

  /** The resources {@code t} names in its staging group; empty when it names no group. */
  static List<Resource> of(ImageTemplate t) {
    ImageTemplateProperties p = t.properties();
    String group = p.stagingResourceGroup();
    if (group == null || ArmExpression.isExpression(group)) {
      return List.of();
    }
    String prefix = prefix(group);
    if (prefix == null) {
      return List.of(); // not a resource group id: RULE-E313
    }
    List<Resource> found = new ArrayList<>();
    if (p.source() instanceof ImageSource.ManagedImage m && in(prefix, m.imageId())) {
      found.add(new Resource("/properties/source/imageId", "the source managed image", false));
    } else if (p.source() instanceof ImageSource.SharedImageVersion s
        && in(prefix, s.imageVersionId())) {
      found.add(
          new Resource(
              "/properties/source/imageVersionId", "the gallery of the source image", false));
    }
    List<Distributor> targets = p.distribute() == null ? List.of() : p.distribute();
    for (int i = 0; i < targets.size(); i++) {
      String at = "/properties/distribute/" + i;
      if (targets.get(i) instanceof Distributor.SharedImage s && in(prefix, s.galleryImageId())) {
        found.add(
            new Resource(at + "/galleryImageId", "the gallery of distribute[" + i + "]", false));
      } else if (targets.get(i) instanceof Distributor.ManagedImage m && in(prefix, m.imageId())) {
        found.add(
            new Resource(at + "/imageId", "the managed image of distribute[" + i + "]", true));
      }
    }
    VmProfile vm = p.vmProfile();
    if (vm != null && vm.vnetConfig() != null) {
      if (in(prefix, vm.vnetConfig().subnetId())) {
        found.add(
            new Resource(
                "/properties/vmProfile/vnetConfig/subnetId",
                "the virtual network of the build VM",
                false));
      }
      if (in(prefix, vm.vnetConfig().containerInstanceSubnetId())) {
        found.add(
            new Resource(
                "/properties/vmProfile/vnetConfig/containerInstanceSubnetId",
                "the virtual network of the container instance",
                false));
      }
    }
    if (vm != null && vm.userAssignedIdentities() != null) {
      List<String> ids = vm.userAssignedIdentities();
      for (int k = 0; k < ids.size(); k++) {
        if (in(prefix, ids.get(k))) {
          found.add(
              new Resource(
                  "/properties/vmProfile/userAssignedIdentities/" + k,
                  "an identity of the build VM",
                  false));
        }
      }
    }
    Identity identity = t.identity();
    if (identity != null && identity.userAssignedIdentities() != null) {
      for (String id : identity.userAssignedIdentities()) {
        if (in(prefix, id)) {
          found.add(
              new Resource(
                  JsonPointer.append("/identity/userAssignedIdentities", id),
                  "the template's identity",
                  false));
        }
      }
    }
    return found;
  }

  /**
   * {@code /subscriptions/<s>/resourcegroups/<g>/providers/} in lower case (Azure compares
   * subscription ids and group names ignoring case), or null when {@code group} is no group id.
   */
  private static String prefix(String group) {
    return isGroupId(group) ? withoutSlash(group).toLowerCase(Locale.ROOT) + "/providers/" : null;
  }

  /** What stagingResourceGroup takes: the id of a resource group (service rule RULE-E313). */
  static boolean isGroupId(String id) {
    return RESOURCE_GROUP_ID.matcher(id).matches();
  }

  private static final Pattern RESOURCE_GROUP_ID =
      Pattern.compile("(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/?");

  /** The name of the group a group id names: its last segment. */
  static String groupName(String id) {
    String g = withoutSlash(id);
    return g.substring(g.lastIndexOf('/') + 1);
  }

  private static String withoutSlash(String id) {
    return id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
  }

  private static boolean in(String prefix, String id) {
    return id != null
        && !ArmExpression.isExpression(id)
        && id.length() > prefix.length()
        && id.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
