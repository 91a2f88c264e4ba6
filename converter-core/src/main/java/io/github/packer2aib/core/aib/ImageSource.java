package io.github.packer2aib.core.aib;

/** {@code properties.source}: the image the build starts from, discriminated by {@code type}. */
public sealed interface ImageSource {

  /** The discriminator value, with the spec's exact casing. */
  String type();

  /** A Marketplace image; {@code version} may be {@code latest}. */
  record PlatformImage(
      String publisher, String offer, String sku, String version, PlanInfo planInfo)
      implements ImageSource {
    @Override
    public String type() {
      return "PlatformImage";
    }
  }

  /** Marketplace purchase plan of a platform image (API 2020-02-14 and later). */
  record PlanInfo(String planName, String planProduct, String planPublisher) {}

  record ManagedImage(String imageId) implements ImageSource {
    @Override
    public String type() {
      return "ManagedImage";
    }
  }

  record SharedImageVersion(String imageVersionId) implements ImageSource {
    @Override
    public String type() {
      return "SharedImageVersion";
    }
  }

  /** RHEL ISO source; only API 2019-05-01-preview has it (the service retired it). */
  record Iso(String sourceUri, String sha256Checksum) implements ImageSource {
    @Override
    public String type() {
      return "ISO";
    }
  }
}
