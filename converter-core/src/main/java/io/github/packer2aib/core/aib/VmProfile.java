package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code properties.vmProfile}: the build VM. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"vmSize", "osDiskSizeGB", "vnetConfig", "userAssignedIdentities"})
public record VmProfile(
    String vmSize,
    IntValue osDiskSizeGB,
    VnetConfig vnetConfig,
    List<String> userAssignedIdentities) {
  public VmProfile {
    userAssignedIdentities = Maps.copyOrNull(userAssignedIdentities);
  }
}
