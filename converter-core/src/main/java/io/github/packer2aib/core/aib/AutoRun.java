package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code properties.autoRun} (API 2024-02-01+): {@code state} is Enabled or Disabled. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AutoRun(String state) {}
