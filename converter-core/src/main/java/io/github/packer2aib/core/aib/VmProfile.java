package io.github.packer2aib.core.aib;

import java.util.List;

/** {@code properties.vmProfile}: the build VM. */
public record VmProfile(
    String vmSize,
    IntValue osDiskSizeGB,
    VnetConfig vnetConfig,
    List<String> userAssignedIdentities) {
  public VmProfile {
    userAssignedIdentities = Maps.copyOrNull(userAssignedIdentities);
  }
}
