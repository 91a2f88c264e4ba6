package io.github.packer2aib.core.aib;

/** {@code properties.autoRun} (API 2024-02-01+): {@code state} is Enabled or Disabled. */
public record AutoRun(String state) {}
