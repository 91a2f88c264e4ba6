package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A gallery replication target (API 2022-07-01 and later). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "replicaCount", "storageAccountType"})
public record TargetRegion(String name, IntValue replicaCount, String storageAccountType) {}
