package io.github.packer2aib.core.mapping.packer;

import java.util.Locale;
import java.util.Optional;

/**
 * The Azure clouds that the azure-arm builder's {@code cloud_environment_name} names, as the plugin
 * reads it: any case, with or without "Azure" before and "Cloud" after the name ({@code China},
 * {@code AzureChinaCloud}, {@code USGovernment}). Each cloud has its own storage endpoint, so a
 * blob address built for one is wrong in another.
 */
final class AzureClouds {
  private AzureClouds() {}

  /** The storage account host suffix of a cloud ("core.windows.net"); empty for an unknown one. */
  static Optional<String> storageSuffix(String cloudName) {
    return switch (bareName(cloudName)) {
      case "public" -> Optional.of("core.windows.net");
      case "china" -> Optional.of("core.chinacloudapi.cn");
      case "usgovernment" -> Optional.of("core.usgovcloudapi.net");
      case "german", "germany" -> Optional.of("core.cloudapi.de");
      default -> Optional.empty();
    };
  }

  /** Whether the name is the public cloud's. */
  static boolean isPublic(String cloudName) {
    return bareName(cloudName).equals("public");
  }

  private static String bareName(String cloudName) {
    String n = cloudName.trim().toLowerCase(Locale.ROOT);
    if (n.startsWith("azure")) {
      n = n.substring("azure".length());
    }
    if (n.endsWith("cloud")) {
      n = n.substring(0, n.length() - "cloud".length());
    }
    return n;
  }
}
