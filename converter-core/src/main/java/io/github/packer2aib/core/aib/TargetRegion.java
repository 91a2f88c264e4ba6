package io.github.packer2aib.core.aib;

/** A gallery replication target (API 2022-07-01 and later). */
public record TargetRegion(String name, IntValue replicaCount, String storageAccountType) {}
