package io.github.packer2aib.core.aib;

/**
 * {@code properties.optimize}: {@code vmBoot} (API 2022-07-01+) and {@code workload}
 * (2025-10-01).
 */
public record Optimize(VmBoot vmBoot, Workload workload) {

  /** {@code state} is {@code Enabled} or {@code Disabled}. */
  public record VmBoot(String state) {}

  public record Workload(String state, String scriptUri, String sha256Checksum) {}
}
