package io.github.packer2aib.core.aib;

/**
 * {@code vmProfile.vnetConfig}, in either of its two forms: {@code subnetId} (with {@code
 * proxyVmSize} from 2021-10-01 and {@code containerInstanceSubnetId} from 2024-02-01), or the
 * 2019-05-01-preview documentation's {@code name}/{@code subnetName}/{@code resourceGroupName}.
 */
public record VnetConfig(
    String subnetId,
    String containerInstanceSubnetId,
    String proxyVmSize,
    String name,
    String subnetName,
    String resourceGroupName) {

  public static VnetConfig ofSubnet(String subnetId) {
    return new VnetConfig(subnetId, null, null, null, null, null);
  }
}
