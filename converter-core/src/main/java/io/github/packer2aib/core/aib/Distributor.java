package io.github.packer2aib.core.aib;

import java.util.List;
import java.util.Map;

/**
 * One {@code properties.distribute[]} target, discriminated by {@code type}. Every distributor has a
 * {@code runOutputName} unique within the template, and optional {@code artifactTags}.
 */
public sealed interface Distributor {

  String type();

  String runOutputName();

  Map<String, String> artifactTags();

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
