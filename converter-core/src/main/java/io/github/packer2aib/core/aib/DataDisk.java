package io.github.packer2aib.core.aib;

/** One {@code properties.additionalDataDisks[]} entry (API 2025-10-01). */
public record DataDisk(IntValue sizeGB) {}
