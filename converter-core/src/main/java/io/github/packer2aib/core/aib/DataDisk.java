package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One {@code properties.additionalDataDisks[]} entry (API 2025-10-01). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataDisk(IntValue sizeGB) {}
