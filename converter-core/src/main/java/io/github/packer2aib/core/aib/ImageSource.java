package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** {@code properties.source}: the image the build starts from, discriminated by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(ImageSource.PlatformImage.class),
  @JsonSubTypes.Type(ImageSource.ManagedImage.class),
  @JsonSubTypes.Type(ImageSource.SharedImageVersion.class),
  @JsonSubTypes.Type(ImageSource.Iso.class)
})
public sealed interface ImageSource {

  /** The discriminator value, with the spec's exact casing. */
  String type();

  /** A Marketplace image; {@code version} may be {@code latest}. */
  @JsonTypeName("PlatformImage")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"publisher", "offer", "sku", "version", "planInfo"})
  record PlatformImage(
      String publisher, String offer, String sku, String version, PlanInfo planInfo)
      implements ImageSource {
    @Override
    public String type() {
      return "PlatformImage";
    }
  }

  /** Marketplace purchase plan of a platform image (API 2020-02-14 and later). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"planName", "planProduct", "planPublisher"})
  record PlanInfo(String planName, String planProduct, String planPublisher) {}

  @JsonTypeName("ManagedImage")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ManagedImage(String imageId) implements ImageSource {
    @Override
    public String type() {
      return "ManagedImage";
    }
  }

  @JsonTypeName("SharedImageVersion")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SharedImageVersion(String imageVersionId) implements ImageSource {
    @Override
    public String type() {
      return "SharedImageVersion";
    }
  }

  /** RHEL ISO source; only API 2019-05-01-preview has it (the service retired it). */
  @JsonTypeName("ISO")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"sourceUri", "sha256Checksum"})
  record Iso(String sourceUri, String sha256Checksum) implements ImageSource {
    @Override
    public String type() {
      return "ISO";
    }
  }
}
