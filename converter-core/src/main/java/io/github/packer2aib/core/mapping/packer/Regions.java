package io.github.packer2aib.core.mapping.packer;

import java.util.Locale;

/**
 * Azure region names as Packer's Azure plugin sends them: {@code "North Europe"} becomes {@code
 * "northeurope"} (normalizeAzureRegion: lower case, spaces removed), the form Image Builder's
 * documentation and the gallery replication of Packer use.
 */
final class Regions {
  private Regions() {}

  static String normalized(String name) {
    // Cheap for the usual name that is already normalized: no copy.
    for (int i = 0, n = name.length(); i < n; i++) {
      char c = name.charAt(i);
      if (c == ' ' || Character.isUpperCase(c)) {
        return name.replace(" ", "").toLowerCase(Locale.ROOT);
      }
    }
    return name;
  }
}
