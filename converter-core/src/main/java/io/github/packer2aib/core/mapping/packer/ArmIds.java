package io.github.packer2aib.core.mapping.packer;

/** Azure resource ids built from the names Packer templates use. */
final class ArmIds {
  private ArmIds() {}

  static String resourceGroup(String subscription, String group) {
    return "/subscriptions/" + subscription + "/resourceGroups/" + group;
  }

  static String managedImage(String subscription, String group, String name) {
    return resourceGroup(subscription, group) + "/providers/Microsoft.Compute/images/" + name;
  }

  static String galleryImage(String subscription, String group, String gallery, String image) {
    return resourceGroup(subscription, group)
        + "/providers/Microsoft.Compute/galleries/"
        + gallery
        + "/images/"
        + image;
  }

  static String galleryImageVersion(
      String subscription, String group, String gallery, String image, String version) {
    return galleryImage(subscription, group, gallery, image) + "/versions/" + version;
  }

  static String subnet(String subscription, String group, String network, String subnet) {
    return resourceGroup(subscription, group)
        + "/providers/Microsoft.Network/virtualNetworks/"
        + network
        + "/subnets/"
        + subnet;
  }
}
