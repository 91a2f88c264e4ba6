package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Map;

/**
 * One {@code properties.distribute[]} target, discriminated by {@code type}. Every distributor has a
 * {@code runOutputName} unique within the template, and optional {@code artifactTags}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(Distributor.ManagedImage.class),
  @JsonSubTypes.Type(Distributor.SharedImage.class),
  @JsonSubTypes.Type(Distributor.Vhd.class)
})
public sealed interface Distributor {

  String type();

  String runOutputName();

  Map<String, String> artifactTags();

  @JsonTypeName("ManagedImage")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"imageId", "location", "runOutputName", "artifactTags"})
  record ManagedImage(
      String imageId, String location, String runOutputName, Map<String, String> artifactTags)
      implements Distributor {
    public ManagedImage {
      artifactTags = Maps.copyOrNull(artifactTags);
    }

    @Override
    public String type() {
      return "ManagedImage";
    }
  }

  /**
   * An Azure Compute Gallery image version. {@code replicationRegions} (older APIs) and {@code
   * targetRegions} (2022-07-01 and later) are exclusive.
   */
  @JsonTypeName("SharedImage")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({
    "galleryImageId",
    "runOutputName",
    "artifactTags",
    "replicationRegions",
    "targetRegions",
    "versioning",
    "excludeFromLatest",
    "storageAccountType",
    "replicationMode"
  })
  record SharedImage(
      String galleryImageId,
      String runOutputName,
      Map<String, String> artifactTags,
      List<String> replicationRegions,
      List<TargetRegion> targetRegions,
      Versioning versioning,
      BoolValue excludeFromLatest,
      String storageAccountType,
      String replicationMode)
      implements Distributor {
    public SharedImage {
      artifactTags = Maps.copyOrNull(artifactTags);
      replicationRegions = Maps.copyOrNull(replicationRegions);
      targetRegions = Maps.copyOrNull(targetRegions);
    }

    @Override
    public String type() {
      return "SharedImage";
    }
  }

  /** A VHD in a storage account; {@code uri} (2022-07-01+) names the blob, else AIB picks one. */
  @JsonTypeName("VHD")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"uri", "runOutputName", "artifactTags"})
  record Vhd(String uri, String runOutputName, Map<String, String> artifactTags)
      implements Distributor {
    public Vhd {
      artifactTags = Maps.copyOrNull(artifactTags);
    }

    @Override
    public String type() {
      return "VHD";
    }
  }
}
