package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code properties.optimize}: {@code vmBoot} (API 2022-07-01+) and {@code workload}
 * (2025-10-01).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"vmBoot", "workload"})
public record Optimize(VmBoot vmBoot, Workload workload) {

  /** {@code state} is {@code Enabled} or {@code Disabled}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VmBoot(String state) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"state", "scriptUri", "sha256Checksum"})
  public record Workload(String state, String scriptUri, String sha256Checksum) {}
}
